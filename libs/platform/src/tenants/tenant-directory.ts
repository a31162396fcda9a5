import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createWorkingCalendar,
  parseTenantCharter,
  versionInForceAt,
  type BulgarianWorkingCalendar,
  type CharterVersion,
  type DatedTerms,
  type IsoDate,
  type TenantCharter,
} from '@civic/domain';

/** A tenant slug this deployment does not serve: a 404 naming the tenant at every API (`unknownTenant`). */
export class UnknownTenantError extends Error {
  constructor(readonly tenant: string) {
    super(`no municipality "${tenant}" is served here`);
    this.name = 'UnknownTenantError';
  }
}

/**
 * A charter as a service holds it: the version in force now, which version that is, and the terms of every
 * version, so that each case is counted on the version in force on its receipt (`termsOnReceipt`).
 */
export type HeldCharter = TenantCharter & { version: number; effectiveFrom: IsoDate; versions: readonly DatedTerms[] };

/** A version as the directory keeps it: what the tenant's stream recorded, or a file's charter as version 1. */
export type HeldVersion = Pick<CharterVersion, 'version' | 'effectiveFrom' | 'charter'> &
  Partial<Pick<CharterVersion, 'reason' | 'recordedAt' | 'recordedBy'>>;

interface Tenant {
  versions: HeldVersion[];
  terms: DatedTerms[];
  held: Map<number, HeldCharter>;
}

/** The day a charter read from a file (a test's, a tool's) applies from: before any case, as its only version. */
const FILE_VERSION_DAY = '2000-01-01';

/**
 * The tenants a deployment serves, each with every version of its charter. Services fill it from the tenants'
 * streams in the event store (TenantFollower) and it changes while they run: a new municipality or a new
 * version is served without a restart. `get` answers the version in force today by the service's clock.
 */
export class TenantDirectory {
  private readonly tenants = new Map<string, Tenant>();
  private readonly calendars = new WeakMap<object, BulgarianWorkingCalendar>();
  private readonly listeners = new Set<(slug: string) => void>();

  /** `charters`: each as its only version (files, tests); `now`: the service's clock. */
  constructor(
    charters: TenantCharter[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const charter of charters) this.record({ version: 1, effectiveFrom: FILE_VERSION_DAY, charter });
  }

  /** The version of the tenant's charter in force now, or undefined when no such tenant is served. */
  get(slug: string): HeldCharter | undefined {
    const tenant = this.tenants.get(slug);
    if (!tenant) return undefined;
    const first = tenant.versions[0];
    const inForce = versionInForceAt(tenant.versions, this.today(), first.charter.timeZone) ?? first;
    return this.heldOf(tenant, inForce);
  }

  list(): HeldCharter[] {
    return [...this.tenants.keys()].flatMap((slug) => this.get(slug) ?? []);
  }

  /** Every version of a tenant's charter, in the order recorded (empty: no such tenant). */
  versions(slug: string): readonly HeldVersion[] {
    return this.tenants.get(slug)?.versions ?? [];
  }

  /** The latest version recorded of each tenant (for `/health`: what this instance holds). */
  held(): Record<string, number> {
    return Object.fromEntries([...this.tenants].map(([slug, tenant]) => [slug, tenant.versions.at(-1)?.version ?? 0]));
  }

  /** Takes in a version; one already held (a replay) changes nothing. Listeners hear of every new one. */
  record(version: HeldVersion): void {
    const slug = version.charter.slug;
    const tenant = this.tenants.get(slug) ?? { versions: [], terms: [], held: new Map() };
    if (tenant.versions.some((known) => known.version === version.version)) return;
    tenant.versions = [...tenant.versions, version].sort((a, b) => a.version - b.version);
    tenant.terms = tenant.versions.map(({ version: number, effectiveFrom, charter }) => ({
      version: number,
      effectiveFrom,
      terms: { deadlines: charter.deadlines, ...(charter.retention ? { retention: charter.retention } : {}) },
    }));
    tenant.held = new Map();
    this.tenants.set(slug, tenant);
    for (const listener of this.listeners) listener(slug);
  }

  /** Called with the slug whenever a tenant or a version is recorded; returns the way to stop listening. */
  onChange(listener: (slug: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The tenant's working calendar (national holidays plus its own), built once per list of local holidays. */
  calendarOf(charter: Pick<TenantCharter, 'slug' | 'localHolidays'>): BulgarianWorkingCalendar {
    let calendar = this.calendars.get(charter.localHolidays);
    if (!calendar) {
      calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });
      this.calendars.set(charter.localHolidays, calendar);
    }
    return calendar;
  }

  private heldOf(tenant: Tenant, version: HeldVersion): HeldCharter {
    let held = tenant.held.get(version.version);
    if (!held) {
      held = { ...version.charter, version: version.version, effectiveFrom: version.effectiveFrom, versions: tenant.terms };
      tenant.held.set(version.version, held);
    }
    return held;
  }

  /** The clock may be a test's file that is not there yet: then the system's time. */
  private today(): string {
    try {
      return this.now().toISOString();
    } catch {
      return new Date().toISOString();
    }
  }

  /** The charters of a folder of tenant files, each read and checked (invalid data names the file, the path and the reason). */
  static readFiles(dir: string): { file: string; charter: TenantCharter }[] {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    if (files.length === 0) throw new Error(`No tenant files (*.json) in ${dir}`);
    return files.map((file) => ({ file, charter: parseTenantCharter(JSON.parse(readFileSync(join(dir, file), 'utf8')), join(dir, file)) }));
  }

  /** A directory of a folder's tenant files, each as its only version (tests, tools, the web servers' fallbacks). */
  static load(dir: string, now?: () => Date): TenantDirectory {
    return new TenantDirectory(
      TenantDirectory.readFiles(dir).map(({ charter }) => charter),
      now,
    );
  }
}

/** The seed tenants shipped with the domain library; TENANTS_DIR points elsewhere in a deployment. */
export const DEFAULT_TENANTS_DIR = join(__dirname, '..', '..', '..', 'domain', 'tenants');
