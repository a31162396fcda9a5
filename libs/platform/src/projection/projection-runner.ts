import type { AllSubscription, EventFilter, EventStore, GlobalPosition, RecordedEvent } from '@civic/event-store';

/** How far a projection has got: where the next read starts (exclusive; null: the first event) and how many events it read. */
export interface ProjectionProgress {
  position: GlobalPosition | null;
  applied: number;
}

/** A read model kept from the store's global order. Applying an event twice must change nothing. */
export interface Projection<P extends ProjectionProgress = ProjectionProgress> {
  /** For the logs. */
  readonly name: string;
  /** The streams or event types it reads; all when absent. */
  readonly filter?: EventFilter;
  /** Where it stands as stored: a restart resumes here. */
  progress(): Promise<P>;
  /** Applies events in the store's order and stores the progress they bring it to, which it returns. */
  apply(events: RecordedEvent[], from: P): Promise<P>;
  /**
   * Once, when catching up first reaches the end, before `onCaughtUp` and before following live: a
   * projection that kept its writes back while catching up (a rebuild into a model nobody else writes yet)
   * stores them and its progress now, and returns the progress stored. Until then its `apply` may return
   * progress it has not stored; a restart after a failure asks `progress()` again, as always.
   */
  caughtUp?(progress: P): Promise<P>;
}

export interface ProjectionHooks<P extends ProjectionProgress> {
  /** After every page (catching up) or event (live) applied and its progress stored. */
  onProgress?(progress: P): void | Promise<void>;
  /** Once: the first read that found nothing more to read (a rebuild switches here). */
  onCaughtUp?(progress: P): Promise<void>;
}

export interface ProjectionRunnerOptions {
  /** Events per read while catching up. */
  pageSize: number;
  log: { warn(context: object, message: string): void };
  /** The pause after a failure, doubled up to `maxMs`. */
  retry?: { firstMs: number; maxMs: number };
}

const DEFAULT_RETRY = { firstMs: 200, maxMs: 5_000 };

/**
 * The one way the platform projects the event store into a read model: from the stored progress it reads
 * the global order in pages until a page comes back short (caught up), then follows a live subscription
 * from the same position. A failure (a connection lost, two instances writing the same document) restarts
 * it from the stored progress after a pause that grows: events applied twice change nothing.
 */
export class ProjectionRunner<P extends ProjectionProgress = ProjectionProgress> {
  private stopped = false;
  private running: Promise<void> | undefined;
  private subscription: AllSubscription | undefined;
  private wake: (() => void) | undefined;
  private reachedEnd = false;
  private current: P | undefined;

  constructor(
    private readonly store: EventStore,
    readonly projection: Projection<P>,
    private readonly options: ProjectionRunnerOptions,
    private readonly hooks: ProjectionHooks<P> = {},
  ) {}

  /** The progress reached; undefined before the stored one is read. */
  get progress(): P | undefined {
    return this.current && { ...this.current };
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
    const retry = this.options.retry ?? DEFAULT_RETRY;
    let delay = retry.firstMs;
    while (!this.stopped) {
      const appliedBefore = this.current?.applied;
      try {
        await this.follow();
        // The live subscription ended without a stop (the store closed it): follow again from the stored progress.
        if (this.stopped) return;
        this.options.log.warn({ projection: this.projection.name, retryInMs: delay }, 'projection subscription ended; following again');
      } catch (error) {
        if (this.stopped) return;
        const context = { projection: this.projection.name, err: String(error), retryInMs: delay };
        this.options.log.warn(context, 'projection failed; resuming from its stored progress');
      }
      // The pause grows while nothing is applied between failures, and starts small again once something was.
      delay = this.current?.applied !== appliedBefore ? retry.firstMs : delay;
      await this.pause(delay);
      delay = Math.min(delay * 2, retry.maxMs);
    }
  }

  private async follow(): Promise<void> {
    let progress = await this.projection.progress();
    this.current = progress;
    const { filter } = this.projection;
    const read = (from: GlobalPosition | null) =>
      this.store.readAll({ from: from ?? 'start', maxCount: this.options.pageSize, ...(filter ? { filter } : {}) });
    let next = read(progress.position);
    while (!this.stopped) {
      const page = await next;
      // The next page is read while this one is applied (a read changes nothing; it is dropped on a failure).
      const full = page.length === this.options.pageSize;
      if (full) {
        next = read(page[page.length - 1].position);
        next.catch(() => undefined);
      }
      progress = await this.applied(page, progress);
      if (!full) break;
    }
    if (this.stopped) return;
    if (!this.reachedEnd) {
      if (this.projection.caughtUp) {
        progress = await this.projection.caughtUp({ ...progress });
        this.current = progress;
      }
      this.reachedEnd = true;
      await this.hooks.onCaughtUp?.({ ...progress });
    }
    if (this.stopped) return;
    this.subscription = this.store.subscribeToAll({ from: progress.position ?? 'start', ...(filter ? { filter } : {}) });
    if (this.stopped) await this.subscription.close();
    for await (const event of this.subscription) progress = await this.applied([event], progress);
  }

  private async applied(events: RecordedEvent[], from: P): Promise<P> {
    if (events.length === 0 || this.stopped) return from;
    const progress = await this.projection.apply(events, from);
    this.current = progress;
    await this.hooks.onProgress?.({ ...progress });
    return progress;
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
