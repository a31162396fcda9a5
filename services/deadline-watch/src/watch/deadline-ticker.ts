import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CLOCK, SERVICE_CONFIG, type Clock } from '@civic/platform';
import type { DeadlineWatchConfig } from '../config';
import { TimerStore } from './timer.store';
import { AlertRecorder, type FireOutcome } from './alert-recorder';

export interface FiredTimer {
  timer: string;
  caseId: string;
  outcome: FireOutcome;
}

/** A tick takes at most this many batches, so one tick ends even while timers keep coming due. */
const MAX_BATCHES_PER_TICK = 10;

/**
 * Every TICK_MS: reads `now` from the clock, takes the pending timers due by then in fire order, claims
 * each (a lease, so two instances do not both work it) and fires it. Catching up after downtime is the same
 * tick: every timer that came due meanwhile is due now, oldest first. A case's timers fire in their order:
 * once one of a case's timers is held by another instance or not done, its later ones wait for the next tick.
 */
@Injectable()
export class DeadlineTicker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineTicker.name);
  /** This instance, as it appears on the timers it holds. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<FiredTimer[]> | undefined;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: DeadlineWatchConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly timers: TimerStore,
    private readonly recorder: AlertRecorder,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.TICKER_ENABLED) return;
    this.interval = setInterval(
      () => void this.tick().catch((error: unknown) => this.logger.error({ err: String(error) }, 'tick failed')),
      this.config.TICK_MS,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One tick; a tick asked for while one runs joins it. Returns what happened to each timer it took. */
  tick(): Promise<FiredTimer[]> {
    this.running ??= this.work().finally(() => (this.running = undefined));
    return this.running;
  }

  private async work(): Promise<FiredTimer[]> {
    const now = this.clock.now();
    const fired: FiredTimer[] = [];
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
      const due = await this.timers.due(now, this.config.TICK_BATCH);
      const blocked = new Set<string>();
      let progressed = false;
      for (const timer of due) {
        if (blocked.has(timer.caseId)) continue;
        const realNow = new Date();
        const claimed = await this.timers.claim(timer._id, this.owner, realNow, new Date(realNow.getTime() + this.config.TIMER_LEASE_MS));
        if (!claimed) {
          // Another instance holds it: the case's later timers wait, so they never overtake it.
          blocked.add(timer.caseId);
          continue;
        }
        let outcome: FireOutcome;
        try {
          outcome = await this.recorder.fire(timer, this.owner, now);
        } catch (error) {
          this.logger.error({ caseId: timer.caseId, timer: timer._id, err: String(error) }, 'deadline timer failed: tried again later');
          await this.timers.release(timer._id, this.owner, String(error)).catch(() => undefined);
          outcome = 'retry-later';
        }
        fired.push({ timer: timer._id, caseId: timer.caseId, outcome });
        if (outcome === 'retry-later') blocked.add(timer.caseId);
        else progressed = true;
      }
      if (due.length < this.config.TICK_BATCH || !progressed) break;
    }
    return fired;
  }
}
