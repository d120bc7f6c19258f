import type { CaptureSource } from '../../core/capture/reading';
import type { Role, State, Transition } from '../../core/fsm';
import type { Lang, Text } from '../../core/text';

/** A problem found in the content, pointing at the line a teacher has to fix. */
export interface ContentError {
	file: string;
	line: number;
	message: string;
}

export const formatError = (e: ContentError) => `${e.file}:${e.line}: ${e.message}`;

export interface QuizOption {
	id: string;
	correct: boolean;
	label: Text;
}

export interface Card {
	id: string;
	topic: string;
	title: Text;
	/** Flashcard sides, plain text with claims rendered. */
	front: Text;
	back: Text;
	/** The card's body, rendered to HTML at build time. */
	html: Text;
	state?: State;
	role?: Role;
	waits?: Text;
	leaves?: Text;
	param?: string;
	meaning?: Text;
	notesSaid?: Text;
	/** A state whose pile-up in `ss` this card diagnoses, and the fix it teaches. */
	diagnoses?: State;
	fix?: Text;
	quiz?: 'single' | 'multi';
	/** The card this one asks again in other words (an interview card): both share one schedule family. */
	sameAs?: string;
	options?: QuizOption[];
	tags: string[];
	/** The transitions the card claims, each checked against the machine. */
	transitions: Transition[];
	sources: string[];
	/** Where the card starts in each language's file. */
	at: Record<Lang, { file: string; line: number }>;
}

export interface Topic {
	id: string;
	order: number;
	title: Text;
	intro: Text;
	cards: Card[];
}

export interface Deck {
	topics: Topic[];
	/** The committed captures' text forms (static/captures/), where the build reads them: questions are made from them. */
	captures?: CaptureSource[];
}
