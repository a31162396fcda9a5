import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TenantDirectory } from '@civic/platform';
import { WorkloadStore } from '../workload/workload.store';
import { CaseRouter } from './case-router';

/**
 * Cases routed while their unit had no officer present wait, `Routed`, for one. They are assigned when the
 * officers change (an officer back from leave, a new one) and, in case a change was cut short by a crash,
 * once when routing starts. Each case is assigned at most once (CaseRouter.assignWaiting).
 */
@Injectable()
export class WaitingAssignments implements OnApplicationBootstrap {
  private readonly logger = new Logger(WaitingAssignments.name);

  constructor(
    private readonly router: CaseRouter,
    private readonly workload: WorkloadStore,
    private readonly tenants: TenantDirectory,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: starting up must not wait on, or fail because of, a sweep the next change repeats.
    void Promise.all(this.tenants.list().map((tenant) => this.assignAll(tenant.slug))).catch((error: unknown) =>
      this.logger.error({ error: String(error) }, 'assigning waiting cases at start-up failed'),
    );
  }

  /** Assigns every waiting case of the tenant that now has an officer present; answers how many were assigned. */
  async assignAll(tenant: string): Promise<number> {
    let assigned = 0;
    for (const caseId of await this.workload.waitingCases(tenant)) {
      try {
        const outcome = await this.router.assignWaiting(caseId);
        if (outcome.outcome === 'assigned') assigned += 1;
      } catch (error) {
        // One case's failure must not keep the others waiting; the next change or start-up retries it.
        this.logger.error({ caseId, error: String(error) }, 'assigning a waiting case failed');
      }
    }
    if (assigned > 0) this.logger.log({ tenant, assigned }, 'waiting cases assigned');
    return assigned;
  }
}
