import { IdempotencyKeyReusedError, RequestInProgressError } from '../cases/errors';
import type { Clock } from '../cases/clock';
import type { IdempotencyRecord, IdempotencyStore, Reservation, StoredResponse } from './idempotency-store';

export interface ReservationAnswers<T> {
  /** The stored answer to an earlier request with the same key. */
  completed(record: IdempotencyRecord & { response: StoredResponse }): T | Promise<T>;
  /** The work itself, under the key's lease; `fresh` when nothing was done for the key yet (not a takeover). */
  claimed(record: IdempotencyRecord, fresh: boolean): Promise<T>;
}

/**
 * What a reserved idempotency key comes to: a key used for another request is refused (422), one still
 * held by another request answers "retry shortly" (409); a completed one answers as stored; a claimed one
 * does the work. Whatever a failed attempt wrote stays, and its key is released, so the next retry with
 * this key takes over at once and finishes it instead of writing it twice.
 */
export async function settleReservation<T>(
  reservation: Reservation,
  key: string,
  idempotency: IdempotencyStore,
  clock: Clock,
  answers: ReservationAnswers<T>,
): Promise<T> {
  switch (reservation.status) {
    case 'mismatch':
      throw new IdempotencyKeyReusedError(key);
    case 'busy':
      throw new RequestInProgressError(key, reservation.retryAfterSeconds);
    case 'completed':
      return answers.completed(reservation.record);
    case 'claimed': {
      const { record, owner, fresh } = reservation;
      try {
        return await answers.claimed(record, fresh);
      } catch (error) {
        await idempotency.release(record._id, owner, clock.now()).catch(() => undefined);
        throw error;
      }
    }
    default: {
      const unhandled: never = reservation;
      throw new Error(`Unhandled reservation: ${JSON.stringify(unhandled)}`);
    }
  }
}
