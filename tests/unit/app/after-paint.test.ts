/** afterNextPaint: after the next frame's callbacks and a task, or the timeout where no frame comes. */
import { afterEach, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src/lib/app/after-paint';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

const settled = async (p: Promise<void>) => {
	let done = false;
	void p.then(() => (done = true));
	await Promise.resolve();
	await Promise.resolve();
	return done;
};

it('resolves in a task after the next animation frame, not before', async () => {
	vi.useFakeTimers();
	const frames: FrameRequestCallback[] = [];
	vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
	const painted = afterNextPaint();
	await vi.advanceTimersByTimeAsync(50);
	expect(await settled(painted)).toBe(false);
	frames.shift()!(0);
	expect(await settled(painted)).toBe(false); // the frame's callbacks run before its paint
	await vi.advanceTimersByTimeAsync(0);
	expect(await settled(painted)).toBe(true);
});

it('resolves after the timeout where no frame comes (a hidden tab), and at once where there are no frames', async () => {
	vi.useFakeTimers();
	vi.stubGlobal('requestAnimationFrame', () => 0);
	const hidden = afterNextPaint(100);
	await vi.advanceTimersByTimeAsync(99);
	expect(await settled(hidden)).toBe(false);
	await vi.advanceTimersByTimeAsync(1);
	expect(await settled(hidden)).toBe(true);
	vi.stubGlobal('requestAnimationFrame', undefined);
	expect(await settled(afterNextPaint())).toBe(true);
});
