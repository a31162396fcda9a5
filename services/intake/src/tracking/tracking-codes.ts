import { MongoServerError, type Collection, type Db } from 'mongodb';
import { hashTrackingCode, isTrackingCodeShaped, newTrackingCode } from './tracking-code';

export const TRACKING_CODES_COLLECTION = 'intake_tracking_codes';
const DUPLICATE_KEY = 11000;

interface TrackingCodeDocument {
  /** The hash of the code; the code itself is never stored. */
  _id: string;
  tenant: string;
  caseId: string;
  issuedAt: Date;
}

/** Citizens' private tracking codes, stored only as hashes, one per case. */
export class TrackingCodes {
  constructor(private readonly codes: Collection<TrackingCodeDocument>) {}

  static on(db: Db): TrackingCodes {
    return new TrackingCodes(db.collection<TrackingCodeDocument>(TRACKING_CODES_COLLECTION));
  }

  async ensureIndexes(): Promise<void> {
    await this.codes.createIndex({ caseId: 1 }, { unique: true, name: 'caseId_unique' });
  }

  /** A new code for the case, replacing any earlier one: one case, one valid code. */
  async issue(tenant: string, caseId: string, now: Date): Promise<string> {
    const code = newTrackingCode();
    await this.assign(tenant, caseId, code, now);
    return code;
  }

  /**
   * Makes `code` the case's one valid code (intake draws it before registering, so it can travel in the
   * submitter). Idempotent: a retry with the same code keeps its entry; a different code replaces it.
   * `fresh`: the case's first registration attempt, which no other code can precede, so there is nothing to
   * replace (and the delete, a filter FerretDB evaluates on every document of the collection, is skipped).
   */
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

  /** The case the code names in this tenant; undefined for any code that is not one (malformed included). */
  async caseOf(tenant: string, typed: string): Promise<string | undefined> {
    if (!isTrackingCodeShaped(typed)) return undefined;
    const found = await this.codes.findOne({ _id: hashTrackingCode(typed), tenant });
    return found?.caseId;
  }
}
