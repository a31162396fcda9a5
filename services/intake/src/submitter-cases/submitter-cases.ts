import { isOpen, toLocalDate, type OpenCase, type TenantCharter } from '@civic/domain';
import type { CaseReader } from '@civic/platform';
import type { Submission } from '../cases/submission';
import { personIdOf, submitterKeys, textFingerprints } from './fingerprints';
import type { SubmitterCaseDocument, SubmitterCasesStore } from './submitter-cases.store';

/** What duplicate screening compares a new submission with (the domain's ScreeningInput fields). */
export interface DuplicateCandidates {
  openCases: OpenCase[];
  textKeys: string[];
}

/**
 * The same submitter's open cases in a tenant, for duplicate screening (a duplicate is an open case of the
 * same submitter with a similar text: the domain's duplicates.ts).
 *
 * Why this shape, the smallest sound one we found:
 * - The event store cannot be queried by submitter (personal data there is sealed with each person's key),
 *   so intake keeps a small read model, written where it registers a case: the submitter as keyed hashes of
 *   their e-mail and phone, the text as keyed hashes of its comparison keys. Nothing in it is in clear.
 * - Whether a candidate is still open is asked of its stream when a new case is screened, not projected
 *   from events: intake consumes no case events, a person has few cases, and the stream is the truth (no
 *   lag, no second consumer). A case found closed is marked so and not read again.
 * - Anonymous submitters, and those who gave only a name or a postal address, are never matched: nothing
 *   identifies them reliably, and a wrong link would show one person's case beside another's.
 */
export class SubmitterCases {
  constructor(
    private readonly store: SubmitterCasesStore,
    private readonly key: Buffer,
    private readonly reader: CaseReader,
  ) {}

  /** The submitter's other open cases in the tenant, and the new text's keys in the same form. */
  async candidates(tenant: string, submission: Submission, caseId: string): Promise<DuplicateCandidates> {
    const textKeys = textFingerprints(this.key, submission.text);
    const entries = await this.store.openOf(tenant, submitterKeys(this.key, submission.submitter), caseId);
    const checked = await Promise.all(
      entries.map(async (entry): Promise<OpenCase | undefined> => {
        const { state } = await this.reader.read(entry._id);
        if (isOpen(state)) {
          return {
            caseId: entry._id,
            registryNumber: entry.registryNumber,
            kind: entry.kind,
            receivedOn: entry.receivedOn,
            keys: entry.textKeys,
          };
        }
        await this.store.markClosed(entry._id);
        return undefined;
      }),
    );
    return { openCases: checked.filter((open): open is OpenCase => open !== undefined), textKeys };
  }

  /**
   * Every case this tenant registered with one of these contacts, open or closed, newest first: what a person
   * who proved a contact is theirs has sent (GDPR art. 15, 17). `key` is the id they are known by across all
   * of them: a keyed hash of the first contact, the same on every search (never the contact itself).
   */
  async ofPerson(
    tenant: string,
    contact: { email?: string; phone?: string },
  ): Promise<{ personId: string; cases: SubmitterCaseDocument[] }> {
    const keys = submitterKeys(this.key, contact);
    if (keys.length === 0) return { personId: '', cases: [] };
    return { personId: personIdOf(this.key, tenant, keys[0]), cases: await this.store.allOf(tenant, keys) };
  }

  /** The case leaves the index with its person's data (GDPR art. 17). Idempotent. */
  async forget(caseId: string): Promise<void> {
    await this.store.remove(caseId);
  }

  /** Keeps the registered case for later comparisons, if its submitter can be recognised. Idempotent. */
  async record(charter: TenantCharter, caseId: string, registryNumber: string, submission: Submission, receivedAt: string): Promise<void> {
    const keys = submitterKeys(this.key, submission.submitter);
    if (keys.length === 0) return;
    await this.store.record({
      _id: caseId,
      tenant: charter.slug,
      submitterKeys: keys,
      registryNumber,
      kind: submission.kind,
      receivedOn: toLocalDate(receivedAt, charter.timeZone),
      textKeys: textFingerprints(this.key, submission.text),
      open: true,
    });
  }
}
