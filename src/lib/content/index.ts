export * from './types';
export * from './claims';
export * from './sources';
export { buildDeck, type ContentFile } from './deck';
export { GLOSSARY, glossaryProblems, checkChineseMarkdown, checkChineseSource, type GlossaryTerm } from './glossary';
