/**
 * Who may issue which command: the role rules that are domain rules, as one small table. Who a person is
 * (authentication) and which cases they may see are the application's job; this only says what a role
 * may ever do to a case. Roles missing from every row never write: auditor, ops, tenant-admin.
 */
import type { CaseCommandType } from './commands';
import type { Role } from './roles';

/** Officers handling a case: the anti-corruption officer works on the signals assigned to them. */
const HANDLERS: readonly Role[] = ['officer', 'anti-corruption-officer'];
const MANAGERS: readonly Role[] = ['head-of-unit', 'secretary'];

export const PERMISSIONS: { readonly [C in CaseCommandType]: readonly Role[] } = {
  // АПК чл. 111(2): every submission is registered; web forms register through the platform.
  RegisterCase: ['registrar', 'system'],
  // The platform may accept or flag; deciding no proceedings is the registrar's (checked in intake.ts).
  ScreenCase: ['registrar', 'system'],
  // Charters: offensive language, personal or classified data are a registrar's decision with a reason; on a
  // confidential case (access.ts) the anti-corruption officer decides, as nobody else may see it.
  ResolveFlag: ['registrar', 'anti-corruption-officer'],
  RouteCase: ['registrar', 'system', ...MANAGERS],
  // Routing assigns by the tenant's rules (least open cases in the unit); heads of unit may still assign by hand.
  AssignCase: ['system', ...MANAGERS],
  ReassignCase: [...MANAGERS],
  RedirectCase: ['registrar', ...HANDLERS, ...MANAGERS],
  RequestInformation: ['registrar', ...HANDLERS, ...MANAGERS],
  // The reply reaches the case through the portal (citizen) or is entered from paper (registrar).
  ProvideInformation: ['citizen', 'registrar', 'system', ...HANDLERS],
  // АПК чл. 118(2): the higher authority extends; in a municipality the head of unit, secretary or mayor.
  ExtendDeadline: [...MANAGERS, 'mayor'],
  AnswerCase: [...HANDLERS, ...MANAGERS, 'mayor'],
  CloseCase: ['registrar', 'system', ...HANDLERS, ...MANAGERS],
  ReopenCase: ['registrar', ...MANAGERS, 'mayor'],
  WithdrawCase: ['citizen', 'registrar', 'system'],
  LinkAsDuplicate: ['registrar', ...HANDLERS, ...MANAGERS],
  // Charters: satisfaction surveys, by the citizen, by phone through a registrar, or imported; whoever records
  // it, a case has one rating (AlreadyRated, outcome.ts).
  RecordSatisfaction: ['citizen', 'registrar', 'system'],
  // The platform's own observations (deadline-watch, notification): nobody records them by hand.
  RecordDeadlineApproaching: ['system'],
  RecordDeadlineBreach: ['system'],
  EscalateCase: ['system'],
  RecordNotificationSent: ['system'],
  RecordNotificationFailed: ['system'],
  // ЗЗЛПСПОИН чл. 31: only the designated officer may disclose a whistleblower's identity, on the law's grounds.
  RecordIdentityDisclosure: ['anti-corruption-officer'],
  // GDPR art. 38–39: the data protection officer handles the person's request; the platform applies retention.
  ErasePersonalData: ['data-protection-officer', 'system'],
};

export function mayIssue(role: Role, command: CaseCommandType): boolean {
  return PERMISSIONS[command].includes(role);
}
