export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { DuplicateEventIdError } from './duplicate-event-id-error';
export { InvalidPositionError } from './position';
export { applySchema, InvalidSchemaNameError } from './schema';
export { valuesList } from './values-list';
export type { MongoCopy } from './mongo-copy';
