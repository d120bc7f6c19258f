/** The game rules: pure functions of the review log and explicit inputs (clock, time zone, goal). */
export * from './days';
export * from './sessions';
export * from './xp';
export * from './levels';
export * from './goals';
export * from './daily';
export * from './streak';
export * from './quests';
export * from './challenge';
export * from './facts';
export * from './achievements';
export * from './summary';
export * from './rounds';
export * from './celebrations';
export * from './toasts';
export * from './stats';
export * from './calendar';
