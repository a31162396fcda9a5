import { backoffDelay, type BackoffPolicy } from '../backoff';
import { sleep as realSleep } from '../abort';
import type { IncomingKafkaMessage } from '../cloud-events/kafka-message';
import { MalformedMessageError, PermanentHandlerError } from '../errors';
import { silentLogger, type MessagingLogger } from '../logger';
import { deadLetterMessage, deadLetterTopic, type DeadLetterSink } from './dead-letters';
import type { Inbox } from './inbox';
import { decodeEvent, type ReceivedEvent } from './received-event';

/**
 * The consumer core every service uses, whatever calls it (a Nest `@EventPattern` handler or a plain kafkajs
 * `eachMessage`). For one message it:
 *   1. decodes the CloudEvent; a malformed message is dead-lettered at once (retrying cannot fix it);
 *   2. skips an event id the group's inbox already holds (a redelivery or a relay duplicate);
 *   3. runs the handler, retrying with exponential backoff up to `attempts` times in all
 *      (a `PermanentHandlerError` stops retrying at once);
 *   4. on success records the id in the inbox; after the last failure sends the message to
 *      `<topic>.<group>.dlt` with the reason.
 * It returns normally in every case but one, so the caller commits the offset and the partition moves on. The
 * exception: the dead-letter send itself failed (Kafka down). Then it throws, the offset is not committed,
 * and Kafka redelivers the message later: nothing is dropped.
 *
 * Retries happen inside one delivery, so the partition waits meanwhile: keep attempts × delays well under the
 * group's session timeout, or pass the delivery's `heartbeat` (Nest: `context.getHeartbeat()`), which is called
 * between attempts.
 *
 * With Nest:
 * ```ts
 * @EventPattern(CASE_EVENTS_TOPIC)
 * async onCaseEvent(@Ctx() context: KafkaContext) {
 *   await this.consumer.handleContext<JsonObject>(context, async (event) => this.cases.apply(caseEventFromKafka(event)));
 * }
 * ```
 */
export interface RetryPolicy extends BackoffPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5_000, factor: 2, jitter: 0.2 };

export interface EventConsumerOptions {
  /** The Kafka consumer group: names the inbox and the dead-letter topics. */
  group: string;
  inbox: Inbox;
  deadLetters: DeadLetterSink;
  retry?: Partial<RetryPolicy>;
  /**
   * Whether an error means a server the consumer needs is down (not the message's fault): such a failure, of the
   * handler or of the inbox, is retried with backoff until the server is back, never counted against `attempts`
   * and never dead-lettered, so an outage of the read models' store delays events but loses none.
   */
  unavailable?: (error: unknown) => boolean;
  logger?: MessagingLogger;
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

export type EventHandler<D = unknown> = (event: ReceivedEvent<D>) => Promise<void>;

export type HandleOutcome =
  | { outcome: 'handled'; eventId: string; attempts: number }
  | { outcome: 'duplicate'; eventId: string }
  | { outcome: 'dead-lettered'; eventId?: string; attempts: number; reason: string; deadLetterTopic: string };

export interface DeliveryControls {
  /** Keeps the group membership alive during long retries. */
  heartbeat?: () => Promise<void>;
}

/** What the Nest `KafkaContext` offers, described structurally so this library does not import Nest. */
export interface KafkaContextLike {
  getMessage(): IncomingKafkaMessage;
  getTopic(): string;
  getPartition(): number;
  getHeartbeat?(): () => Promise<void>;
}

export class EventConsumer {
  readonly group: string;
  private readonly retry: RetryPolicy;
  private readonly logger: MessagingLogger;
  private readonly wait: (ms: number) => Promise<void>;

  constructor(private readonly options: EventConsumerOptions) {
    this.group = options.group;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    if (!Number.isInteger(this.retry.attempts) || this.retry.attempts < 1)
      throw new RangeError('retry.attempts must be a positive integer');
    this.logger = options.logger ?? silentLogger;
    this.wait = options.sleep ?? ((ms) => realSleep(ms));
  }

  async handle<D = unknown>(
    message: IncomingKafkaMessage,
    topic: string,
    partition: number,
    handler: EventHandler<D>,
    controls: DeliveryControls = {},
  ): Promise<HandleOutcome> {
    let event: ReceivedEvent<D>;
    try {
      event = decodeEvent<D>(message, topic, partition);
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) throw error;
      return this.deadLetter(message, topic, partition, error, 0);
    }
    const where = { group: this.group, topic, partition, offset: message.offset, eventId: event.id };
    if (await this.untilAvailable(() => this.options.inbox.has(event.id), where, controls))
      return { outcome: 'duplicate', eventId: event.id };

    for (let attempt = 1, outage = 0; ; attempt += 1) {
      try {
        await handler(event);
      } catch (error) {
        if (this.options.unavailable?.(error)) {
          attempt -= 1;
          outage += 1;
          await this.waitOut(error, outage, where, controls);
          continue;
        }
        const permanent = error instanceof PermanentHandlerError;
        if (permanent || attempt >= this.retry.attempts) return this.deadLetter(message, topic, partition, error, attempt, event.id);
        const delay = backoffDelay(attempt, this.retry);
        this.logger.warn(
          { group: this.group, topic, partition, offset: message.offset, eventId: event.id, attempt, delayMs: delay, err: describe(error) },
          'event handler failed: retrying',
        );
        await this.wait(delay);
        await controls.heartbeat?.();
        continue;
      }
      await this.untilAvailable(
        () => this.options.inbox.record(event.id, { type: event.type, topic, partition, offset: message.offset }),
        where,
        controls,
      );
      return { outcome: 'handled', eventId: event.id, attempts: attempt };
    }
  }

  /** Runs `work` again while it fails because a server is down (see `unavailable`); any other error is thrown. */
  private async untilAvailable<T>(work: () => Promise<T>, where: Record<string, unknown>, controls: DeliveryControls): Promise<T> {
    for (let outage = 1; ; outage += 1) {
      try {
        return await work();
      } catch (error) {
        if (!this.options.unavailable?.(error)) throw error;
        await this.waitOut(error, outage, where, controls);
      }
    }
  }

  private async waitOut(error: unknown, outage: number, where: Record<string, unknown>, controls: DeliveryControls): Promise<void> {
    const delay = backoffDelay(outage, this.retry);
    this.logger.warn(
      { ...where, outage, delayMs: delay, err: describe(error) },
      'a server the consumer needs is unavailable: waiting for it',
    );
    await this.wait(delay);
    await controls.heartbeat?.();
  }

  /** The same, straight from a Nest `KafkaContext` (its message, topic, partition and heartbeat). */
  handleContext<D = unknown>(context: KafkaContextLike, handler: EventHandler<D>): Promise<HandleOutcome> {
    return this.handle(context.getMessage(), context.getTopic(), context.getPartition(), handler, { heartbeat: context.getHeartbeat?.() });
  }

  private async deadLetter(
    message: IncomingKafkaMessage,
    topic: string,
    partition: number,
    error: unknown,
    attempts: number,
    eventId?: string,
  ): Promise<HandleOutcome> {
    const target = deadLetterTopic(topic, this.group);
    const reason = describe(error);
    await this.options.deadLetters.send(
      target,
      deadLetterMessage(message, {
        group: this.group,
        topic,
        partition,
        error: error instanceof Error ? error.name : 'Error',
        reason,
        attempts,
        failedAt: new Date(),
      }),
    );
    this.logger.error(
      { group: this.group, topic, partition, offset: message.offset, eventId, attempts, err: reason, deadLetterTopic: target },
      'event dead-lettered',
    );
    return { outcome: 'dead-lettered', eventId, attempts, reason, deadLetterTopic: target };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
