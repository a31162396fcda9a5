import { MongoServerError, type Collection, type Db } from 'mongodb';
import { hashTrackingCode, isTrackingCodeShaped } from './tracking-code';
import { TrackingCodes } from './tracking-codes';

export const TRACKING_CODES_COLLECTION = 'intake_tracking_codes';
const DUPLICATE_KEY = 11000;

export interface TrackingCodeDocument {
  /** The hash of the code; the code itself is never stored. */
  _id: string;
  tenant: string;
  caseId: string;
  issuedAt: Date;
}

/** The codes' hashes in MongoDB (`intake_tracking_codes`), unique per case. */
export class MongoTrackingCodes extends TrackingCodes {
  constructor(private readonly codes: Collection<TrackingCodeDocument>) {
    super();
  }

  static on(db: Db): MongoTrackingCodes {
    return new MongoTrackingCodes(db.collection<TrackingCodeDocument>(TRACKING_CODES_COLLECTION));
  }

  async ensureIndexes(): Promise<void> {
    await this.codes.createIndex({ caseId: 1 }, { unique: true, name: 'caseId_unique' });
  }

  // The delete skipped for a fresh case is a filter FerretDB evaluates on every document of the collection.
  async assign(tenant: string, caseId: string, code: string, now: Date, { fresh = false }: { fresh?: boolean } = {}): Promise<void> {
    const _id = hashTrackingCode(code);
    if (!fresh) await this.codes.deleteMany({ caseId, _id: { $ne: _id } });
    try {
      await this.codes.insertOne({ _id, tenant, caseId, issuedAt: now });
    } catch (error) {
      // Already there from an earlier attempt at the same registration: that is the entry wanted.
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      if (!(await this.codes.findOne({ _id, tenant, caseId }))) throw error;
    }
  }

  async caseOf(tenant: string, typed: string): Promise<string | undefined> {
    if (!isTrackingCodeShaped(typed)) return undefined;
    const found = await this.codes.findOne({ _id: hashTrackingCode(typed), tenant });
    return found?.caseId;
  }

  async forget(tenant: string, caseId: string): Promise<void> {
    await this.codes.deleteOne({ tenant, caseId });
  }
}
