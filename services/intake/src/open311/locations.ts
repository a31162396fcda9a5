import type { Collection, Db } from 'mongodb';
import type { StoredLocation } from './request-view';

export const LOCATIONS_COLLECTION = 'intake_open311_locations';

interface LocationDocument {
  /** The case id. */
  _id: string;
  tenant: string;
  location: StoredLocation;
  receivedAt: Date;
}

/**
 * Where the problem an Open311 client reported is, and its photo's URL: GeoReport publishes them with
 * the request, and the case has no field for them (its text carries them too, encrypted, for the staff).
 */
export class Open311Locations {
  constructor(private readonly locations: Collection<LocationDocument>) {}

  static on(db: Db): Open311Locations {
    return new Open311Locations(db.collection<LocationDocument>(LOCATIONS_COLLECTION));
  }

  /** The first answer wins: a retried submission (same Idempotency-Key, same case) changes nothing. */
  async save(caseId: string, tenant: string, location: StoredLocation, now: Date): Promise<void> {
    await this.locations.updateOne({ _id: caseId }, { $setOnInsert: { tenant, location, receivedAt: now } }, { upsert: true });
  }

  async of(caseIds: readonly string[]): Promise<Map<string, StoredLocation>> {
    if (caseIds.length === 0) return new Map();
    const found = await this.locations.find({ _id: { $in: [...caseIds] } }).toArray();
    return new Map(found.map((document) => [document._id, document.location]));
  }
}
