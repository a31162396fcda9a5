import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { readStreamIfExists, type EventStore, type GlobalPosition } from '@civic/event-store';
import { CLOCK, EVENT_STORE, SERVICE_CONFIG, type Clock } from '@civic/platform';
import type { AnalyticsConfig } from '../../config';
import { CASE_STREAMS } from '../../projection/case-projector';
import { Checkpoints } from './checkpoints';

/** Where each run ends in the store's global order, so the next one reads only what came after. */
export const CHECKPOINT_RUNS_STREAM = 'checkpointrun-analytics';
export const CHECKPOINT_RUN_COMPLETED = 'CheckpointRunCompleted';
const PAGE = 500;

export interface CheckpointRun {
  throughPosition: GlobalPosition | null;
  /** Streams whose head got a new signature, or whose newest checkpoint already named it. */
  signed: number;
  /** Streams whose head was not signed, and why (a broken chain, a checkpoint that no longer holds). */
  refused: { stream: string; reason: string; detail: string }[];
}

/**
 * Every ANALYTICS_CHECKPOINT_INTERVAL_MS: each case stream, of every tenant, that gained events since the last
 * run gets its head signed (Checkpoints.signStream, which refuses a chain that does not hold). Runs one at a
 * time per instance; two instances may both sign a head, which only adds a second valid checkpoint.
 */
@Injectable()
export class CheckpointTimer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<CheckpointRun> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<AnalyticsConfig, 'ANALYTICS_CHECKPOINT_INTERVAL_MS'>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly checkpoints: Checkpoints,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.runOnce().catch((error: Error) => this.logger.error({ err: error }, 'checkpoint run failed; the next run tries again'));
    }, this.config.ANALYTICS_CHECKPOINT_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run now (the timer's, or a test's); a run already under way is joined, not doubled. */
  runOnce(): Promise<CheckpointRun> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<CheckpointRun> {
    const since = await this.lastPosition();
    const changed = new Map<string, string>();
    let position = since;
    for (;;) {
      const page = await this.store.readAll({ from: position ?? 'start', maxCount: PAGE, filter: CASE_STREAMS });
      for (const event of page) {
        if (typeof event.metadata.tenant === 'string') changed.set(event.streamName, event.metadata.tenant);
      }
      if (page.length > 0) position = page[page.length - 1].position;
      if (page.length < PAGE) break;
    }
    const run: CheckpointRun = { throughPosition: position, signed: 0, refused: [] };
    for (const [stream, tenant] of changed) {
      const result = await this.checkpoints.signStream(tenant, stream);
      if (result.signed) run.signed += 1;
      else {
        run.refused.push({ stream, reason: result.reason, detail: result.detail });
        this.logger.error(
          { stream, tenant, reason: result.reason, detail: result.detail },
          'refused to sign a chain head that does not verify',
        );
      }
    }
    if (changed.size > 0) await this.record(run);
    return run;
  }

  private async lastPosition(): Promise<GlobalPosition | null> {
    const [last] = (await readStreamIfExists(this.store, CHECKPOINT_RUNS_STREAM, { direction: 'backwards', maxCount: 1 })) ?? [];
    const position = last?.data.throughPosition;
    return typeof position === 'string' ? position : null;
  }

  private async record(run: CheckpointRun): Promise<void> {
    await this.store.appendToStream(
      CHECKPOINT_RUNS_STREAM,
      [
        {
          id: randomUUID(),
          type: CHECKPOINT_RUN_COMPLETED,
          data: { throughPosition: run.throughPosition, signed: run.signed, refused: run.refused },
          metadata: { occurredAt: this.clock.now().toISOString(), schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
}
