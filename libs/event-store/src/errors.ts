import type { ExpectedRevision, StreamRevision } from './port';

/** The stream was not where the writer expected it: someone else appended first. Re-read and decide again. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: StreamRevision | 'no-stream',
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, but it is at ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends Error {
  constructor(readonly streamName: string) {
    super(`Stream ${streamName} does not exist`);
    this.name = 'StreamNotFoundError';
  }
}
