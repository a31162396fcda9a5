import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TenantDirectory } from '@civic/platform';
import { WorkloadStore } from '../workload/workload.store';
import { CaseRouter } from './case-router';

/** Where the assignment of a tenant's waiting cases stands, as the officers' API shows it. */
export interface WaitingProgress {
  /** A sweep over the waiting cases is under way. */
  running: boolean;
  /** Cases routed while their unit had no officer present, still not assigned now. */
  waiting: number;
  /** Assigned by the sweep under way, or by the last one. */
  assigned: number;
  /** Could not be assigned by it (logged; the next change or start-up tries again). */
  failed: number;
}

interface Sweep {
  running: boolean;
  /** The officers changed again while it ran: it goes over the waiting cases once more. */
  again: boolean;
  assigned: number;
  failed: number;
  done: Promise<void>;
}

/**
 * Cases routed while their unit had no officer present wait, `Routed`, for one. They are assigned when the
 * officers change (an officer back from leave, a new one) and, in case a change was cut short by a crash,
 * once when routing starts. Either way in the background: a change of officers answers at once, however
 * many cases it unblocks, and `progress` tells how far the sweep is. Each case is assigned at most once
 * (CaseRouter.assignWaiting), also when several instances sweep; each instance reports its own sweep.
 */
@Injectable()
export class WaitingAssignments implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WaitingAssignments.name);
  private readonly sweeps = new Map<string, Sweep>();
  private stopping = false;

  constructor(
    private readonly router: CaseRouter,
    private readonly workload: WorkloadStore,
    private readonly tenants: TenantDirectory,
  ) {}

  onApplicationBootstrap(): void {
    for (const tenant of this.tenants.list()) this.start(tenant.slug);
  }

  /** A stop ends the sweeps after the case in hand, before the connections close; start-up takes them up again. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.sweeps.values()].map((sweep) => sweep.done));
  }

  /** Starts assigning the tenant's waiting cases in the background; a sweep under way goes round once more instead. */
  start(tenant: string): void {
    if (this.stopping) return;
    const current = this.sweeps.get(tenant);
    if (current?.running) {
      current.again = true;
      return;
    }
    const sweep: Sweep = { running: true, again: false, assigned: 0, failed: 0, done: Promise.resolve() };
    sweep.done = this.run(tenant, sweep);
    this.sweeps.set(tenant, sweep);
  }

  /** The tenant's waiting cases now, and the sweep under way or the last one. */
  async progress(tenant: string): Promise<WaitingProgress> {
    const sweep = this.sweeps.get(tenant);
    const waiting = await this.workload.waitingCount(tenant);
    return { running: sweep?.running ?? false, waiting, assigned: sweep?.assigned ?? 0, failed: sweep?.failed ?? 0 };
  }

  /** Resolves when the tenant's sweep under way (if any) has finished. */
  settled(tenant: string): Promise<void> {
    return this.sweeps.get(tenant)?.done ?? Promise.resolve();
  }

  private async run(tenant: string, sweep: Sweep): Promise<void> {
    try {
      do {
        sweep.again = false;
        sweep.failed = 0;
        await this.assignAll(tenant, sweep);
      } while (sweep.again && !this.stopping);
      if (sweep.assigned > 0) this.logger.log({ tenant, assigned: sweep.assigned, failed: sweep.failed }, 'waiting cases assigned');
    } catch (error) {
      // Not even the list could be read: the next change or start-up tries again.
      this.logger.error({ tenant, error: String(error) }, 'assigning waiting cases failed');
    } finally {
      sweep.running = false;
    }
  }

  private async assignAll(tenant: string, sweep: Sweep): Promise<void> {
    for (const caseId of await this.workload.waitingCases(tenant)) {
      if (this.stopping) return;
      try {
        const outcome = await this.router.assignWaiting(caseId);
        if (outcome.outcome === 'assigned') sweep.assigned += 1;
      } catch (error) {
        // One case's failure must not keep the others waiting.
        sweep.failed += 1;
        this.logger.error({ caseId, error: String(error) }, 'assigning a waiting case failed');
      }
    }
  }
}
