import { parseTenantCharter, type TenantCharter } from '@civic/domain';
import { TenantDirectory } from './tenant-directory';

/** Where the charters come from: intake's `GET /public`, with its ETag (`unchanged` on a 304). */
export interface ChartersSource {
  charters(etag?: string): Promise<{ unchanged: true } | { unchanged: false; etag: string | undefined; charters: unknown[] }>;
}

/** intake's `GET /public` at its base URL, as a web server in front of it (the portal, the console) reads it. */
export function intakeCharters(baseUrl: string, timeoutMs = 5_000): ChartersSource {
  return {
    async charters(etag) {
      const response = await fetch(`${baseUrl}/public`, {
        headers: etag ? { 'if-none-match': etag } : {},
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 304) return { unchanged: true };
      if (!response.ok) throw new Error(`intake's GET /public answered ${response.status}`);
      const body = (await response.json()) as { charters?: unknown };
      if (!Array.isArray(body.charters)) throw new Error("intake's GET /public has no charters");
      return { unchanged: false, etag: response.headers.get('etag') ?? undefined, charters: body.charters };
    },
  };
}

/** How old the list may be before a page asks intake again (in the background: the page does not wait). */
const FRESH_MS = 10_000;
/** An unknown municipality's page waits for one fresh list at most this often. */
const MISS_MS = 1_000;

/**
 * The municipalities a web server in front of intake serves (the portal, the console), as intake serves them
 * (GET /public, each charter in force): a new one appears within seconds, without a restart. Until intake first
 * answers, and whenever it cannot, the last list serves (at first the tenant files, TENANTS_DIR).
 */
export class ServedCharters {
  private directory: TenantDirectory;
  private etag: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(
    fallback: TenantDirectory,
    private readonly intake: ChartersSource,
    private readonly now: () => number = Date.now,
  ) {
    this.directory = fallback;
  }

  list(): TenantCharter[] {
    void this.refresh(FRESH_MS);
    return this.directory.list();
  }

  async get(slug: string): Promise<TenantCharter | undefined> {
    const known = this.directory.get(slug);
    if (known) {
      void this.refresh(FRESH_MS);
      return known;
    }
    await this.refresh(MISS_MS);
    return this.directory.get(slug);
  }

  /** Asks intake when the list is older than `maxAge`; one question at a time, answered to everyone waiting. */
  refresh(maxAge: number): Promise<void> {
    if (this.refreshing) return this.refreshing;
    if (this.now() - this.checkedAt < maxAge) return Promise.resolve();
    this.checkedAt = this.now();
    this.refreshing = this.fetch().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async fetch(): Promise<void> {
    try {
      const answer = await this.intake.charters(this.etag);
      if (answer.unchanged) return;
      const charters = answer.charters.map((raw, i) => parseTenantCharter(raw, `intake's /public, charter ${i}`));
      this.directory = new TenantDirectory(charters);
      this.etag = answer.etag;
    } catch {
      // intake unreachable or its answer unusable: the list held serves until the next try.
    }
  }
}
