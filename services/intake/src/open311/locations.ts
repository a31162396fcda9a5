import { decryptValue, encryptValue, ENCRYPTION_ALGORITHM, SubjectErasedError, type SubjectKeys } from '@civic/event-store';
import type { StoredLocation } from './request-view';

/** The location encrypted with the submitter's data-subject key (without the `$enc` marker: MongoDB field names must not start with `$`). */
export interface SealedLocation {
  alg: typeof ENCRYPTION_ALGORITHM;
  iv: string;
  tag: string;
  ct: string;
}

export interface LocationDocument {
  /** The case id. */
  _id: string;
  tenant: string;
  /** Whose location it is: the submitter's data-subject id, whose key seals it. */
  dataSubjectId?: string;
  sealed?: SealedLocation;
  /** Only in MongoDB documents written before locations were sealed (none outside development databases). */
  location?: StoredLocation;
  receivedAt: Date;
}

/** Bound into the seal, so a sealed location copied to another subject or field does not open. */
const PATH = 'open311.location';

/**
 * Where the problem an Open311 client reported is, and its photo's URL: GeoReport publishes them with
 * the request, and the case has no field for them (its text carries them too, encrypted, for the staff).
 * Saved as the client's POST is answered, so not a read model that could catch up later: kept with the
 * rest of the registration's bookkeeping, in PostgreSQL (`postgres-locations.ts`, `intake.open311_locations`)
 * wherever the event store is, in MongoDB (`mongo-locations.ts`, `intake_open311_locations`) beside EventStoreDB.
 *
 * An address may be the submitter's own, so it is their personal data: each location is sealed with the
 * submitter's data-subject key, the key the case store encrypts their data in the events with. Erasing the
 * person (deleting that key, SubjectKeys#erase) erases the location with everything else of theirs, and
 * the first read that finds it unreadable deletes the document.
 */
export abstract class Open311Locations {
  constructor(private readonly keys: SubjectKeys) {}

  /** Whether the case has a location already. */
  protected abstract has(caseId: string): Promise<boolean>;
  /** Stores the document unless the case has one (the first one stays). */
  protected abstract insert(document: LocationDocument): Promise<void>;
  protected abstract documents(caseIds: readonly string[]): Promise<LocationDocument[]>;
  protected abstract remove(caseIds: readonly string[]): Promise<void>;

  /** The first answer wins: a retried submission (same Idempotency-Key, same case) changes nothing. */
  async save(caseId: string, tenant: string, dataSubjectId: string, location: StoredLocation, now: Date): Promise<void> {
    if (await this.has(caseId)) return;
    let key: Buffer;
    try {
      key = await this.keys.getOrCreate(dataSubjectId);
    } catch (error) {
      // A retry that comes after the person was erased keeps nothing of theirs.
      if (error instanceof SubjectErasedError) return;
      throw error;
    }
    const { iv, tag, ct } = encryptValue(key, location, { subjectId: dataSubjectId, path: PATH });
    await this.insert({ _id: caseId, tenant, dataSubjectId, sealed: { alg: ENCRYPTION_ALGORITHM, iv, tag, ct }, receivedAt: now });
  }

  /** The case's location goes with its person's data (GDPR art. 17); unreadable already once the key is shredded. */
  async erase(caseId: string): Promise<void> {
    await this.remove([caseId]);
  }

  /** The locations of these cases that can still be read; those of erased people are deleted on the way. */
  async of(caseIds: readonly string[]): Promise<Map<string, StoredLocation>> {
    if (caseIds.length === 0) return new Map();
    const found = await this.documents(caseIds);
    const keys = new Map<string, Promise<Buffer | undefined>>();
    const keyOf = (subjectId: string) => {
      let key = keys.get(subjectId);
      if (!key) keys.set(subjectId, (key = this.keys.find(subjectId)));
      return key;
    };
    const opened = new Map<string, StoredLocation>();
    const erased: string[] = [];
    for (const document of found) {
      if (document.location) {
        opened.set(document._id, document.location);
        continue;
      }
      if (!document.sealed || !document.dataSubjectId) continue;
      const key = await keyOf(document.dataSubjectId);
      if (!key) {
        erased.push(document._id);
        continue;
      }
      const { alg, iv, tag, ct } = document.sealed;
      opened.set(
        document._id,
        decryptValue(key, { $enc: alg, iv, tag, ct }, { subjectId: document.dataSubjectId, path: PATH }) as StoredLocation,
      );
    }
    if (erased.length > 0) await this.remove(erased);
    return opened;
  }
}
