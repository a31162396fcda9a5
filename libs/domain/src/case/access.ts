/**
 * Which cases a member of staff may see, and how much of each: the per-case side of "who may", next to
 * PERMISSIONS (what a role may ever do). Personal data is seen only by whom the work needs (GDPR art. 5(1)(c),
 * art. 25); the submitter is protected from persecution (АПК чл. 108(2)); a whistleblower's identity is
 * disclosed to nobody but the designated officer (ЗЗЛПСПОИН чл. 31). Pure: who heads a unit comes in.
 */
import type { Confidentiality } from './confidentiality';
import type { Role } from './roles';
import type { RegisteredCase } from './state';

/**
 * - `none`: for this person the case does not exist (a 404, absent from every list);
 * - `record`: its course (status, dates, registry number) without anything the submitter wrote;
 * - `content`: also what was written (text, attachments' descriptions, replies), without who wrote it;
 * - `full`: also the submitter's name and contacts.
 */
export const CASE_ACCESS_LEVELS = ['none', 'record', 'content', 'full'] as const;
export type CaseAccess = (typeof CASE_ACCESS_LEVELS)[number];

/** Who is looking: the token's subject and roles. */
export interface Viewer {
  id: string;
  roles: readonly Role[];
}

/** What access depends on: the case's confidentiality and who works it. */
export interface CaseStanding {
  confidential: Confidentiality | null;
  /** The unit the case was routed to, while it has one. */
  unit: string | null;
  /** The officer it is assigned to (or was answered by), while it has one. */
  officerId: string | null;
  /** The head of that unit's user id, from the tenant's units; null when none is named. */
  unitHeadId: string | null;
  /** Whom a whistleblower's identity was disclosed to under the law's exception. */
  identityDisclosedTo: readonly string[];
}

/** Where the case stands, from its folded state; the unit's head is the caller's to look up. */
export function caseStanding(state: RegisteredCase, unitHeadOf: (unit: string) => string | null): CaseStanding {
  const working = state.status === 'AwaitingSubmitter' ? state.resume : state;
  const unit = 'unit' in working ? working.unit : null;
  const officerId = 'officerId' in working ? working.officerId : null;
  const { confidential, identityDisclosedTo } = state.facts;
  return { confidential, unit, officerId, unitHeadId: unit === null ? null : unitHeadOf(unit), identityDisclosedTo };
}

/** Roles that read every ordinary case of their tenant in full: they register it, or answer for the whole office. */
const WHOLE_OFFICE: readonly Role[] = ['registrar', 'secretary', 'mayor'];
/** Roles a case can be assigned to, or a unit headed by. */
const CASE_WORKERS: readonly Role[] = ['officer', 'anti-corruption-officer', 'head-of-unit', 'secretary', 'mayor'];
/**
 * Roles that see the course of every ordinary case (the work queues, deadlines, the auditor's replay) but not
 * what was written: staff who do not work the case, ops watching the queues, auditors.
 */
const RECORD_READERS: readonly Role[] = ['officer', 'anti-corruption-officer', 'head-of-unit', 'ops', 'auditor'];
/** Roles that see that every confidential case exists: the officer who handles them, and auditors (never its content). */
const CONFIDENTIAL_OVERSEERS: readonly Role[] = ['anti-corruption-officer', 'auditor'];

function accessAs(role: Role, viewer: Viewer, standing: CaseStanding): CaseAccess {
  const worksIt = CASE_WORKERS.includes(role) && (standing.officerId === viewer.id || standing.unitHeadId === viewer.id);
  if (standing.confidential !== null) {
    if (role === 'anti-corruption-officer') return 'full';
    // Auditors replay every case's course, confidential ones included, but never read who wrote or what.
    if (role === 'auditor') return 'record';
    if (!worksIt) return 'none';
    // Whom the officer assigns works the report, never learning who made it, unless the law's exception was recorded for them.
    if (standing.confidential !== 'whistleblower-report' || standing.identityDisclosedTo.includes(viewer.id)) return 'full';
    return 'content';
  }
  if (WHOLE_OFFICE.includes(role) || worksIt) return 'full';
  return RECORD_READERS.includes(role) ? 'record' : 'none';
}

const rank = (access: CaseAccess): number => CASE_ACCESS_LEVELS.indexOf(access);

/**
 * The most any of the viewer's roles allows. Tenant admins, citizens and the system see no case here, nor does the
 * data protection officer: a person's requests about their data are to be answered through routes of their own.
 */
export function caseAccess(viewer: Viewer, standing: CaseStanding): CaseAccess {
  return viewer.roles.reduce<CaseAccess>((best, role) => {
    const access = accessAs(role, viewer, standing);
    return rank(access) > rank(best) ? access : best;
  }, 'none');
}

/** At least `wanted`: e.g. `allows(access, 'content')` before showing what the citizen wrote. */
export const allows = (access: CaseAccess, wanted: CaseAccess): boolean => rank(access) >= rank(wanted);

/**
 * Whether a list (which shows no personal data) may include every confidential case for this viewer; when not,
 * it includes only the confidential cases assigned to them, and every ordinary one. Lists hold no unit heads,
 * so a head of unit finds a confidential case of their unit through the case itself, not a list.
 */
export const listsEveryConfidentialCase = (viewer: Viewer): boolean => viewer.roles.some((role) => CONFIDENTIAL_OVERSEERS.includes(role));

/** What a list knows of a case to apply the rule; a row stored before cases could be confidential has neither field. */
export interface CaseListing {
  confidential?: Confidentiality | null;
  officerId?: string | null;
}

/** Whether a list shown to the viewer holds the case: every ordinary one; a confidential one as `listsEveryConfidentialCase` says, or when assigned to them. */
export function listedFor(viewer: Viewer, listing: CaseListing): boolean {
  if ((listing.confidential ?? null) === null) return true;
  return listsEveryConfidentialCase(viewer) || (listing.officerId ?? null) === viewer.id;
}
