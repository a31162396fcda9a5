import type { FieldProblem } from './error-body';

/** The header clients send it in (the IETF httpapi draft's name). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Printable ASCII without spaces, up to 255 characters: a UUID, a ULID, a hash all fit. */
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** What is wrong with the key as sent; an empty list when it is fine (or absent and not required). */
export function idempotencyKeyProblems(key: string | undefined, required: boolean): FieldProblem[] {
  if (key === undefined || key === '') {
    return required
      ? [
          {
            field: IDEMPOTENCY_KEY_HEADER,
            reason: 'is required: a unique value per submission (e.g. a UUID), resent unchanged on every retry',
          },
        ]
      : [];
  }
  return KEY_SHAPE.test(key)
    ? []
    : [{ field: IDEMPOTENCY_KEY_HEADER, reason: 'must be 1 to 255 printable ASCII characters without spaces' }];
}
