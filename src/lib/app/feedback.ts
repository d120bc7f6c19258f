/**
 * Haptics and sounds for the game, each behind its setting: vibration where the device has it
 * (`settings.haptics`, on by default), short beeps generated with WebAudio (`settings.sounds`, off by
 * default; no audio files). Under `prefers-reduced-motion` the buzz is a single short tap.
 */
import { progress } from '$lib/app/progress.svelte';

export type Cue = 'right' | 'wrong' | 'celebrate';

const PATTERNS: Record<Cue, number[]> = {
	right: [15],
	wrong: [40, 60, 40],
	celebrate: [20, 40, 20, 40, 60]
};

/** Notes (Hz) and their length (s), played one after the other. */
const TUNES: Record<Cue, [number, number][]> = {
	right: [
		[660, 0.07],
		[880, 0.09]
	],
	wrong: [[220, 0.16]],
	celebrate: [
		[523, 0.08],
		[659, 0.08],
		[784, 0.08],
		[1047, 0.16]
	]
};

export const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function buzz(cue: Cue) {
	if (!progress.settings.haptics || typeof navigator === 'undefined') return;
	try {
		navigator.vibrate?.(reducedMotion() ? [10] : PATTERNS[cue]);
	} catch {
		// Some browsers throw without a user gesture: haptics are a nicety.
	}
}

let audio: AudioContext | null = null;

export function beep(cue: Cue) {
	if (!progress.settings.sounds || typeof AudioContext === 'undefined') return;
	try {
		audio ??= new AudioContext();
		if (audio.state === 'suspended') void audio.resume();
		let t = audio.currentTime + 0.01;
		for (const [frequency, length] of TUNES[cue]) {
			const osc = audio.createOscillator();
			const gain = audio.createGain();
			osc.type = 'sine';
			osc.frequency.value = frequency;
			// A soft attack and release: no clicks.
			gain.gain.setValueAtTime(0, t);
			gain.gain.linearRampToValueAtTime(0.12, t + 0.01);
			gain.gain.linearRampToValueAtTime(0, t + length);
			osc.connect(gain).connect(audio.destination);
			osc.start(t);
			osc.stop(t + length + 0.02);
			t += length;
		}
	} catch {
		// No audio device, or autoplay refused: stay silent.
	}
}

/** Both, as the settings allow. */
export function cue(c: Cue) {
	buzz(c);
	beep(c);
}
