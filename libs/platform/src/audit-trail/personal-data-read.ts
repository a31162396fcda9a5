import type { CaseAccess, Role } from '@civic/domain';
import type { AuditEntry } from './audit-trail';

/** The audit log's event for a read that showed a case's personal data. */
export const PERSONAL_DATA_READ = 'PersonalDataRead';

export interface PersonalDataReadFacts {
  tenant: string;
  caseId: string;
  reader: { id: string; roles: readonly Role[] };
  /** Why: the route read, e.g. `GET /tenants/:tenant/cases/:caseId`. */
  route: string;
  correlationId: string;
  access: CaseAccess;
  /** Whose data: the data subject's pseudonymous id (null when unknown or anonymous). */
  dataSubjectId: string | null;
  /** What was shown, by name (`submission.text`, `submitter.email`, `letter`), never the values. */
  fields: readonly string[];
}

/** Who read whose data, when (the entry's time), why (the route) and what (GDPR art. 5(2), 30). */
export function personalDataRead(facts: PersonalDataReadFacts): AuditEntry {
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
      fields: [...facts.fields],
    },
  };
}
