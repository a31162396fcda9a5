import type { Collection, Db } from 'mongodb';
import { MAX_CANDIDATES, MAX_PERSON_CASES, SubmitterCasesStore, type SubmitterCaseDocument } from './submitter-cases.store';

export const SUBMITTER_CASES_COLLECTION = 'intake_submitter_cases';

/** The submitters' cases in MongoDB (`intake_submitter_cases`). */
export class MongoSubmitterCasesStore extends SubmitterCasesStore {
  constructor(private readonly cases: Collection<SubmitterCaseDocument>) {
    super();
  }

  static on(db: Db): MongoSubmitterCasesStore {
    return new MongoSubmitterCasesStore(db.collection<SubmitterCaseDocument>(SUBMITTER_CASES_COLLECTION));
  }

  async ensureIndexes(): Promise<void> {
    await this.cases.createIndex({ tenant: 1, submitterKeys: 1, open: 1 }, { name: 'tenant_submitter_open' });
  }

  async record(entry: SubmitterCaseDocument): Promise<void> {
    const { _id, ...fields } = entry;
    await this.cases.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
  }

  /**
   * One query per key, each an equality on `submitterKeys` (an array holding the key): FerretDB hands an
   * equality to its backend, where the index answers it (infra/local/ferretdb-gin-indexes.sql), but evaluates
   * an `$in` itself on every open case of the tenant.
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

  async allOf(tenant: string, submitterKeys: readonly string[]): Promise<SubmitterCaseDocument[]> {
    const found = await Promise.all(
      [...new Set(submitterKeys)].map((key) => this.cases.find({ tenant, submitterKeys: key }).limit(MAX_PERSON_CASES).toArray()),
    );
    const byId = new Map(found.flat().map((entry) => [entry._id, entry]));
    return [...byId.values()].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn)).slice(0, MAX_PERSON_CASES);
  }

  async remove(caseId: string): Promise<void> {
    await this.cases.deleteOne({ _id: caseId });
  }
}
