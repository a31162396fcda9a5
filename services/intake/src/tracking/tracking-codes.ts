import type { Collection, Db } from 'mongodb';
import { hashTrackingCode, isTrackingCodeShaped, newTrackingCode } from './tracking-code';

export const TRACKING_CODES_COLLECTION = 'intake_tracking_codes';

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

  /**
   * A new code for the case. A retry after a crash issues another one and the earlier (never shown)
   * one stops working: one case, one valid code.
   */
  async issue(tenant: string, caseId: string, now: Date): Promise<string> {
    const code = newTrackingCode();
    await this.codes.deleteMany({ caseId });
    await this.codes.insertOne({ _id: hashTrackingCode(code), tenant, caseId, issuedAt: now });
    return code;
  }

  /** The case the code names in this tenant; undefined for any code that is not one (malformed included). */
  async caseOf(tenant: string, typed: string): Promise<string | undefined> {
    if (!isTrackingCodeShaped(typed)) return undefined;
    const found = await this.codes.findOne({ _id: hashTrackingCode(typed), tenant });
    return found?.caseId;
  }
}
