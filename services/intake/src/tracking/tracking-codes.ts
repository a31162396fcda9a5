import { newTrackingCode } from './tracking-code';

/**
 * Citizens' private tracking codes, stored only as hashes, one per case. Two adapters: PostgreSQL
 * (`postgres-tracking-codes.ts`, `intake.tracking_codes`, wherever the event store is PostgreSQL) and
 * MongoDB (`mongo-tracking-codes.ts`, `intake_tracking_codes`, beside EventStoreDB).
 */
export abstract class TrackingCodes {
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
   * replace (the delete is skipped).
   */
  abstract assign(tenant: string, caseId: string, code: string, now: Date, options?: { fresh?: boolean }): Promise<void>;

  /** The case the code names in this tenant; undefined for any code that is not one (malformed included). */
  abstract caseOf(tenant: string, typed: string): Promise<string | undefined>;

  /** The case's code stops working: its person was erased (GDPR art. 17), so nothing of theirs opens it. */
  abstract forget(tenant: string, caseId: string): Promise<void>;
}
