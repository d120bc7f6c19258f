export * from './types';
export { generateBank, DEFAULT_SEED } from './bank';
export { validateBank } from './validate';
export { hash, rng, randomFor, shuffle } from './random';
export { statesOfFamily } from './scope';
