import type { AllSubscription, EventStore, RecordedEvent } from '@civic/event-store';
import { CASE_STREAMS, type CaseProjector } from './case-projector';
import type { Checkpoint, ReadModels } from './read-models';

export interface RunnerDependencies {
  /** The event store as stored (personal data still encrypted: this model never needs it). */
  store: EventStore;
  projector: CaseProjector;
  readModels: ReadModels;
  pageSize: number;
  log: { warn(context: object, message: string): void };
}

export interface RunnerHooks {
  /** After every page (catching up) or event (live) applied and checkpointed. */
  onProgress?(checkpoint: Checkpoint): void | Promise<void>;
  /** Once: the first read that found nothing more to read. A rebuild switches here. */
  onCaughtUp?(checkpoint: Checkpoint): Promise<void>;
}

const RETRY_MS = { first: 200, max: 5_000 };

/**
 * Feeds one generation of the case model from the event store: from its checkpoint it reads `$all` (case
 * streams only) in pages until a page comes back short (caught up), then follows a live subscription from
 * the same checkpoint. A failure (a connection lost, two instances writing the same case) restarts it
 * from the stored checkpoint after a pause: events applied twice change nothing.
 */
export class GenerationRunner {
  private stopped = false;
  private running: Promise<void> | undefined;
  private subscription: AllSubscription | undefined;
  private wake: (() => void) | undefined;
  private position: Checkpoint;
  private reachedEnd = false;

  constructor(
    private readonly deps: RunnerDependencies,
    readonly generation: string,
    private readonly hooks: RunnerHooks = {},
  ) {
    this.position = { _id: generation, position: null, applied: 0 };
  }

  /** Where it is: the last position applied and how many events it has read. */
  get checkpoint(): Checkpoint {
    return { ...this.position };
  }

  get caughtUp(): boolean {
    return this.reachedEnd;
  }

  start(): this {
    this.running ??= this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.subscription?.close().catch(() => undefined);
    await this.running;
  }

  private async run(): Promise<void> {
    let retry = RETRY_MS.first;
    while (!this.stopped) {
      try {
        await this.follow();
        return;
      } catch (error) {
        if (this.stopped) return;
        this.deps.log.warn({ generation: this.generation, err: String(error), retryInMs: retry }, 'read model feed failed; resuming from its checkpoint');
        await this.pause(retry);
        retry = Math.min(retry * 2, RETRY_MS.max);
      }
    }
  }

  private async follow(): Promise<void> {
    this.position = await this.deps.readModels.checkpoint(this.generation);
    const { store, pageSize } = this.deps;
    while (!this.stopped) {
      const page = await store.readAll({ from: this.position.position ?? 'start', maxCount: pageSize, filter: CASE_STREAMS });
      await this.applied(page);
      if (page.length < pageSize) break;
    }
    if (this.stopped) return;
    if (!this.reachedEnd) {
      this.reachedEnd = true;
      await this.hooks.onCaughtUp?.(this.checkpoint);
    }
    if (this.stopped) return;
    this.subscription = store.subscribeToAll({ from: this.position.position ?? 'start', filter: CASE_STREAMS });
    if (this.stopped) await this.subscription.close();
    for await (const event of this.subscription) await this.applied([event]);
  }

  private async applied(events: RecordedEvent[]): Promise<void> {
    const last = events.at(-1);
    if (!last || this.stopped) return;
    await this.deps.projector.apply(this.generation, events);
    this.position = { _id: this.generation, position: last.position, applied: this.position.applied + events.length };
    await this.deps.readModels.saveCheckpoint(this.position);
    await this.hooks.onProgress?.(this.checkpoint);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
