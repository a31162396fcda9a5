import type { Collection, Db } from 'mongodb';
import type { Kind } from '@civic/domain';

export const SUBMITTER_CASES_COLLECTION = 'intake_submitter_cases';

/** One registered case of an identified submitter, as duplicate screening needs it; no personal data in clear. */
export interface SubmitterCaseDocument {
  _id: string;
  tenant: string;
  /** Keyed hashes of the submitter's e-mail and phone (fingerprints.ts). */
  submitterKeys: string[];
  registryNumber: string;
  kind: Kind;
  receivedOn: string;
  /** Keyed hashes of the text's comparison keys. */
  textKeys: string[];
  /** False once the case was seen closed; never reopened (a closed case stays closed). */
  open: boolean;
}

/** The cases of each identified submitter, per tenant: what duplicate screening compares a new text with. */
export class SubmitterCasesStore {
  constructor(private readonly cases: Collection<SubmitterCaseDocument>) {}

  static on(db: Db): SubmitterCasesStore {
    return new SubmitterCasesStore(db.collection<SubmitterCaseDocument>(SUBMITTER_CASES_COLLECTION));
  }

  async ensureIndexes(): Promise<void> {
    await this.cases.createIndex({ tenant: 1, submitterKeys: 1, open: 1 }, { name: 'tenant_submitter_open' });
  }

  /** Idempotent: a retried registration finds its entry as the first attempt wrote it. */
  async record(entry: SubmitterCaseDocument): Promise<void> {
    const { _id, ...fields } = entry;
    await this.cases.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
  }

  /**
   * The entries still marked open that share a submitter key, in this tenant, other than `exceptCaseId`,
   * newest first. One query per key, each an equality on `submitterKeys` (an array holding the key): FerretDB
   * hands an equality to its backend, where the index answers it (infra/local/ferretdb-gin-indexes.sql), but
   * evaluates an `$in` itself on every open case of the tenant.
   */
  async openOf(tenant: string, submitterKeys: readonly string[], exceptCaseId: string): Promise<SubmitterCaseDocument[]> {
    const found = await Promise.all(
      [...new Set(submitterKeys)].map((key) =>
        this.cases
          .find({ tenant, submitterKeys: key, open: true, _id: { $ne: exceptCaseId } })
          .sort({ receivedOn: -1 })
          .limit(MAX_CANDIDATES)
          .toArray(),
      ),
    );
    const byId = new Map(found.flat().map((entry) => [entry._id, entry]));
    return [...byId.values()].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn)).slice(0, MAX_CANDIDATES);
  }

  async markClosed(caseId: string): Promise<void> {
    await this.cases.updateOne({ _id: caseId }, { $set: { open: false } });
  }
}

/** A bound on what one registration reads: a person rarely has this many open cases; the newest count most. */
const MAX_CANDIDATES = 50;
