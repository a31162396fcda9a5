/** A Kafka message that is not a CloudEvent we can read: it goes to the dead-letter topic at once, never retried. */
export class MalformedMessageError extends Error {
  constructor(readonly reason: string) {
    super(`Malformed CloudEvent message: ${reason}`);
    this.name = 'MalformedMessageError';
  }
}

/**
 * Thrown by a handler that knows retrying cannot help (a rejected command, an unknown tenant): the event is
 * dead-lettered after this attempt instead of after the whole backoff schedule.
 */
export class PermanentHandlerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentHandlerError';
  }
}

/** The relay no longer holds its lease (renewal failed or another owner took it): it must stop publishing. */
export class LeaseLostError extends Error {
  constructor(
    readonly relay: string,
    readonly owner: string,
    detail: string,
  ) {
    super(`Relay ${relay}: owner ${owner} lost its lease (${detail})`);
    this.name = 'LeaseLostError';
  }
}

/** The event store ended a subscription that should follow it forever; the relay resubscribes from its checkpoint. */
export class SubscriptionEndedError extends Error {
  constructor(readonly relay: string) {
    super(`Relay ${relay}: the event-store subscription ended`);
    this.name = 'SubscriptionEndedError';
  }
}

/** A CloudEvent that the spec forbids (an attribute missing, an extension name that is not lower-case alphanumeric). */
export class InvalidCloudEventError extends Error {
  constructor(reason: string) {
    super(`Invalid CloudEvent: ${reason}`);
    this.name = 'InvalidCloudEventError';
  }
}
