export * from './names';
export * from './servers';
export * from './databases';
export * from './processes';
export * from './compose';
export * from './service-suites';
export * from './eventually';
export * from './pdf';
