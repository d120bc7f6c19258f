export * from './states';
export * from './events';
export * from './transitions';
export * from './machine';
export * from './simulate';
export * from './scenarios';
export * from './roles';
