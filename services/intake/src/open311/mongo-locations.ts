import type { SubjectKeys } from '@civic/event-store';
import type { Collection, Db } from 'mongodb';
import { Open311Locations, type LocationDocument } from './locations';

export const LOCATIONS_COLLECTION = 'intake_open311_locations';

/** Open311 locations in MongoDB (`intake_open311_locations`), by case id. */
export class MongoOpen311Locations extends Open311Locations {
  constructor(
    private readonly locations: Collection<LocationDocument>,
    keys: SubjectKeys,
  ) {
    super(keys);
  }

  static on(db: Db, keys: SubjectKeys): MongoOpen311Locations {
    return new MongoOpen311Locations(db.collection<LocationDocument>(LOCATIONS_COLLECTION), keys);
  }

  protected async has(caseId: string): Promise<boolean> {
    return (await this.locations.findOne({ _id: caseId }, { projection: { _id: 1 } })) !== null;
  }

  protected async insert({ _id, ...fields }: LocationDocument): Promise<void> {
    await this.locations.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
  }

  protected documents(caseIds: readonly string[]): Promise<LocationDocument[]> {
    return this.locations.find({ _id: { $in: [...caseIds] } }).toArray();
  }

  protected async remove(caseIds: readonly string[]): Promise<void> {
    await this.locations.deleteMany({ _id: { $in: [...caseIds] } });
  }
}
