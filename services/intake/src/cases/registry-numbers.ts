import { toLocalDate, type Actor, type TenantCharter } from '@civic/domain';
import {
  nextRegistryNumber,
  REGISTRY_NUMBER_ISSUED,
  registryStreamName,
  readStreamIfExists,
  type EventStore,
  type ExpectedRevision,
} from '@civic/event-store';
import type { IdempotencyRecord, IdempotencyStore, RegistrationIds } from '../idempotency/idempotency-store';

/** The year a registry number belongs to: the year of receipt in the tenant's time zone. */
export const registryYear = (receivedAt: string, charter: TenantCharter): number =>
  Number(toLocalDate(receivedAt, charter.timeZone).slice(0, 4));

/** How far back a retry looks in the registry for a number drawn for its case before a crash. */
const RECOVERY_WINDOW = 1_000;

/**
 * The registry streams' revisions as this process last drew from them, so the next draw expects that
 * revision instead of reading the stream first. Only a hint: another process's draw since costs a retry.
 */
export type RegistryRevisions = Map<string, ExpectedRevision>;

export interface RegistryNumberRequest {
  store: EventStore;
  idempotency: IdempotencyStore;
  charter: TenantCharter;
  receivedAt: string;
  ids: RegistrationIds;
  actor: Actor;
  now: () => Date;
  revisions: RegistryRevisions;
  /** The request's idempotency record; without one the number is drawn and used at once. */
  record?: IdempotencyRecord;
  /** True when nothing was done for this registration yet: no number can have been drawn for it. */
  fresh: boolean;
}

/**
 * The registry number of the registration, drawn at most once per idempotency key. Numbers never skip
 * (АПК чл. 111(2)), so a number drawn and then not used would be a gap: every draw names its case id in
 * the registry event's metadata, and a retry that takes over a failed attempt (its case not registered
 * yet) first looks in the registry for a number drawn for its case and uses it instead of drawing another.
 * A fresh attempt draws at once and registers the case with that number right away (nothing in between
 * to save it elsewhere). Retries keep what they find in the key's record too, as before. The one window
 * left is a request that crashes after drawing and is never retried (or retried after more than
 * RECOVERY_WINDOW further draws): its number stays in the registry with the case id it was drawn for, and
 * no case stream has it (the register shows it, with why).
 */
export async function registryNumberFor(request: RegistryNumberRequest): Promise<string> {
  const { store, idempotency, charter, receivedAt, ids, actor, record, now, fresh, revisions } = request;
  if (record?.registryNumber) return record.registryNumber;
  const year = registryYear(receivedAt, charter);
  const retry = record !== undefined && !fresh;
  if (retry) {
    const drawn = await drawnFor(store, charter.slug, year, ids.caseId);
    if (drawn) return idempotency.saveRegistryNumber(record._id, drawn);
    await idempotency.markDrawing(record._id, now());
  }
  const streamName = registryStreamName(charter.slug, year);
  const issued = await nextRegistryNumber(store, {
    tenant: charter.slug,
    year,
    prefix: charter.registryPrefix,
    metadata: { caseId: ids.caseId, correlationId: ids.correlationId, actor: { id: actor.id, role: actor.role } },
    ...(revisions.has(streamName) ? { lastKnownRevision: revisions.get(streamName) } : {}),
  });
  revisions.set(streamName, issued.revision);
  return retry ? idempotency.saveRegistryNumber(record._id, issued.formatted) : issued.formatted;
}

/** The number the registry issued for this case, if a crashed attempt drew one. */
async function drawnFor(store: EventStore, tenant: string, year: number, caseId: string): Promise<string | undefined> {
  const recent = await readStreamIfExists(store, registryStreamName(tenant, year), { direction: 'backwards', maxCount: RECOVERY_WINDOW });
  const mine = recent?.find((event) => event.type === REGISTRY_NUMBER_ISSUED && event.metadata.caseId === caseId);
  const formatted = mine?.data.formatted;
  return typeof formatted === 'string' ? formatted : undefined;
}
