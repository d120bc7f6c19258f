export * from './registry';
export * from './durations';
