import { toLocalDate, type Actor, type TenantCharter } from '@civic/domain';
import { nextRegistryNumber, REGISTRY_NUMBER_ISSUED, registryStreamName, readStreamIfExists, type EventStore } from '@civic/event-store';
import type { IdempotencyRecord, IdempotencyStore, RegistrationIds } from '../idempotency/idempotency-store';

/** The year a registry number belongs to: the year of receipt in the tenant's time zone. */
export const registryYear = (receivedAt: string, charter: TenantCharter): number =>
  Number(toLocalDate(receivedAt, charter.timeZone).slice(0, 4));

/** How far back a retry looks in the registry for a number drawn for its case before a crash. */
const RECOVERY_WINDOW = 1_000;

export interface RegistryNumberRequest {
  store: EventStore;
  idempotency: IdempotencyStore;
  charter: TenantCharter;
  receivedAt: string;
  ids: RegistrationIds;
  actor: Actor;
  now: () => Date;
  /** The request's idempotency record; without one the number is drawn and used at once. */
  record?: IdempotencyRecord;
}

/**
 * The registry number of the registration, drawn at most once per idempotency key. Numbers never skip
 * (АПК чл. 111(2)), so a number drawn and then not used would be a gap: every draw names its case id in
 * the registry event's metadata, the key's record notes that a draw began, and a retry after a crash
 * between the draw and saving it finds that number in the registry and uses it instead of drawing another.
 * The one window left is a request that crashes after drawing and is never retried: its number stays in
 * the registry with the case id it was drawn for, and no case stream has it (an auditor sees why).
 */
export async function registryNumberFor(request: RegistryNumberRequest): Promise<string> {
  const { store, idempotency, charter, receivedAt, ids, actor, record, now } = request;
  if (record?.registryNumber) return record.registryNumber;
  const year = registryYear(receivedAt, charter);
  if (record?.drawingSince) {
    const drawn = await drawnFor(store, charter.slug, year, ids.caseId);
    if (drawn) return idempotency.saveRegistryNumber(record._id, drawn);
  }
  if (record) await idempotency.markDrawing(record._id, now());
  const issued = await nextRegistryNumber(store, {
    tenant: charter.slug,
    year,
    prefix: charter.registryPrefix,
    metadata: { caseId: ids.caseId, correlationId: ids.correlationId, actor: { id: actor.id, role: actor.role } },
  });
  return record ? idempotency.saveRegistryNumber(record._id, issued.formatted) : issued.formatted;
}

/** The number the registry issued for this case, if a crashed attempt drew one. */
async function drawnFor(store: EventStore, tenant: string, year: number, caseId: string): Promise<string | undefined> {
  const recent = await readStreamIfExists(store, registryStreamName(tenant, year), { direction: 'backwards', maxCount: RECOVERY_WINDOW });
  const mine = recent?.find((event) => event.type === REGISTRY_NUMBER_ISSUED && event.metadata.caseId === caseId);
  const formatted = mine?.data.formatted;
  return typeof formatted === 'string' ? formatted : undefined;
}
