/** Set on an answer that repeats the stored answer to an earlier request with the same Idempotency-Key. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** The one thing controllers do with the response object: set a header. */
export interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}
