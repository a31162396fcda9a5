import type { CaseAccess, Role } from '@civic/domain';
import type { AuditEntry } from '@civic/platform';
import type { DeskCaseContent } from './desk-content';

/** The audit log's event for a read that showed a case's personal data. */
export const PERSONAL_DATA_READ = 'PersonalDataRead';

export interface PersonalDataReadFacts {
  tenant: string;
  caseId: string;
  reader: { id: string; roles: readonly Role[] };
  route: string;
  correlationId: string;
  access: CaseAccess;
  /** Whose data: the data subject's pseudonymous id (null for an anonymous submission). */
  dataSubjectId: string | null;
  content: DeskCaseContent;
}

/** Who read whose data, when (the entry's time), why (the route) and what: the fields shown, never their values. */
export function personalDataRead(facts: PersonalDataReadFacts): AuditEntry {
  const { content } = facts;
  const fields = [
    'submission.text',
    ...(content.submission.attachments.length > 0 ? ['submission.attachments'] : []),
    ...(content.submitter === null ? [] : Object.keys(content.submitter).map((field) => `submitter.${field}`)),
    ...(content.replies.length > 0 ? ['replies'] : []),
    ...(content.answers.length > 0 ? ['answers'] : []),
  ];
  return {
    tenant: facts.tenant,
    type: PERSONAL_DATA_READ,
    actor: { id: facts.reader.id, role: facts.reader.roles[0] ?? 'system' },
    correlationId: facts.correlationId,
    data: {
      readerId: facts.reader.id,
      roles: [...facts.reader.roles],
      caseId: facts.caseId,
      dataSubjectId: facts.dataSubjectId,
      route: facts.route,
      access: facts.access,
      fields,
    },
  };
}
