import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Role } from '@civic/domain';
import { CLOCK, SERVICE_CONFIG, type Clock } from '@civic/platform';
import type { DeadlineWatchConfig } from '../config';
import { TimerStore, type Release, type Settlement, type TimerDocument } from './timer.store';
import { AlertRecorder, type EscalationRoleOf, type FireOutcome } from './alert-recorder';
import { EscalationRoles } from './escalation-roles';

export interface FiredTimer {
  timer: string;
  caseId: string;
  outcome: FireOutcome;
}

/** A tick takes at most this many batches, so one tick ends even while timers keep coming due. */
const MAX_BATCHES_PER_TICK = 10;

/**
 * Every TICK_MS: reads `now` from the clock, takes the pending timers due by then in fire order, a batch at a
 * time, claims the batch (a lease, so two instances do not both work a timer) and fires it: the batch's cases
 * at once (up to TICK_CONCURRENCY), each case's timers one after the other, in their order. Once one of a
 * case's timers is held by another instance or not done, its later ones wait for the next tick. The claims
 * are ended (settled or released) for the whole batch at once. Catching up after downtime is the same tick:
 * every timer that came due meanwhile is due now, oldest first.
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
    private readonly roles: EscalationRoles,
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
    // The tenant's rule set in force as of this tick: read once per tenant, when its first case escalates.
    const roles = new Map<string, Promise<Role>>();
    const escalationRoleOf: EscalationRoleOf = (tenant) => {
      let role = roles.get(tenant);
      if (!role) {
        role = this.roles.of(tenant);
        roles.set(tenant, role);
        role.catch(() => roles.delete(tenant));
      }
      return role;
    };
    const fired: FiredTimer[] = [];
    for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
      const due = await this.timers.due(now, this.config.TICK_BATCH);
      const results = await this.fireBatch(due, now, escalationRoleOf);
      fired.push(...results);
      const progressed = results.some((result) => result.outcome !== 'retry-later');
      if (due.length < this.config.TICK_BATCH || !progressed) break;
    }
    return fired;
  }

  /** Claims the batch, fires its cases, and ends every claim it made; returns the fired timers in batch order. */
  private async fireBatch(due: readonly TimerDocument[], now: Date, escalationRoleOf: EscalationRoleOf): Promise<FiredTimer[]> {
    if (due.length === 0) return [];
    const realNow = new Date();
    const claimed = await this.timers.claim(
      due.map((timer) => timer._id),
      this.owner,
      realNow,
      new Date(realNow.getTime() + this.config.TIMER_LEASE_MS),
    );
    const byCase = new Map<string, TimerDocument[]>();
    for (const timer of due) byCase.set(timer.caseId, [...(byCase.get(timer.caseId) ?? []), timer]);

    const results = new Map<string, FiredTimer>();
    const settlements: Settlement[] = [];
    const releases: Release[] = [];
    const fireCase = async (timers: TimerDocument[]) => {
      let blocked = false;
      for (const timer of timers) {
        if (!claimed.has(timer._id)) {
          // Another instance holds it: the case's later timers wait, so they never overtake it.
          blocked = true;
          continue;
        }
        if (blocked) {
          releases.push({ id: timer._id, outcome: null });
          continue;
        }
        try {
          const fired = await this.recorder.fire(timer, now, escalationRoleOf);
          results.set(timer._id, { timer: timer._id, caseId: timer.caseId, outcome: fired.outcome });
          if ('settle' in fired) settlements.push(fired.settle);
          else releases.push(fired.release);
          // Not done, or the case re-planned (its other timers may have moved): the rest waits for the next batch.
          blocked = fired.outcome === 'retry-later' || fired.replanned;
        } catch (error) {
          this.logger.error({ caseId: timer.caseId, timer: timer._id, err: String(error) }, 'deadline timer failed: tried again later');
          results.set(timer._id, { timer: timer._id, caseId: timer.caseId, outcome: 'retry-later' });
          releases.push({ id: timer._id, outcome: String(error) });
          blocked = true;
        }
      }
    };
    await forEachConcurrently([...byCase.values()], this.config.TICK_CONCURRENCY, fireCase);
    // A crash before these leaves the timers pending and leased: after the lease another tick fires them
    // again, and the command id makes the second append a duplicate.
    await this.timers.settle(settlements, this.owner, now);
    await this.timers.release(releases, this.owner);
    return due.flatMap((timer) => results.get(timer._id) ?? []);
  }
}

/** Runs `work` over `items`, at most `concurrency` at a time. */
async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
