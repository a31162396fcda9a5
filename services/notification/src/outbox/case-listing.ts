/**
 * Which cases a member of staff finds in notification's answers (the domain's `caseAccess` and
 * `listsEveryConfidentialCase`). A list holds no personal data: every ordinary case is in it, a confidential
 * one only for whom sees every confidential case and for the officer it is assigned to. A case's own routes
 * answer as for an unknown case when it does not exist for the caller.
 */
import { caseAccess, caseStanding, listedFor, type CaseAccess, type RegisteredCase, type Viewer } from '@civic/domain';

/** Notification keeps no units: no unit head is looked up, so a head of unit sees a confidential case elsewhere. */
const noUnitHeads = (): string | null => null;

/** How much of the case the viewer may read; `none`: for them it does not exist. */
export const accessOf = (viewer: Viewer, state: RegisteredCase): CaseAccess => caseAccess(viewer, caseStanding(state, noUnitHeads));

/** Whether a list shown to the viewer may hold the case (the domain's `listedFor`). */
export const listedInFor = (viewer: Viewer, state: RegisteredCase): boolean => listedFor(viewer, caseStanding(state, noUnitHeads));
