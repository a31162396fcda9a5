import type { Kind } from '@civic/domain';

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

/** A bound on what one registration reads: a person rarely has this many open cases; the newest count most. */
export const MAX_CANDIDATES = 50;
/** A bound on one person's cases in one answer; nobody comes near it (a registrar's own contacts are never a submitter's). */
export const MAX_PERSON_CASES = 1000;

/**
 * The cases of each identified submitter, per tenant: what duplicate screening compares a new text with.
 * Two adapters: PostgreSQL (`postgres-submitter-cases.store.ts`, `intake.submitter_cases`, wherever the event
 * store is PostgreSQL) and MongoDB (`mongo-submitter-cases.store.ts`, `intake_submitter_cases`).
 */
export abstract class SubmitterCasesStore {
  /** Idempotent: a retried registration finds its entry as the first attempt wrote it. */
  abstract record(entry: SubmitterCaseDocument): Promise<void>;

  /**
   * The entries still marked open that share a submitter key, in this tenant, other than `exceptCaseId`,
   * newest first, at most MAX_CANDIDATES.
   */
  abstract openOf(tenant: string, submitterKeys: readonly string[], exceptCaseId: string): Promise<SubmitterCaseDocument[]>;

  abstract markClosed(caseId: string): Promise<void>;

  /**
   * Every entry, open or closed, that shares a submitter key, in this tenant, newest first, at most
   * MAX_PERSON_CASES: what a person asking about their data (GDPR art. 15, 17) has registered.
   */
  abstract allOf(tenant: string, submitterKeys: readonly string[]): Promise<SubmitterCaseDocument[]>;

  /** The entry goes with its person's data (GDPR art. 17): their keyed hashes are personal data too. */
  abstract remove(caseId: string): Promise<void>;
}
