export * from './types';
export { generateBank, DEFAULT_SEED } from './bank';
export { validateBank } from './validate';
export { statesOfFamily } from './scope';
