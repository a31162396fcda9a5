export * from './port';
export * from './errors';
export * from './audit';
export * from './privacy';
export * from './postgres';
export * from './esdb';
export * from './command-handler';
export * from './registry';
