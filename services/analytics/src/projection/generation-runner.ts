import type { EventStore, RecordedEvent } from '@civic/event-store';
import { ProjectionRunner, type Projection, type ProjectionHooks } from '@civic/platform';
import { CASE_STREAMS, type CaseProjector } from './case-projector';
import { BufferedGenerationStore, DirectGenerationStore, type BufferLimits, type GenerationStore } from './generation-store';
import type { Checkpoint, ReadModels } from './read-models';

export interface RunnerDependencies {
  /** The event store as stored (personal data still encrypted: this model never needs it). */
  store: EventStore;
  projector: CaseProjector;
  readModels: ReadModels;
  pageSize: number;
  log: { warn(context: object, message: string): void };
}

export type RunnerHooks = ProjectionHooks<Checkpoint>;

export interface RunnerOptions {
  /**
   * Keep the generation in memory while catching up, written in bulk (generation-store.ts): only for a
   * fresh generation that is not in service yet (a rebuild), which no other instance writes.
   */
  buffer?: BufferLimits;
}

/**
 * One generation of the case model as a projection: its documents and buckets, and its checkpoint, both
 * by generation. Buffered, it stores its checkpoint only with everything it kept in memory (when caught
 * up), so the stored checkpoint never runs ahead of the stored documents; a failure while buffered drops
 * what was in memory and goes on unbuffered from the stored checkpoint.
 */
function generationProjection(generation: string, deps: RunnerDependencies, options: RunnerOptions): Projection<Checkpoint> {
  const { projector, readModels } = deps;
  const direct = new DirectGenerationStore(readModels.collections(generation));
  let buffered: BufferedGenerationStore | null = options.buffer ? new BufferedGenerationStore(direct, options.buffer) : null;
  const store = (): GenerationStore => buffered ?? direct;
  let starts = 0;
  return {
    name: `case read model ${generation}`,
    filter: CASE_STREAMS,
    progress: () => {
      // A start after a failure: what was in memory is gone; MongoDB and the checkpoint are what holds.
      if (starts++ > 0) buffered = null;
      return readModels.checkpoint(generation);
    },
    async apply(events: RecordedEvent[], from: Checkpoint): Promise<Checkpoint> {
      await projector.apply(store(), events);
      const next = { _id: generation, position: events.at(-1)?.position ?? from.position, applied: from.applied + events.length };
      if (!buffered) await readModels.saveCheckpoint(next);
      return next;
    },
    async caughtUp(progress: Checkpoint): Promise<Checkpoint> {
      if (!buffered) return progress;
      await buffered.flush();
      buffered = null;
      await readModels.saveCheckpoint(progress);
      return progress;
    },
  };
}

/** Feeds one generation of the case model through the platform's projection runner. */
export class GenerationRunner extends ProjectionRunner<Checkpoint> {
  constructor(
    deps: RunnerDependencies,
    readonly generation: string,
    hooks: RunnerHooks = {},
    options: RunnerOptions = {},
  ) {
    super(deps.store, generationProjection(generation, deps, options), { pageSize: deps.pageSize, log: deps.log }, hooks);
  }

  /** Where it is: the last position applied and how many events it has read. */
  get checkpoint(): Checkpoint {
    return this.progress ?? { _id: this.generation, position: null, applied: 0 };
  }
}
