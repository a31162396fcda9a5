import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorkingCalendar, parseTenantCharter, type BulgarianWorkingCalendar, type TenantCharter } from '@civic/domain';

/** A tenant slug this deployment does not serve: a 404 naming the tenant at every API (`unknownTenant`). */
export class UnknownTenantError extends Error {
  constructor(readonly tenant: string) {
    super(`no municipality "${tenant}" is served here`);
    this.name = 'UnknownTenantError';
  }
}

/**
 * The tenants a deployment serves, read once at start-up from one JSON file per tenant (a new municipality
 * is a new data file, never code). Invalid data stops start-up with the file, the path and the reason.
 */
export class TenantDirectory {
  private readonly bySlug: ReadonlyMap<string, TenantCharter>;
  private readonly calendars = new Map<string, BulgarianWorkingCalendar>();

  constructor(tenants: TenantCharter[]) {
    this.bySlug = new Map(tenants.map((t) => [t.slug, t]));
  }

  get(slug: string): TenantCharter | undefined {
    return this.bySlug.get(slug);
  }

  list(): TenantCharter[] {
    return [...this.bySlug.values()];
  }

  /** The tenant's working calendar (national holidays plus its own), built on first use and kept for every due date. */
  calendarOf(charter: Pick<TenantCharter, 'slug' | 'localHolidays'>): BulgarianWorkingCalendar {
    let calendar = this.calendars.get(charter.slug);
    if (!calendar) {
      calendar = createWorkingCalendar({ localHolidays: charter.localHolidays });
      this.calendars.set(charter.slug, calendar);
    }
    return calendar;
  }

  static load(dir: string): TenantDirectory {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    if (files.length === 0) throw new Error(`No tenant files (*.json) in ${dir}`);
    return new TenantDirectory(files.map((file) => parseTenantCharter(JSON.parse(readFileSync(join(dir, file), 'utf8')), join(dir, file))));
  }
}

/** The seed tenants shipped with the domain library; TENANTS_DIR points elsewhere in a deployment. */
export const DEFAULT_TENANTS_DIR = join(__dirname, '..', '..', '..', 'domain', 'tenants');
