import { describe, expect, it } from 'vitest';
import { atEnd, atStart, back, forward, goTo, pause, play, resize, rewind, startPlayer, tick } from '../../../src/lib/features/study/step-player';

describe('step player', () => {
	it('starts before the first step, stopped', () => {
		const p = startPlayer(3);
		expect(p).toEqual({ total: 3, shown: 0, playing: false });
		expect(atStart(p)).toBe(true);
		expect(atEnd(p)).toBe(false);
		expect(atEnd(startPlayer(0))).toBe(true);
	});

	it('steps forward and back within 0…total', () => {
		let p = startPlayer(2);
		p = forward(forward(forward(p)));
		expect(p.shown).toBe(2);
		expect(atEnd(p)).toBe(true);
		p = back(back(back(p)));
		expect(p.shown).toBe(0);
		expect(goTo(p, 7).shown).toBe(2);
		expect(goTo(p, -4).shown).toBe(0);
		expect(goTo(p, 1).shown).toBe(1);
	});

	it('plays one step a beat and stops itself at the end', () => {
		let p = play(startPlayer(2));
		expect(p.playing).toBe(true);
		p = tick(p);
		expect(p).toMatchObject({ shown: 1, playing: true });
		p = tick(p);
		expect(p).toMatchObject({ shown: 2, playing: true });
		p = tick(p);
		expect(p).toMatchObject({ shown: 2, playing: false });
	});

	it('a beat while paused changes nothing; play at the end starts over', () => {
		const paused = pause(goTo(startPlayer(3), 1));
		expect(tick(paused)).toEqual(paused);
		expect(play(goTo(startPlayer(3), 3))).toEqual({ total: 3, shown: 0, playing: true });
		expect(play(goTo(startPlayer(3), 2))).toEqual({ total: 3, shown: 2, playing: true });
	});

	it('rewinds stopped, and keeps what happened when the total changes', () => {
		expect(rewind(play(goTo(startPlayer(4), 3)))).toEqual({ total: 4, shown: 0, playing: false });
		expect(resize(goTo(startPlayer(4), 3), 2)).toEqual({ total: 2, shown: 2, playing: false });
		expect(resize(goTo(startPlayer(4), 3), 6)).toEqual({ total: 6, shown: 3, playing: false });
	});
});
