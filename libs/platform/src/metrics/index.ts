export * from './definitions';
export * from './lag';
export * from './cached-probe';
export * from './platform-metrics';
export * from './http-metrics';
export * from './store-backlog';
export * from './prometheus-text';
