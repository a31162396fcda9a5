import type { TenantCharter } from '@civic/domain';
import { readStreamIfExists, REGISTRY_NUMBER_ISSUED, registryStreamName, type EventStore } from '@civic/event-store';

/** `<prefix>-<year>-<number, 6 digits or more>`, e.g. PSH-2026-000012 (libs/event-store, registry-number.ts). */
const REGISTRY_NUMBER = /^([A-Z]{2,6})-(\d{4})-(\d{6,9})$/;

export interface RegistryNumberParts {
  prefix: string;
  year: number;
  number: number;
}

export function parseRegistryNumber(value: string): RegistryNumberParts | undefined {
  const match = REGISTRY_NUMBER.exec(value);
  if (!match) return undefined;
  const number = Number(match[3]);
  return number >= 1 ? { prefix: match[1], year: Number(match[2]), number } : undefined;
}

/**
 * The case a registry number was issued for, read from the registry itself: number N of a tenant's
 * year is revision N-1 of its registry stream, and every draw names its case id (cases/registry-numbers.ts).
 * So any case can be looked up by its number, whichever channel it came by, with no index to keep.
 */
export class RegistryLookup {
  constructor(private readonly store: EventStore) {}

  async caseIdOf(charter: TenantCharter, registryNumber: string): Promise<string | undefined> {
    const parts = parseRegistryNumber(registryNumber);
    if (!parts || parts.prefix !== charter.registryPrefix) return undefined;
    const [issued] =
      (await readStreamIfExists(this.store, registryStreamName(charter.slug, parts.year), {
        fromRevision: parts.number - 1,
        maxCount: 1,
      })) ?? [];
    if (!issued || issued.type !== REGISTRY_NUMBER_ISSUED || issued.data.formatted !== registryNumber) return undefined;
    const caseId = issued.metadata.caseId;
    return typeof caseId === 'string' ? caseId : undefined;
  }
}
