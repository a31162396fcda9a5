import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@civic/event-store';
import { EVENT_STORE, SERVICE_CONFIG } from '@civic/platform';
import type { AnalyticsConfig } from '../config';
import { CaseProjector } from './case-projector';
import { GenerationRunner, type RunnerHooks, type RunnerOptions } from './generation-runner';
import { ReadModels, type Checkpoint } from './read-models';

export interface LiveStatus {
  generation: string | null;
  checkpoint: Checkpoint | null;
  caughtUp: boolean;
}

/**
 * Keeps the generation in service up to date: a runner on it from start-up to shutdown. A rebuild hands
 * over its runner when it switches; an instance that did not run the rebuild notices the switch on its
 * next check and follows the new generation from that generation's checkpoint.
 */
@Injectable()
export class LiveProjection implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModels');
  private runner: GenerationRunner | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Switches and checks run one at a time, so a check never races a switch made here. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SERVICE_CONFIG) private readonly config: AnalyticsConfig,
    private readonly projector: CaseProjector,
    private readonly readModels: ReadModels,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const generation = (await this.readModels.current()) ?? (await this.readModels.initialize());
    this.runner = this.newRunner(generation).start();
    this.logger.log({ generation }, 'following the event store into the case read model');
    this.timer = setInterval(() => void this.serially(() => this.followSwitch()), this.config.ANALYTICS_SWITCH_CHECK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.serially(async () => {
      await this.runner?.stop();
      this.runner = undefined;
    });
  }

  status(): LiveStatus {
    return {
      generation: this.runner?.generation ?? null,
      checkpoint: this.runner?.checkpoint ?? null,
      caughtUp: this.runner?.caughtUp ?? false,
    };
  }

  /** A runner feeding `generation` with this service's store, projector and page size. */
  newRunner(generation: string, hooks: RunnerHooks = {}, options: RunnerOptions = {}): GenerationRunner {
    const log = { warn: (context: object, message: string) => this.logger.warn(context, message) };
    return new GenerationRunner(
      { store: this.store, projector: this.projector, readModels: this.readModels, pageSize: this.config.ANALYTICS_PAGE_SIZE, log },
      generation,
      hooks,
      options,
    );
  }

  /**
   * Puts a caught-up generation in service: the alias switches (one atomic update), its runner becomes the
   * live one, the old runner stops. Returns the generation replaced.
   */
  switchTo(runner: GenerationRunner): Promise<string | null> {
    return this.serially(async () => {
      const { previous } = await this.readModels.switchTo(runner.generation);
      const old = this.runner;
      this.runner = runner;
      if (old && old !== runner) await old.stop();
      return previous;
    });
  }

  private async followSwitch(): Promise<void> {
    const current = await this.readModels.current().catch(() => null);
    if (current === null || current === this.runner?.generation) return;
    this.logger.log({ from: this.runner?.generation, to: current }, 'the read model was switched elsewhere: following the new generation');
    await this.runner?.stop();
    this.runner = this.newRunner(current).start();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
