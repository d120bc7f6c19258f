export * from '../../features/content/types';
export * from './claims';
export * from '../../features/content/sources';
export { buildDeck, type ContentFile } from './deck';
export { GLOSSARY, glossaryProblems, checkChineseMarkdown, checkChineseSource, type GlossaryTerm } from './glossary';
