/** Set on an answer that repeats the stored answer to an earlier request with the same Idempotency-Key. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
