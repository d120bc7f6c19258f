/** Classroom quizzes without a server: quiz codes, result codes, selection, scoring, CSV. Pure. */
export * from './base32';
export * from './checksum';
export * from './envelope';
export * from './quiz-code';
export * from './select';
export * from './answers';
export * from './name';
export * from './result-code';
export * from './score';
export * from './csv';
export * from './records';
export * from './book';
export * from './projector';
export * from './class-run';
export * from './collect';
