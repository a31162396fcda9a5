import type { Role } from '@civic/domain';

/** Who may read a case at the desk: everyone who works cases, and auditors (how much of it: the domain's caseAccess). */
export const DESK_READERS: Role[] = ['registrar', 'officer', 'anti-corruption-officer', 'head-of-unit', 'secretary', 'mayor', 'auditor'];

export const ETAG_HEADER = {
  ETag: { description: 'The case\'s revision, e.g. "7": send it back in If-Match.', schema: { type: 'string' } },
};

export const DESK_VIEW_DESCRIPTION =
  "Its folded state, its legal term with the explanation of the due date (the tenant's policy and working calendar), the furthest date an extension may set, and its revision, also sent as the ETag. " +
  'What the citizen wrote (`content`) goes only to those who work the case: the registrar, the assigned officer, the head of its unit, the secretary and the mayor. ' +
  'A confidential case (a whistleblower report, a signal flagged for corruption) exists only for the anti-corruption officer, whom it is assigned to, and auditors (who never read its content); ' +
  "a whistleblower's identity only for the anti-corruption officer. Every read that shows personal data is recorded in the tenant's audit log first.";
