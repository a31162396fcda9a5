import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@civic/auth';
import {
  currentUnits,
  keysInUse,
  readinessOf,
  type CharterVersion,
  type IsoDate,
  type Readiness,
  type TenantCharter,
  type TenantCommand,
  type TenantState,
} from '@civic/domain';
import type { EventStore } from '@civic/event-store';
import { CLOCK, EVENT_STORE, readRoutingConfig, TenantDirectory, TenantRegistry, type Clock, type HeldVersion } from '@civic/platform';
import { IssuedOpen311Keys } from '../open311/clients/issued-keys';
import { administratorOf } from './administrator';
import { UnknownTenantError } from '../cases/errors';
import { CharterVersionNotFoundError, TenantChangeRejectedError } from './tenant-errors';
import { charterRevisionSchema, parseWithCharter, tenantRegistrationSchema } from './tenant-admin.schema';

/** A version as the API shows it: which, from when, why, recorded when and by whom, and whether in force now. */
export interface VersionSummary {
  version: number;
  effectiveFrom: IsoDate;
  reason: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  inForce: boolean;
}

/** A municipality as the platform operator sees it in the list. */
export interface TenantSummary {
  tenant: string;
  name: TenantCharter['name'];
  registryPrefix: string;
  /** The version in force today. */
  version: number;
  /** The latest version recorded (later than `version` while one waits for its day). */
  latestVersion: number;
}

export interface TenantRecord {
  tenant: string;
  versions: VersionSummary[];
  /** The charter in force today. */
  charter: TenantCharter;
}

/**
 * Municipalities as live data: the platform operator registers one from its charter data, the operator or the
 * municipality's administrator records a new version of its charter from a day on. Each is a command decided
 * on the tenant's stream (TenantRegistry); every service learns of it from there within moments.
 */
@Injectable()
export class TenantAdministration {
  constructor(
    private readonly registry: TenantRegistry,
    private readonly directory: TenantDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly open311Keys: IssuedOpen311Keys,
  ) {}

  /** The go-live check list: what is still missing before the municipality can take cases (domain's readinessOf). */
  async readiness(tenant: string): Promise<Readiness & { tenant: string }> {
    const charter = this.directory.get(tenant);
    if (!charter) throw new UnknownTenantError(tenant);
    const [routing, keys] = await Promise.all([readRoutingConfig(this.store, tenant), this.open311Keys.all(tenant)]);
    const readiness = readinessOf({
      charter,
      units: currentUnits(routing, charter).units,
      officers: routing.officers,
      open311KeysInUse: keysInUse({ keys }).length,
    });
    return { tenant, ...readiness };
  }

  list(): TenantSummary[] {
    return this.directory
      .list()
      .map((charter) => ({
        tenant: charter.slug,
        name: charter.name,
        registryPrefix: charter.registryPrefix,
        version: charter.version,
        latestVersion: this.directory.versions(charter.slug).at(-1)?.version ?? charter.version,
      }))
      .sort((a, b) => a.tenant.localeCompare(b.tenant));
  }

  record(tenant: string): TenantRecord {
    const charter = this.directory.get(tenant);
    if (!charter) throw new UnknownTenantError(tenant);
    const { slug: _slug, version: _version, effectiveFrom: _from, versions: _versions, ...rest } = charter;
    return {
      tenant,
      versions: this.directory.versions(tenant).map((held) => summary(held, charter.version)),
      charter: { ...rest, slug: tenant } as TenantCharter,
    };
  }

  version(tenant: string, version: string): HeldVersion {
    if (!this.directory.get(tenant)) throw new UnknownTenantError(tenant);
    const found = this.directory.versions(tenant).find((held) => String(held.version) === version);
    if (!found) throw new CharterVersionNotFoundError(version);
    return found;
  }

  async register(principal: Principal, body: unknown, correlationId?: string): Promise<VersionSummary & { tenant: string }> {
    const { charter, reason } = parseWithCharter(tenantRegistrationSchema, body);
    const state = await this.decide({
      type: 'RegisterTenant',
      data: { charter, reason },
      metadata: this.metadata(charter.slug, principal, correlationId),
    });
    return { tenant: charter.slug, ...summary(state.versions[0], 1) };
  }

  async revise(
    tenant: string,
    principal: Principal,
    body: unknown,
    basedOnVersion: number | undefined,
    correlationId?: string,
  ): Promise<VersionSummary & { tenant: string }> {
    if (!this.directory.get(tenant)) throw new UnknownTenantError(tenant);
    const { charter, effectiveFrom, reason } = parseWithCharter(charterRevisionSchema, body);
    const state = await this.decide({
      type: 'ReviseCharter',
      data: { charter, effectiveFrom, reason, ...(basedOnVersion !== undefined ? { basedOnVersion } : {}) },
      metadata: this.metadata(tenant, principal, correlationId),
    });
    const latest = state.versions.at(-1) as CharterVersion;
    return { tenant, ...summary(latest, this.directory.get(tenant)?.version ?? latest.version) };
  }

  private async decide(command: TenantCommand): Promise<TenantState> {
    const outcome = await this.registry.handle(command);
    if (!outcome.ok) throw new TenantChangeRejectedError(outcome.rejection);
    return outcome.state;
  }

  private metadata(tenant: string, principal: Principal, correlationId?: string): TenantCommand['metadata'] {
    return {
      tenant,
      actor: administratorOf(principal),
      commandId: randomUUID(),
      correlationId: correlationId ?? randomUUID(),
      now: this.clock.now().toISOString(),
      prefixesInUse: this.registry.prefixesInUse(),
    };
  }
}

const summary = (held: HeldVersion, inForce: number): VersionSummary => ({
  version: held.version,
  effectiveFrom: held.effectiveFrom,
  reason: held.reason ?? null,
  recordedAt: held.recordedAt ?? null,
  recordedBy: held.recordedBy?.id ?? null,
  inForce: held.version === inForce,
});
