import { compareDates } from '../../calendar/dates';
import { toLocalDate } from '../../calendar/time-zone';
import { exhaustive } from '../../case/exhaustive';
import type { Actor } from '../../case/roles';
import type { Instant, IsoDate, TenantSlug } from '../../shared/vocabulary';
import type { TenantCharter } from '../charter.schema';

/**
 * A municipality is event-sourced like a case: one stream per tenant, `tenant-<slug>`, holding its charter
 * whole in every version, each applying from a day, with who recorded it and why.
 */
export const TENANT_STREAM_PREFIX = 'tenant-';
export const tenantStreamName = (tenant: TenantSlug): string => `${TENANT_STREAM_PREFIX}${tenant}`;

export interface TenantEventMetadata {
  tenant: TenantSlug;
  actor: Actor;
  correlationId: string;
  causationId: string;
  occurredAt: Instant;
  schemaVersion: 1;
}

/** The municipality's first charter: version 1, which also applies to anything received before it. */
export interface TenantRegistered {
  type: 'TenantRegistered';
  data: { version: 1; effectiveFrom: IsoDate; charter: TenantCharter; reason: string };
  metadata: TenantEventMetadata;
}

/** A new version of the charter, given whole, applying to what is received from `effectiveFrom` on. */
export interface CharterRevised {
  type: 'CharterRevised';
  data: { version: number; effectiveFrom: IsoDate; charter: TenantCharter; reason: string };
  metadata: TenantEventMetadata;
}

export type TenantEvent = TenantRegistered | CharterRevised;

/** One version of a charter as recorded. */
export interface CharterVersion {
  version: number;
  /** The first local day (the tenant's time zone) a case received is held to this version. */
  effectiveFrom: IsoDate;
  charter: TenantCharter;
  reason: string;
  recordedAt: Instant;
  recordedBy: Actor;
}

/** Every version so far, in the order recorded (the version numbers 1, 2, …). Empty: no such tenant. */
export interface TenantState {
  versions: CharterVersion[];
}

export const initialTenantState = (): TenantState => ({ versions: [] });

export function evolveTenant(state: TenantState, event: TenantEvent): TenantState {
  switch (event.type) {
    case 'TenantRegistered':
    case 'CharterRevised': {
      const { version, effectiveFrom, charter, reason } = event.data;
      const recorded = { recordedAt: event.metadata.occurredAt, recordedBy: event.metadata.actor };
      return { versions: [...state.versions, { version, effectiveFrom, charter, reason, ...recorded }] };
    }
    default:
      // An event type this version does not know changes nothing (a newer writer, an older reader).
      return exhaustive(event, state);
  }
}

/**
 * The version in force on a day: the latest-applying one whose day has come (of two from the same day, the
 * one recorded later); before the first version's day, the first, since a municipality's first charter also
 * covers what it received before it came to the platform (a paper letter registered late).
 */
export function versionInForceOn<V extends { version: number; effectiveFrom: IsoDate }>(
  versions: readonly V[],
  day: IsoDate,
): V | undefined {
  let inForce: V | undefined;
  for (const candidate of versions) {
    if (compareDates(candidate.effectiveFrom, day) > 0) continue;
    const later = inForce === undefined || compareDates(candidate.effectiveFrom, inForce.effectiveFrom) > 0;
    const sameDayNewer = inForce !== undefined && candidate.effectiveFrom === inForce.effectiveFrom && candidate.version > inForce.version;
    if (later || sameDayNewer) inForce = candidate;
  }
  return inForce ?? versions[0];
}

/** The version in force at an instant, on the tenant's local day. */
export const versionInForceAt = <V extends { version: number; effectiveFrom: IsoDate }>(
  versions: readonly V[],
  at: Instant,
  timeZone: string,
): V | undefined => versionInForceOn(versions, toLocalDate(at, timeZone));

/** Every version in force on some day from `from` to `to` (inclusive), in the order they applied. */
export function versionsInForceBetween<V extends { version: number; effectiveFrom: IsoDate }>(
  versions: readonly V[],
  from: IsoDate,
  to: IsoDate,
): V[] {
  const turns = versions.map((v) => v.effectiveFrom).filter((day) => compareDates(day, from) > 0 && compareDates(day, to) <= 0);
  const days = [from, ...turns].sort(compareDates);
  const found: V[] = [];
  for (const day of days) {
    const inForce = versionInForceOn(versions, day);
    if (inForce && !found.includes(inForce)) found.push(inForce);
  }
  return found;
}
