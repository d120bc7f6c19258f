export { matchTyped, NO_OPTION, typedChoice, typedTarget, type TypedTarget, type TypedVerdict } from './match';
export { readConcept, readQuantity, stateSpellingsOf, type Concept } from './concepts';
