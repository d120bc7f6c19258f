/** The scheduler: a thin wrapper over ts-fsrs. Nothing outside this folder imports ts-fsrs. */
export { gradeOf } from './grade';
export { buildSchedule, foldReview, isAfter, isStudied, movesSchedule, schedulerFor, type ItemState, type Schedule } from './schedule';
export { isBuried, isSetAside } from './controls';
export { TYPED_SLOW_MS } from './grade';
export { becameLeech, isLeech, leeches, leechesToSuspend, LEECH_THRESHOLD_DEFAULT, LEECH_THRESHOLD_MAX, LEECH_THRESHOLD_MIN } from './leech';
export { previewIntervals, formatInterval, type IntervalPreview } from './preview';
export { dueQueue, introducedOn, type Queue, type QueueOptions } from './queue';
export { State as CardState, type Card } from 'ts-fsrs';
export { DEFAULT_WEIGHTS, isWeights, roundWeights, sameWeights, type Weights } from './weights';
export { itemHistories, MIN_TRAINING_SAMPLES, optimizerInput, trainingCount, type ItemHistory, type OptimizerInput } from './training';
export { logLoss, type LossResult } from './loss';
export { memoryOf, itemHistory, type HistoryEntry, type Memory } from './memory';
export { AHEAD_DAYS_MAX, forgottenOn, MORE_NEW_MAX, moreNewQueue, reviewAheadQueue } from './custom-study';
