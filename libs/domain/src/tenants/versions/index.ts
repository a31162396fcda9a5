export * from './charter-events';
export * from './charter-decider';
export * from './case-terms';
