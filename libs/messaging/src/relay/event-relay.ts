import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Partitioners, type Kafka, type Producer, type RetryOptions } from 'kafkajs';
import type { AllSubscription, EventStore, GlobalPosition, RecordedEvent } from '@civic/event-store';
import { ABORTED, sleep, unlessAborted } from '../abort';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff';
import { CASE_STREAM_PREFIX, caseEventToCloudEvent } from '../cloud-events/case-event';
import type { CloudEvent } from '../cloud-events/cloud-event';
import { toKafkaBinary } from '../cloud-events/kafka-binding';
import { SubscriptionEndedError } from '../errors';
import { silentLogger, type MessagingLogger } from '../logger';
import { BatchReader } from './batch-reader';
import type { RelayCheckpoints } from './relay-checkpoints';
import { RelayLease } from './relay-lease';
import type { RelayState } from './relay-state';

/**
 * The relay: follows the event store from its checkpoint and publishes every case event to Kafka as a
 * CloudEvent (binary mode, see `cloud-events/kafka-binding.ts`), keyed by case id so each case keeps its order.
 *
 * Delivery is at least once. The checkpoint (in `state`: MongoDB or PostgreSQL) moves only after Kafka acknowledged
 * a batch (acks = all, idempotent producer, one request in flight), so after a crash, a Kafka outage or a lost
 * lease the relay re-reads from the checkpoint: nothing is lost, and the events of the unacknowledged batch may
 * be published twice. Consumers drop those duplicates by event id (the consumer toolkit's inbox).
 *
 * One relay of a name publishes at a time (a lease in `state`, see `relay-lease.ts`); the others wait
 * in standby and take over when the holder stops or stops renewing.
 */
export interface EventRelayOptions {
  /** Names the checkpoint and the lease: relays sharing a name share both. */
  name: string;
  store: EventStore;
  kafka: Kafka;
  /**
   * Where checkpoints and leases live: `mongoRelayState(db)`, or `await postgresRelayState(pool)` so that the
   * relay keeps working on PostgreSQL alone while MongoDB is down.
   */
  state: RelayState;
  topic: string;
  /** Default `case-`: only case streams are published. */
  streamNamePrefix?: string;
  /** Default host-pid-random; shown in the lease document and in `progress()`. */
  owner?: string;
  /** Default 15 s; the lease is renewed every ttl/3. */
  leaseTtlMs?: number;
  /** Default 500 events per Kafka request. */
  maxBatch?: number;
  /** How long a batch waits for more events after the first; default 5 ms. */
  lingerMs?: number;
  /** Waits between failed attempts (Kafka or the state's store down); default 200 ms doubling to 5 s. */
  backoff?: BackoffPolicy;
  /**
   * The producer's own retries before a send counts as failed and the relay backs off, reconnects and resumes
   * from its checkpoint. Bounded (kafkajs retries an idempotent producer forever by default) so an outage shows
   * up in `progress()` and `stop()` never waits on it.
   */
  producerRetry?: RetryOptions;
  /** Default `caseEventToCloudEvent`. */
  toCloudEvent?: (event: RecordedEvent) => CloudEvent;
  logger?: MessagingLogger;
}

export type RelayStatus = 'stopped' | 'standby' | 'active' | 'retrying';

/** For `/health` and tests. */
export interface RelayProgress {
  name: string;
  owner: string;
  status: RelayStatus;
  /** Events Kafka acknowledged since `start()` (re-sends after a failure count again). */
  published: number;
  batches: number;
  lastPosition?: GlobalPosition;
  lastEventId?: string;
  lastPublishedAt?: string;
  /** From the store recording the last published event to Kafka acknowledging it: the relay's lag then. */
  lastDelayMs?: number;
  /** Failed attempts since start (Kafka or state store errors, lost leases). */
  failures: number;
  lastError?: string;
}

const DEFAULT_PRODUCER_RETRY: RetryOptions = { retries: 5, initialRetryTime: 100, maxRetryTime: 1_000 };

export class EventRelay {
  private readonly options: Required<Omit<EventRelayOptions, 'state' | 'owner'>>;
  private readonly checkpoints: RelayCheckpoints;
  private readonly lease: RelayLease;
  private readonly state: RelayProgress;
  private stopping?: AbortController;
  private running?: Promise<void>;

  constructor(options: EventRelayOptions) {
    const owner = options.owner ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.options = {
      streamNamePrefix: CASE_STREAM_PREFIX,
      leaseTtlMs: 15_000,
      maxBatch: 500,
      lingerMs: 5,
      backoff: DEFAULT_BACKOFF,
      producerRetry: DEFAULT_PRODUCER_RETRY,
      toCloudEvent: caseEventToCloudEvent,
      logger: silentLogger,
      ...options,
    };
    this.checkpoints = options.state.checkpoints;
    this.lease = new RelayLease(options.state.leases, options.name, owner, this.options.leaseTtlMs);
    this.state = { name: options.name, owner, status: 'stopped', published: 0, batches: 0, failures: 0 };
  }

  /** Starts following in the background: acquires the lease (or waits in standby), then publishes. */
  start(): void {
    if (this.running) return;
    this.stopping = new AbortController();
    this.state.status = 'standby';
    this.running = this.run(this.stopping.signal);
  }

  /** Stops publishing and releases the lease so a standby relay takes over at once. */
  async stop(): Promise<void> {
    this.stopping?.abort();
    await this.running;
    this.running = undefined;
  }

  progress(): RelayProgress {
    return { ...this.state };
  }

  private async run(stop: AbortSignal): Promise<void> {
    let failures = 0;
    while (!stop.aborted) {
      let acquired = false;
      try {
        acquired = await this.lease.tryAcquire();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.noteFailure(error, 'could not reach the lease');
      }
      if (!acquired) {
        this.state.status = 'standby';
        await sleep(failures > 0 ? backoffDelay(failures, this.options.backoff) : this.options.leaseTtlMs / 3, stop);
        continue;
      }
      this.options.logger.info({ relay: this.state.name, owner: this.state.owner }, 'relay lease acquired: publishing');
      await this.whileLeased(stop);
    }
    this.state.status = 'stopped';
  }

  /** Publishes until the lease is lost or the relay stops; a failure backs off and resumes from the checkpoint. */
  private async whileLeased(stop: AbortSignal): Promise<void> {
    const leased = new AbortController();
    const onStop = () => leased.abort();
    stop.addEventListener('abort', onStop, { once: true });
    const renewal = this.keepRenewing(leased);
    let failures = 0;
    try {
      while (!leased.signal.aborted) {
        this.state.status = failures > 0 ? 'retrying' : 'active';
        try {
          await this.publish(leased, () => (failures = 0));
        } catch (error) {
          if (leased.signal.aborted) break;
          failures += 1;
          this.state.status = 'retrying';
          this.noteFailure(error, 'publishing failed: resuming from the checkpoint after a pause');
          await sleep(backoffDelay(failures, this.options.backoff), leased.signal);
        }
      }
    } finally {
      clearInterval(renewal);
      stop.removeEventListener('abort', onStop);
      if (stop.aborted) await this.lease.release().catch((error: unknown) => this.noteFailure(error, 'could not release the lease'));
    }
  }

  /** Renews every ttl/3; any failure to renew ends publishing at once (another relay may take over). */
  private keepRenewing(leased: AbortController): NodeJS.Timeout {
    let renewing = false;
    return setInterval(() => {
      if (renewing || leased.signal.aborted) return;
      renewing = true;
      this.lease
        .renew()
        .then(
          (held) => {
            if (!held) this.loseLease(leased, 'another owner took it');
          },
          (error: unknown) => this.loseLease(leased, `renewal failed: ${(error as Error).message}`),
        )
        .finally(() => (renewing = false));
    }, this.options.leaseTtlMs / 3);
  }

  private loseLease(leased: AbortController, reason: string): void {
    if (leased.signal.aborted) return;
    this.state.failures += 1;
    this.state.lastError = `lease lost: ${reason}`;
    this.state.status = 'standby';
    this.options.logger.warn({ relay: this.state.name, owner: this.state.owner, reason }, 'relay lease lost: stopped publishing');
    leased.abort();
  }

  /** One session: a producer and a subscription from the stored checkpoint; returns when `leased` aborts. */
  private async publish(leased: AbortController, onSuccess: () => void): Promise<void> {
    const signal = leased.signal;
    const producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: this.options.producerRetry,
      // murmur2 like the Java client, so a case id lands on the same partition whoever produces it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    let subscription: AllSubscription | undefined;
    try {
      if ((await unlessAborted(producer.connect(), signal)) === ABORTED) return;
      const from = (await this.checkpoints.load(this.state.name)) ?? 'start';
      subscription = this.options.store.subscribeToAll({ from, filter: { streamNamePrefixes: [this.options.streamNamePrefix] } });
      const reader = new BatchReader(subscription[Symbol.asyncIterator](), this.options.maxBatch, this.options.lingerMs);
      for (;;) {
        const next = await reader.next(signal);
        if (next.kind === 'interrupted') return;
        if (next.kind === 'done') throw new SubscriptionEndedError(this.state.name);
        // The renewal timer may have been starved (a long pause): never publish on a lease we cannot vouch for.
        if (!this.lease.isHeld()) return this.loseLease(leased, 'expired before it could be renewed');
        const sent = await unlessAborted(this.send(producer, next.items), signal);
        // Unknown whether Kafka took it: the checkpoint stays behind, so the next owner sends it again.
        if (sent === ABORTED) return;
        const last = next.items[next.items.length - 1];
        await this.checkpoints.save(this.state.name, last.position, this.state.owner);
        this.recordProgress(next.items.length, last);
        onSuccess();
      }
    } finally {
      await subscription?.close().catch((error: unknown) => this.noteFailure(error, 'could not close the subscription'));
      await producer.disconnect().catch(() => undefined);
    }
  }

  private async send(producer: Producer, events: RecordedEvent[]): Promise<void> {
    const messages = events.map((event) => {
      const cloudEvent = this.options.toCloudEvent(event);
      return toKafkaBinary(cloudEvent, cloudEvent.subject ?? null);
    });
    await producer.send({ topic: this.options.topic, acks: -1, messages });
  }

  private recordProgress(count: number, last: RecordedEvent): void {
    const now = Date.now();
    this.state.status = 'active';
    this.state.published += count;
    this.state.batches += 1;
    this.state.lastPosition = last.position;
    this.state.lastEventId = last.id;
    this.state.lastPublishedAt = new Date(now).toISOString();
    this.state.lastDelayMs = Math.max(0, now - Date.parse(last.recordedAt));
  }

  private noteFailure(error: unknown, what: string): void {
    this.state.failures += 1;
    this.state.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.logger.warn({ relay: this.state.name, owner: this.state.owner, err: this.state.lastError }, `relay: ${what}`);
  }
}
