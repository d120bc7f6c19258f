/**
 * The app's one icon set: 24 × 24 outlines drawn with `currentColor`, so they follow the text's
 * colour and theme, and need no emoji font (a device without one shows empty boxes for emoji).
 */

/** A circle as a path, so every icon is a list of paths. */
const circle = (cx: number, cy: number, r: number) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

export const ICON_PATHS = {
	home: ['M3 11.5 12 4l9 7.5', 'M5.5 10v10h13V10', 'M10 20v-5h4v5'],
	cards: ['M4 7h12v13H4z', 'M8 7V4h12v13h-4'],
	quiz: [circle(12, 12, 9), 'M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1 1-1.1 1.8v.3', 'M12 17.2v.1'],
	diagram: [circle(6, 6, 2.5), circle(18, 6, 2.5), circle(12, 18, 2.5), 'M8.5 6h7', 'M7.3 8.2l3.4 7.6', 'M16.7 8.2l-3.4 7.6'],
	settings: ['M4 6h9', 'M17 6h3', 'M4 12h3', 'M11 12h9', 'M4 18h11', 'M19 18h1', circle(15, 6, 2), circle(9, 12, 2), circle(17, 18, 2)],
	simulator: ['M4 8h15', 'M15 4l4 4-4 4', 'M20 16H5', 'M9 12l-4 4 4 4'],
	/** Packets on a wire: the capture reader. */
	capture: ['M3 12h3l2-6 3 12 3-9 2 3h5', 'M3 20h18', 'M3 4h18'],
	stats: ['M5 20V11', 'M12 20V4', 'M19 20v-6', 'M3 20h18'],
	classroom: ['M3 4h18v12H3z', 'M8 20h8', 'M12 16v4'],
	timer: [circle(12, 13.5, 7.5), 'M12 10v4l2.5 2', 'M9.5 3h5'],
	flame: ['M12 3c.8 3.6 5 5.3 5 10.2a5 5 0 0 1-10 0c0-2.4 1.3-3.9 2.4-4.9.2 1.4.9 2.4 1.9 2.9.4-2.9-.5-5.3.7-8.2z'],
	snowflake: ['M12 3v18', 'M4.2 7.5l15.6 9', 'M4.2 16.5l15.6-9', 'M9.5 4.5 12 6.5l2.5-2', 'M9.5 19.5 12 17.5l2.5 2'],
	star: ['M12 3.5l2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.8z'],
	medal: [circle(12, 15, 5), 'M8.5 3l2.3 7.2', 'M15.5 3l-2.3 7.2', 'M12 13v4'],
	target: [circle(12, 12, 9), circle(12, 12, 5), circle(12, 12, 1)],
	levelUp: ['M12 20V5', 'M6 11l6-6 6 6'],
	check: ['M5 12.5l4.5 4.5L19 7'],
	cross: ['M6.5 6.5l11 11', 'M17.5 6.5l-11 11'],
	heart: ['M12 20s-7.5-4.6-7.5-10.2A4.2 4.2 0 0 1 12 7.3a4.2 4.2 0 0 1 7.5 2.5C19.5 15.4 12 20 12 20z'],
	retry: ['M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M19.5 4.5v4.5H15'],
	previous: ['M15 5.5 8.5 12l6.5 6.5'],
	next: ['M9 5.5l6.5 6.5L9 18.5']
} satisfies Record<string, string[]>;

export type IconName = keyof typeof ICON_PATHS;
