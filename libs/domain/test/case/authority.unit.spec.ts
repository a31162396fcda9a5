/**
 * Issue 21 (1): who may act on *this* case, as a table over every case command × every role × every relation
 * to the case × ordinary or confidential, decided by `decide` on a real case. The expectations are written out
 * here from the rule, not read from src/case/authority.ts.
 */
import {
  allows,
  caseAccess,
  caseDecider,
  caseStanding,
  mayActOn,
  PERMISSIONS,
  ROLES,
  type CaseCommand,
  type CaseCommandType,
  type CaseEvent,
  type CaseRelation,
  type CaseSensitivity,
  type RegisteredCase,
  type Role,
} from '../../src/case';
import { at, command, event, history, UNIT } from './fixtures';

/** A body for each command a person or the platform issues on a registered case (valid enough to reach the checks). */
const BODIES: { [C in Exclude<CaseCommandType, 'RegisterCase'>]: unknown } = {
  ScreenCase: { outcome: 'accept' },
  ResolveFlag: { decision: 'accept', reason: 'Добре' },
  RouteCase: { unit: UNIT, ruleId: 'r', ruleVersion: 1 },
  AssignCase: { officerId: 'o-9' },
  ReassignCase: { officerId: 'o-9', reason: 'Отпуск' },
  RedirectCase: { authority: 'РЗИ', reason: 'Компетентност' },
  RequestInformation: { missing: 'Адрес', pausesClock: true },
  ProvideInformation: { text: 'Адрес', attachments: [] },
  ExtendDeadline: { reason: 'Проверка', newFinalDate: '2026-05-01', maxFinalDate: '2026-09-01' },
  AnswerCase: { text: 'Отговор', attachments: [], channel: 'post' },
  CloseCase: {},
  ReopenCase: { reason: 'Пак' },
  WithdrawCase: {},
  LinkAsDuplicate: { originalCaseId: 'case-0000' },
  RecordSatisfaction: { rating: 4 },
  RecordDeadlineApproaching: { dueDate: '2026-04-01', workingDaysBefore: 3, warnedOn: '2026-03-27' },
  RecordDeadlineBreach: { dueDate: '2026-04-01' },
  EscalateCase: { toRole: 'secretary', dueDate: '2026-04-01' },
  RecordNotificationSent: {
    notificationId: 'n-1',
    template: 't',
    channel: 'email',
    recipient: 'submitter',
    triggeredBy: 'e-1',
    attempts: 1,
  },
  RecordNotificationFailed: {
    notificationId: 'n-1',
    template: 't',
    channel: 'email',
    recipient: 'submitter',
    triggeredBy: 'e-1',
    attempts: 3,
    error: 'down',
  },
  RecordIdentityDisclosure: { ground: 'written-consent', disclosedTo: 'o-9', reason: 'Съгласие' },
  ErasePersonalData: { ground: 'data-subject-request', requestId: 'r-1' },
};
const COMMANDS = Object.keys(BODIES) as (keyof typeof BODIES)[];

/** The ways a person stands to a case: the case assigned to them, its unit headed by them, another unit's head, nobody. */
const STANDINGS = ['assigned to them', 'head of its unit', 'head of another unit', 'unrelated'] as const;
type Standing = (typeof STANDINGS)[number];
const RELATION: Record<Standing, CaseRelation> = {
  'assigned to them': 'assigned-officer',
  'head of its unit': 'head-of-its-unit',
  'head of another unit': 'none',
  unrelated: 'none',
};

/**
 * The rule in words: officers act on the cases assigned to them; a head of unit on those and on their unit's;
 * the registry, the secretary and the mayor on every ordinary case, but on a confidential report only the
 * designated (anti-corruption) officer, and whom it is assigned to or whose unit works it; the citizen, the
 * platform and the data protection officer act by who they are, whatever case; the rest never write.
 */
function expectedToAct(role: Role, standing: Standing, sensitivity: CaseSensitivity): boolean {
  const works = standing === 'assigned to them' || standing === 'head of its unit';
  switch (role) {
    case 'citizen':
    case 'system':
    case 'data-protection-officer':
      return true;
    case 'officer':
      return standing === 'assigned to them';
    case 'head-of-unit':
      return works;
    case 'registrar':
      return sensitivity === 'ordinary';
    case 'secretary':
    case 'mayor':
      return sensitivity === 'ordinary' || works;
    case 'anti-corruption-officer':
      return sensitivity === 'confidential' || standing === 'assigned to them';
    case 'tenant-admin':
    case 'ops':
    case 'platform-operator':
    case 'auditor':
      return false;
  }
}

const ME = 'person-1';

/** A complaint or a corruption signal, routed to the fixtures' unit and assigned to the person or to someone else. */
function caseFor(standing: Standing, sensitivity: CaseSensitivity): CaseEvent[] {
  const kind = sensitivity === 'ordinary' ? 'complaint' : 'whistleblower-report';
  const officerId = standing === 'assigned to them' ? ME : 'someone-else';
  return [...history.routed({ kind }), event('CaseAssigned', { officerId }, { now: at(4) })];
}

function unitsHeaded(standing: Standing): string[] {
  if (standing === 'head of its unit') return [UNIT];
  return standing === 'head of another unit' ? ['another-unit'] : [];
}

const rows = COMMANDS.flatMap((type) =>
  ROLES.flatMap((role) =>
    STANDINGS.flatMap((standing) => (['ordinary', 'confidential'] as const).map((sensitivity) => ({ type, role, standing, sensitivity }))),
  ),
);

describe('authority over this case: every command × role × relation × sensitivity', () => {
  it.each(rows)('$type by $role, $standing, $sensitivity', ({ type, role, standing, sensitivity }) => {
    const history = caseFor(standing, sensitivity);
    const state = history.reduce(caseDecider.evolve, caseDecider.initialState());
    const cmd = command(type, BODIES[type] as never, {
      actor: { id: ME, role },
      now: at(10),
      unitsHeaded: unitsHeaded(standing),
    }) as CaseCommand;
    const result = caseDecider.decide(cmd, state);
    const rejection = result.ok ? undefined : result.rejection.type;
    if (!PERMISSIONS[type].includes(role)) {
      expect(rejection).toBe('NotPermittedForRole');
    } else if (expectedToAct(role, standing, sensitivity)) {
      // Allowed to act: whatever refusal remains is about the case's state or the request, never about who asks.
      expect(['NotPermittedForRole', 'NotYourCase']).not.toContain(rejection);
    } else {
      expect(rejection).toBe('NotYourCase');
    }
    expect(mayActOn(role, type, RELATION[standing], sensitivity)).toBe(
      PERMISSIONS[type].includes(role) && expectedToAct(role, standing, sensitivity),
    );
  });
});

describe('authority and access agree', () => {
  const fold = (events: CaseEvent[]) => events.reduce(caseDecider.evolve, caseDecider.initialState()) as RegisteredCase;

  it('whoever on the staff may act on a case also reads what was written in it (the data protection officer erases unseen)', () => {
    const staff = ROLES.filter((role) => !['citizen', 'system', 'data-protection-officer'].includes(role));
    for (const role of staff)
      for (const standing of STANDINGS)
        for (const sensitivity of ['ordinary', 'confidential'] as const) {
          const standingOfCase = caseStanding(fold(caseFor(standing, sensitivity)), (unit) =>
            unitsHeaded(standing).includes(unit) ? ME : null,
          );
          const access = caseAccess({ id: ME, roles: [role] }, standingOfCase);
          const acts = COMMANDS.some((type) => mayActOn(role, type, RELATION[standing], sensitivity));
          if (acts)
            expect({ role, standing, sensitivity, reads: allows(access, 'content') }).toEqual({ role, standing, sensitivity, reads: true });
        }
  });
});
