export * from './types';
export * from './claims';
export * from './sources';
export { buildDeck, type ContentFile } from './deck';
