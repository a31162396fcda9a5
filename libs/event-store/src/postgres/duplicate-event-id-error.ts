/**
 * An event id is already stored (ids are unique across the store). Nothing of the append was written.
 * A writer retrying an append it is unsure about sees this when the first attempt did succeed.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamName: string,
    readonly eventId: string | undefined,
  ) {
    super(`Stream ${streamName}: event id ${eventId ?? '(one of the batch)'} is already stored`);
    this.name = 'DuplicateEventIdError';
  }
}
