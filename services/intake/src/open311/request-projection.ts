import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@civic/event-store';
import { CaseReader, EVENT_STORE, ProjectionRunner, type Projection, type ProjectionProgress } from '@civic/platform';
import { CLOCK, type Clock } from '../cases/clock';
import { CaseErasure } from '../privacy/case-erasure';
import { caseIdOf, Open311RequestIndex } from './request-index';

const RETRY_MS = { firstMs: 500, maxMs: 30_000 };
const PAGE_SIZE = 500;

/**
 * Keeps the GET requests read model: follows every case stream in the event store from its stored
 * position through the platform's projection runner (no Kafka needed), applying each event to the index
 * and then saving the position; a `PersonalDataErased` also has what intake keeps of the person removed. A restart resumes there; a failure retries with backoff. Redelivery
 * changes nothing (request-index-document.ts), so every intake instance may run one.
 */
@Injectable()
export class Open311RequestProjection implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Open311RequestProjection');
  private readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    index: Open311RequestIndex,
    cases: CaseReader,
    @Inject(CLOCK) clock: Clock,
    @Inject(CaseErasure) erasure: Pick<CaseErasure, 'apply'>,
  ) {
    const projection: Projection = {
      name: 'Open311 request index',
      filter: { streamNamePrefixes: ['case-'] },
      progress: async () => ({ position: (await index.checkpoint()) ?? null, applied: 0 }),
      async apply(events: RecordedEvent[], from: ProjectionProgress): Promise<ProjectionProgress> {
        let progress = from;
        for (const event of events) {
          // Intake's one follower of the case streams also finishes every erasure, whoever appended it (the
          // officer's request already did; the platform's at the end of retention has only this): idempotent.
          if (event.type === 'PersonalDataErased') {
            const tenant = event.metadata['tenant'];
            if (typeof tenant === 'string') await erasure.apply(tenant, caseIdOf(event.streamName));
          }
          await index.apply(event, cases);
          await index.saveCheckpoint(event.position, clock.now());
          progress = { position: event.position, applied: progress.applied + 1 };
        }
        return progress;
      },
    };
    const log = { warn: (context: object, message: string) => this.logger.warn(context, message) };
    this.runner = new ProjectionRunner(store, projection, { pageSize: PAGE_SIZE, log, retry: RETRY_MS });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  // Before the application's shutdown hooks: the store must still be open while the subscription closes.
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
