import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AllSubscription, EventStore } from '@civic/event-store';
import { sleep } from '@civic/messaging';
import { EVENT_STORE } from '@civic/platform';
import { CaseReader } from '@civic/platform';
import { CLOCK, type Clock } from '../cases/clock';
import { Open311RequestIndex } from './request-index';

const RETRY_MS = { first: 500, max: 30_000 };

/**
 * Keeps the GET requests read model: follows every case stream in the event store from its stored
 * position (a catch-up subscription, no Kafka needed), applying each event to the index and then
 * saving the position. A restart resumes there; a failure retries with backoff. Redelivery changes
 * nothing (request-index-document.ts), so every intake instance may run one.
 */
@Injectable()
export class Open311RequestProjection implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Open311RequestProjection');
  private readonly stopping = new AbortController();
  private subscription?: AllSubscription;
  private running?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly index: Open311RequestIndex,
    private readonly cases: CaseReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  // Before the application's shutdown hooks: the store must still be open while the subscription closes.
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.subscription?.close().catch(() => undefined);
    await this.running;
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    let delay = RETRY_MS.first;
    while (!signal.aborted) {
      try {
        const from = (await this.index.checkpoint()) ?? 'start';
        this.subscription = this.store.subscribeToAll({ from, filter: { streamNamePrefixes: ['case-'] } });
        for await (const event of this.subscription) {
          await this.index.apply(event, this.cases);
          await this.index.saveCheckpoint(event.position, this.clock.now());
          delay = RETRY_MS.first;
          if (signal.aborted) break;
        }
      } catch (error) {
        if (signal.aborted) break;
        this.logger.warn({ err: error, retryInMs: delay }, 'the Open311 request index stopped following the event store; retrying');
        await sleep(delay, signal);
        delay = Math.min(delay * 2, RETRY_MS.max);
      } finally {
        await this.subscription?.close().catch(() => undefined);
      }
    }
  }
}
