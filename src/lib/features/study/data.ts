import type { Text } from '../../core/text';
import type { Question } from '../quiz/types';

/** What the browser receives: every question, ready to ask. No Markdown, no parser. */
export interface StudyData {
	topics: { id: string; title: Text }[];
	questions: Question[];
}
