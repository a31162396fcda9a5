export * from './error-body';
export * from './field-problems';
export * from './case-rejections';
export * from './error-response';
export * from './exception.filter';
export * from './validation.pipe';
export * from './entity-tags';
export * from './ids';
