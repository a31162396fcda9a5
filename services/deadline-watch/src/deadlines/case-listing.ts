/**
 * What the deadline list keeps of a case to apply the list rule (the domain's `listedFor`): lists hold no
 * personal data, so every ordinary case is listed; a confidential one only for whom sees every confidential
 * case and for the officer it is assigned to.
 */
import { caseStanding, type CaseListing, type RegisteredCase } from '@civic/domain';

/** From the folded case. Deadline-watch keeps no units, so no unit head is looked up: lists name none anyway. */
export function listingOf(state: RegisteredCase): Required<CaseListing> {
  const { confidential, officerId } = caseStanding(state, () => null);
  return { confidential, officerId };
}
