import type { TenantCharter } from '@civic/domain';
import type { IntakeClient } from '../intake/intake-client';
import type { PublicInformation } from '../intake/public-api';
import { TenantGuide } from './guide';
import type { ServedCharters } from '@civic/platform';

/** What intake publishes about a tenant changes with a deployment, not by the minute: kept this long. */
const FRESH_MS = 5 * 60_000;

/**
 * The municipalities the portal serves: those intake serves (ServedCharters), each with what intake publishes about it, fetched on first use and kept a few minutes. When intake cannot be
 * reached, what was fetched before still serves.
 */
export class TenantGuides {
  private readonly cache = new Map<string, { at: number; info: PublicInformation }>();

  constructor(
    private readonly directory: ServedCharters,
    private readonly intake: IntakeClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** In the order of their names in Bulgarian. */
  list(): TenantCharter[] {
    return this.directory.list().sort((a, b) => a.name.bg.localeCompare(b.name.bg, 'bg'));
  }

  /** The municipality, or undefined when intake does not serve it. */
  async guide(slug: string): Promise<TenantGuide | undefined> {
    const charter = await this.directory.get(slug);
    if (!charter) return undefined;
    const cached = this.cache.get(slug);
    if (cached && this.now() - cached.at < FRESH_MS) return new TenantGuide(charter, cached.info);
    try {
      const answer = await this.intake.information(slug);
      if (!answer.ok) return undefined;
      this.cache.set(slug, { at: this.now(), info: answer.body });
      return new TenantGuide(charter, answer.body);
    } catch (error) {
      if (cached) return new TenantGuide(charter, cached.info);
      throw error;
    }
  }
}
