import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { EventStore, ExpectedRevision, JsonObject } from '../port';

export interface RegistryNumberRequest {
  /** The tenant's slug, e.g. `peshtera` or `nova-zagora`. */
  tenant: string;
  year: number;
  /** The tenant's registry prefix, e.g. `PSH` or `ПЩ`. */
  prefix: string;
  /** Added to the event's metadata (actor, correlation, causation). */
  metadata?: JsonObject;
  /** Conflicts to absorb before giving up; each one means another number was issued meanwhile. Default 100. */
  maxRetries?: number;
  /**
   * The registry stream's revision as the caller last saw it (`revision` of its previous draw): the draw
   * then expects it without reading the stream first. A stale one costs a conflict and a retry, never a
   * wrong number: the append's expected revision decides the number either way.
   */
  lastKnownRevision?: ExpectedRevision;
}

export interface RegistryNumber {
  /** 1-based, per tenant and year. */
  number: number;
  /** `<prefix>-<year>-<number, 6 digits>`, e.g. `PSH-2026-000123`. */
  formatted: string;
  streamName: string;
  /** The registry stream's revision after this draw: the next draw's `lastKnownRevision`. */
  revision: number;
}

export const REGISTRY_NUMBER_ISSUED = 'RegistryNumberIssued';

export class InvalidRegistryRequestError extends Error {
  constructor(readonly reason: string) {
    super(`Registry number request: ${reason}`);
    this.name = 'InvalidRegistryRequestError';
  }
}

/**
 * One stream per tenant and year: `registry-<tenant>.<year>` (category `registry`; the tenant slug may
 * hold dashes, which is fine after the first one, and the dot keeps tenant and year apart).
 */
export function registryStreamName(tenant: string, year: number): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(tenant)) throw new InvalidRegistryRequestError(`tenant "${tenant}" is not a slug`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new InvalidRegistryRequestError(`year ${year}`);
  return `registry-${tenant}.${year}`;
}

export const formatRegistryNumber = (prefix: string, year: number, number: number): string =>
  `${prefix}-${year}-${String(number).padStart(6, '0')}`;

/**
 * Draws the tenant's next registry number for the year. The number is the stream's revision + 1: an
 * append expecting the revision last seen either takes the next number or fails because someone else
 * took it, and then tries the one after. So numbers never repeat and never skip, across processes.
 * A number drawn for a registration that then fails stays issued (the registry records it).
 */
export async function nextRegistryNumber(store: EventStore, request: RegistryNumberRequest): Promise<RegistryNumber> {
  const { tenant, year, prefix, metadata = {}, maxRetries = 100, lastKnownRevision } = request;
  const streamName = registryStreamName(tenant, year);
  let expected = lastKnownRevision ?? (await lastRevision(store, streamName));
  for (let retries = 0; ; retries++) {
    const number = expected === 'no-stream' ? 1 : Number(expected) + 2;
    const formatted = formatRegistryNumber(prefix, year, number);
    try {
      const issued = {
        id: randomUUID(),
        type: REGISTRY_NUMBER_ISSUED,
        data: { tenant, year, number, formatted },
        metadata: { tenant, ...metadata },
      };
      const appended = await store.appendToStream(streamName, [issued], { expectedRevision: expected });
      return { number, formatted, streamName, revision: appended.nextExpectedRevision };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || retries >= maxRetries) throw error;
      // The error names where the stream is now: the next try expects exactly that.
      expected = error.actual;
    }
  }
}

async function lastRevision(store: EventStore, streamName: string): Promise<ExpectedRevision> {
  try {
    const [last] = await store.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : 'no-stream';
  } catch (error) {
    if (error instanceof StreamNotFoundError) return 'no-stream';
    throw error;
  }
}
