export * from './shared/vocabulary';
export * from './calendar/types';
export * from './deadlines/policy';
