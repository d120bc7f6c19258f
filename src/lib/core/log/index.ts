export * from './review';
export * from './settings';
export * from './backup';
export * from './day';
