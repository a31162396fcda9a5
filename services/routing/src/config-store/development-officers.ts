import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { isSeedTenant, SEEDED_USERS } from '@civic/auth';
import { routingConfigStreamName } from '@civic/domain';
import { readStreamIfExists, type EventStore } from '@civic/event-store';
import { CLOCK, EVENT_STORE, SERVICE_CONFIG, TenantDirectory, type Clock } from '@civic/platform';
import type { RoutingConfig } from '../config';
import { WaitingAssignments } from '../consumer/waiting-assignments';
import { RoutingConfigStore } from './routing-config.store';

/** Who the development seed acts as: the seeded tenant admin's role, under a name that says what it is. */
const SEED_ACTOR = (tenant: string) => ({ id: `${tenant}:development-seed`, role: 'tenant-admin' as const });

/**
 * Development only (ROUTING_SEED_DEVELOPMENT_OFFICERS, which `npm start` sets): until an administrator has set
 * a seed tenant's officers, its seeded officer (`<tenant>:officer` of the development issuer) serves every
 * active unit, so a fresh platform assigns every case and shows the whole flow. A tenant whose officers were
 * ever changed is left as it is; production never sets the flag.
 */
@Injectable()
export class DevelopmentOfficers implements OnApplicationBootstrap {
  private readonly logger = new Logger(DevelopmentOfficers.name);

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly routing: RoutingConfigStore,
    private readonly waiting: WaitingAssignments,
    private readonly tenants: TenantDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ROUTING_SEED_DEVELOPMENT_OFFICERS) return;
    for (const { slug } of this.tenants.list()) {
      if (await this.seed(slug)) this.waiting.start(slug);
    }
  }

  /** Seeds a seed tenant's officers unless they were ever set; answers whether it did. */
  async seed(tenant: string): Promise<boolean> {
    if (!isSeedTenant(tenant)) return false;
    const history = (await readStreamIfExists(this.store, routingConfigStreamName(tenant))) ?? [];
    if (history.some((event) => event.type === 'OfficersChanged')) return false;
    const officer = SEEDED_USERS[tenant].officer.sub;
    const { units } = await this.routing.setup(tenant);
    const officers = units.units.filter((unit) => unit.active).map((unit) => ({ id: officer, unit: unit.id, absent: false }));
    const outcome = await this.routing.change({
      type: 'ChangeOfficers',
      data: { officers },
      metadata: {
        tenant,
        actor: SEED_ACTOR(tenant),
        commandId: randomUUID(),
        correlationId: randomUUID(),
        now: this.clock.now().toISOString(),
        charter: this.routing.charter(tenant),
      },
    });
    if (!outcome.ok) {
      this.logger.error({ tenant, rejection: outcome.rejection.type }, 'development officers not seeded');
      return false;
    }
    this.logger.log({ tenant, officer, units: officers.length }, 'development: the seeded officer serves every unit');
    return true;
  }
}
