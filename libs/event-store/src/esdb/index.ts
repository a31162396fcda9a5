export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store';
export { InvalidEsdbPositionError } from './position';
export { EsdbPositionMissingError } from './mapping';
