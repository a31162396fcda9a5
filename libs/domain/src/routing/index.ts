export * from './rule-set.schema';
export * from './facts';
export * from './decide-route';
export * from './default-rule-set';
export * from './choose-officer';
export * from './config-events';
export * from './config-decider';
export * from './units';
