export * from '../../features/quiz/types';
export { generateBank, DEFAULT_SEED } from './bank';
export { validateBank } from './validate';
export { statesOfFamily } from '../../features/quiz/scope';
