export * from './shared/vocabulary';
export * from './calendar';
export * from './deadlines';
export * from './case';
export * from './screening';
export * from './tenants';
export * from './routing';
export * from './templates/template-decider';
