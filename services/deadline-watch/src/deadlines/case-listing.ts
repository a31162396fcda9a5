/**
 * Whether a case appears in a caller's deadline list. Lists hold no personal data, so every ordinary case is
 * listed; a confidential one only for whom sees every confidential case and for the officer it is assigned
 * to. For everyone else it does not exist (the domain's `caseAccess`, `listsEveryConfidentialCase`).
 */
import { caseStanding, listsEveryConfidentialCase, type Confidentiality, type RegisteredCase, type Viewer } from '@civic/domain';

/** What the list rule reads of a case; stored with its deadline. */
export interface CaseListing {
  confidential: Confidentiality | null;
  officerId: string | null;
}

/** From the folded case. Deadline-watch keeps no units, so no unit head is looked up: lists name none anyway. */
export function listingOf(state: RegisteredCase): CaseListing {
  const { confidential, officerId } = caseStanding(state, () => null);
  return { confidential, officerId };
}

/** A document stored before cases could be confidential has neither field: it is an ordinary case. */
export function listedFor(viewer: Viewer, listing: Partial<CaseListing>): boolean {
  if ((listing.confidential ?? null) === null) return true;
  return listsEveryConfidentialCase(viewer) || (listing.officerId ?? null) === viewer.id;
}

/**
 * The same rule as a store query, so a long list of confidential cases never crowds ordinary ones out of the
 * answer's limit: nothing for whom sees every confidential case, else ordinary or assigned to the viewer.
 * `confidential: null` also matches a document without the field.
 */
export function listingFilterFor(viewer: Viewer): Record<string, unknown> {
  if (listsEveryConfidentialCase(viewer)) return {};
  return { $or: [{ confidential: null }, { officerId: viewer.id }] };
}
