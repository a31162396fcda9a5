import type { EventStore, RecordedEvent } from '@civic/event-store';
import { ProjectionRunner, type Projection, type ProjectionHooks } from '@civic/platform';
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

export type RunnerHooks = ProjectionHooks<Checkpoint>;

/** One generation of the case model as a projection: its documents and its checkpoint, both by generation. */
function generationProjection(generation: string, projector: CaseProjector, readModels: ReadModels): Projection<Checkpoint> {
  return {
    name: `case read model ${generation}`,
    filter: CASE_STREAMS,
    progress: () => readModels.checkpoint(generation),
    async apply(events: RecordedEvent[], from: Checkpoint): Promise<Checkpoint> {
      await projector.apply(generation, events);
      const next = { _id: generation, position: events.at(-1)?.position ?? from.position, applied: from.applied + events.length };
      await readModels.saveCheckpoint(next);
      return next;
    },
  };
}

/** Feeds one generation of the case model through the platform's projection runner. */
export class GenerationRunner extends ProjectionRunner<Checkpoint> {
  constructor(
    deps: RunnerDependencies,
    readonly generation: string,
    hooks: RunnerHooks = {},
  ) {
    super(deps.store, generationProjection(generation, deps.projector, deps.readModels), { pageSize: deps.pageSize, log: deps.log }, hooks);
  }

  /** Where it is: the last position applied and how many events it has read. */
  get checkpoint(): Checkpoint {
    return this.progress ?? { _id: this.generation, position: null, applied: 0 };
  }
}
