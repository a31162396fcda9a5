import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE, SERVICE_CONFIG } from '@civic/platform';
import type { AnalyticsConfig } from '../config';
import { CASE_STREAMS } from '../projection/case-projector';
import type { GenerationRunner } from '../projection/generation-runner';
import { LiveProjection } from '../projection/live-projection';
import { newGeneration, ReadModels, type Checkpoint } from '../projection/read-models';
import { progressOf, type RebuildProgress, type RebuildRecord } from './rebuild-progress';

export const REBUILDS_COLLECTION = 'analytics_rebuilds';
/** A rebuild whose instance has not reported for this long is taken as abandoned (its process died). */
const ABANDONED_AFTER_MS = 60_000;
const COUNT_PAGE = 5_000;
const LOG_EVERY_MS = 1_000;

/** A rebuild running in this instance. */
interface Job {
  runner?: GenerationRunner;
  done: Promise<void>;
  cancelled: boolean;
  /** Ends the wait for the switch (the service is stopping). */
  cancel?: (reason: Error) => void;
}

export class RebuildInProgressError extends Error {
  constructor(readonly running: RebuildProgress) {
    super(`rebuild ${running.id} is still running`);
    this.name = 'RebuildInProgressError';
  }
}

/**
 * Rebuilds the case read model from the first event while the live one keeps serving: a new generation
 * is filled beside it by the same runner and projector the live model uses, its progress recorded in
 * `analytics_rebuilds` (any instance can report it) and logged; once it has caught up, the alias switches
 * to it and its runner goes on as the live one. The generation it replaced stays until the next switch.
 *
 * Times here are operational (how long a rebuild takes, whether its instance still lives), so they are
 * the machine's time, not the business clock that tests move.
 */
@Injectable()
export class RebuildService implements OnApplicationShutdown {
  private readonly logger = new Logger('ReadModelRebuild');
  private readonly active = new Map<string, Job>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly live: LiveProjection,
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  async start(requestedBy: string): Promise<RebuildProgress> {
    const running = await this.running();
    if (running) throw new RebuildInProgressError(progressOf(running));
    const generation = newGeneration();
    const now = new Date().toISOString();
    const record: RebuildRecord = {
      _id: generation,
      generation,
      status: 'counting',
      requestedBy,
      startedAt: now,
      heartbeatAt: now,
      total: null,
      applied: 0,
      elapsedMs: 0,
      switchedAt: null,
      previousGeneration: null,
      error: null,
    };
    await this.records().insertOne(record);
    const job: Job = { done: Promise.resolve(), cancelled: false };
    job.done = this.build(record, job).finally(() => this.active.delete(generation));
    this.active.set(generation, job);
    this.logger.log({ rebuild: generation, requestedBy }, 'read model rebuild started');
    return progressOf(record);
  }

  async progress(id: string): Promise<RebuildProgress | undefined> {
    const record = await this.records().findOne({ _id: id });
    return record ? progressOf(record) : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const job of this.active.values()) {
      job.cancelled = true;
      job.cancel?.(new Error('the service is stopping'));
      await job.runner?.stop();
    }
    await Promise.all([...this.active.values()].map((job) => job.done));
  }

  private async build(record: RebuildRecord, job: Job): Promise<void> {
    const { generation } = record;
    const startedMs = Date.now();
    const update = (fields: Partial<RebuildRecord>) =>
      this.records().updateOne(
        { _id: generation },
        { $set: { ...fields, heartbeatAt: new Date().toISOString(), elapsedMs: Date.now() - startedMs } },
      );
    try {
      await this.readModels.create(generation);
      const total = await this.total();
      await update({ status: 'catching-up', total });
      this.logger.log({ rebuild: generation, total }, 'read model rebuild: events to apply counted');

      if (job.cancelled) throw new Error('the service is stopping');
      let loggedMs = 0;
      let recordedMs = Date.now();
      let seen = total;
      const switched = new Promise<void>((resolve, reject) => {
        job.cancel = reject;
        const runner = this.live.newRunner(
          generation,
          {
            onProgress: async (checkpoint: Checkpoint) => {
              if (record.status === 'switched') return;
              // Events appended while it runs are read too: the total grows with them.
              seen = Math.max(seen, checkpoint.applied);
              // Recorded every so often, not per page: a page costs far less than a write to the store.
              if (Date.now() - recordedMs >= this.config.ANALYTICS_REBUILD_PROGRESS_MS) {
                recordedMs = Date.now();
                await update({ applied: checkpoint.applied, total: seen });
              }
              if (Date.now() - loggedMs >= LOG_EVERY_MS) {
                loggedMs = Date.now();
                this.logger.log(
                  {
                    rebuild: generation,
                    ...progressOf({ ...record, applied: checkpoint.applied, total: seen, elapsedMs: Date.now() - startedMs }),
                  },
                  'read model rebuild progress',
                );
              }
            },
            onCaughtUp: async (checkpoint: Checkpoint) => {
              let previous: string | null;
              try {
                if (job.cancelled) throw new Error('the service is stopping');
                previous = await this.live.switchTo(runner);
              } catch (error) {
                reject(error);
                throw error;
              }
              // From here the new generation is the live one: nothing below may undo that.
              record.status = 'switched';
              const total = Math.max(seen, checkpoint.applied);
              await update({
                status: 'switched',
                applied: checkpoint.applied,
                total,
                switchedAt: new Date().toISOString(),
                previousGeneration: previous,
              }).catch((error: unknown) =>
                this.logger.warn({ rebuild: generation, err: String(error) }, 'read model rebuild: the final progress was not recorded'),
              );
              // The generation just replaced stays (a comparison, a way back) until the next switch.
              await this.readModels
                .dropAllBut([generation, ...(previous ? [previous] : [])])
                .catch((error: unknown) =>
                  this.logger.warn(
                    { rebuild: generation, err: String(error) },
                    'read model rebuild: older generations not dropped; the next switch retries',
                  ),
                );
              this.logger.log(
                { rebuild: generation, applied: checkpoint.applied, total, previous, elapsedMs: Date.now() - startedMs },
                'read model rebuild caught up: switched to it',
              );
              resolve();
            },
          },
          // Nobody else writes the new generation before the switch: it is built in memory and written in bulk.
          { buffer: { cases: this.config.ANALYTICS_REBUILD_CACHE_CASES, rows: this.config.ANALYTICS_REBUILD_CACHE_ROWS } },
        );
        job.runner = runner;
        runner.start();
      });
      await switched;
    } catch (error) {
      const stopping = job.cancelled;
      await job.runner?.stop();
      await this.readModels.drop(generation).catch(() => undefined);
      await update({ status: stopping ? 'abandoned' : 'failed', error: String(error) }).catch(() => undefined);
      this.logger.error({ rebuild: generation, err: String(error) }, 'read model rebuild did not finish; the live model is unchanged');
    }
  }

  /**
   * The rebuild's total: the case events the live model has read when it is caught up (it reads the same
   * events, and counts them in its checkpoint), or else the case events in the store now, counted.
   */
  private async total(): Promise<number> {
    const live = this.live.status();
    if (live.caughtUp && live.checkpoint) return live.checkpoint.applied;
    return this.countEvents();
  }

  /** The case events in the store now, counted page by page. */
  private async countEvents(): Promise<number> {
    let count = 0;
    let from: string | 'start' = 'start';
    for (;;) {
      const page = await this.store.readAll({ from, maxCount: COUNT_PAGE, filter: CASE_STREAMS });
      count += page.length;
      const last = page.at(-1);
      if (!last || page.length < COUNT_PAGE) return count;
      from = last.position;
    }
  }

  /** A rebuild still running somewhere: its instance reported within the last minute. */
  private async running(): Promise<RebuildRecord | null> {
    const since = new Date(Date.now() - ABANDONED_AFTER_MS).toISOString();
    return this.records().findOne({ status: { $in: ['counting', 'catching-up'] }, heartbeatAt: { $gte: since } });
  }

  private records() {
    return this.readModels.db().collection<RebuildRecord>(REBUILDS_COLLECTION);
  }
}
