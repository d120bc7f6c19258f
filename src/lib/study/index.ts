export * from './data';
export * from './grading';
export * from './catalog';
export * from './sessions';
export * from './dashboard';
export * from './flashcard-session';
export * from './quiz-session';
export * from './mastery';
