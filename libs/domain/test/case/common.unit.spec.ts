import fc from 'fast-check';
import { caseDecider, PERMISSIONS, ROLES, type CaseCommand, type CaseCommandType, type CaseRejectionType, type Role } from '../../src/case';
import { as, at, CASE_ID, command, given, history, OFFICER, offensiveFlag, registration, TENANT, UNIT } from './fixtures';

describe('checks every command shares', () => {
  it('Lifecycle: a command on a case never registered: CaseNotFound', () => {
    given([])
      .when(command('ScreenCase', { outcome: 'accept' }))
      .then('CaseNotFound');
  });

  it('tenant isolation: a command for another municipality or case never touches this one: CommandForAnotherCase', () => {
    given(history.registered())
      .when(command('ScreenCase', { outcome: 'accept' }, { tenant: 'petrich' }))
      .then('CommandForAnotherCase');
    given(history.registered())
      .when(command('ScreenCase', { outcome: 'accept' }, { caseId: 'case-9' }))
      .then('CommandForAnotherCase');
  });

  it('event metadata: causation is the command id, time is the command’s `now`, actor and correlation carried over', () => {
    const cmd = command('ScreenCase', { outcome: 'accept' }, { commandId: 'cmd-42', now: at(3), actor: as('registrar') });
    const result = caseDecider.decide(cmd, caseDecider.initialState());
    expect(result.ok).toBe(false); // not registered yet
    const registered = history.registered().reduce(caseDecider.evolve, caseDecider.initialState());
    expect(caseDecider.decide(cmd, registered)).toEqual({
      ok: true,
      events: [
        {
          type: 'CaseAccepted',
          data: { basis: 'screening', reason: null },
          metadata: {
            tenant: TENANT,
            caseId: CASE_ID,
            actor: { id: 'user-registrar', role: 'registrar' },
            correlationId: 'corr-1',
            causationId: 'cmd-42',
            occurredAt: at(3),
            schemaVersion: 1,
          },
        },
      ],
    });
  });
});

describe('role table (domain rules about who may do what)', () => {
  const NEVER_WRITE: Role[] = ['auditor', 'ops', 'tenant-admin'];

  it.each(NEVER_WRITE)('%s never writes to a case, whatever the command', (role) => {
    for (const [type, roles] of Object.entries(PERMISSIONS)) {
      expect({ type, allowed: roles.includes(role) }).toEqual({ type, allowed: false });
    }
  });

  it('the data protection officer writes nothing but the erasure of personal data', () => {
    const theirs = Object.entries(PERMISSIONS).filter(([, roles]) => roles.includes('data-protection-officer'));
    expect(theirs.map(([type]) => type)).toEqual(['ErasePersonalData']);
  });

  it('every command names at least one role, and only known roles', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it('an auditor is refused before anything else is looked at: NotPermittedForRole', () => {
    given([])
      .when(command('RegisterCase', registration(), { actor: as('auditor') }))
      .then('NotPermittedForRole');
  });
});

describe('whatever happens, the decider stays sound (property)', () => {
  const samples: { type: CaseCommandType; data: unknown }[] = [
    { type: 'RegisterCase', data: registration() },
    { type: 'ScreenCase', data: { outcome: 'accept' } },
    { type: 'ScreenCase', data: { outcome: 'no-proceedings', ground: 'anonymous', reason: 'Анонимен' } },
    { type: 'ScreenCase', data: { outcome: 'flag', flags: [offensiveFlag] } },
    { type: 'ResolveFlag', data: { decision: 'accept', reason: 'Добре' } },
    // To the fixtures' unit and officer, so that their head of unit and officer have a case to work.
    { type: 'RouteCase', data: { unit: UNIT, ruleId: 'r', ruleVersion: 1 } },
    { type: 'AssignCase', data: { officerId: OFFICER } },
    { type: 'ReassignCase', data: { officerId: 'o-2', reason: 'Отпуск' } },
    { type: 'ReassignCase', data: { officerId: OFFICER, reason: 'Обратно' } },
    { type: 'RedirectCase', data: { authority: 'РЗИ', reason: 'Компетентност' } },
    { type: 'RequestInformation', data: { missing: 'Адрес', pausesClock: true } },
    { type: 'ProvideInformation', data: { text: 'Адрес', attachments: [] } },
    { type: 'ExtendDeadline', data: { reason: 'Проверка', newFinalDate: '2026-05-01', maxFinalDate: '2026-09-01' } },
    { type: 'AnswerCase', data: { text: 'Отговор', attachments: [], channel: 'post' } },
    { type: 'CloseCase', data: {} },
    { type: 'ReopenCase', data: { reason: 'Пак' } },
    { type: 'WithdrawCase', data: {} },
    { type: 'LinkAsDuplicate', data: { originalCaseId: 'case-0000' } },
    { type: 'RecordSatisfaction', data: { rating: 4 } },
  ];
  // Mostly a role allowed to issue the command, so that cases get far; sometimes any role at all.
  const step = fc.constantFrom(...samples).chain((sample) =>
    fc.record({
      sample: fc.constant(sample),
      role: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...PERMISSIONS[sample.type]) },
        { weight: 1, arbitrary: fc.constantFrom(...ROLES) },
      ),
    }),
  );

  it('every answer is events that change the state, or a named rejection explained in bg and en', () => {
    const named = new Set<CaseRejectionType>();
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        let state = caseDecider.initialState();
        for (const { sample, role } of steps) {
          const cmd = { ...command(sample.type, sample.data as never, { actor: as(role) }) } as CaseCommand;
          const result = caseDecider.decide(cmd, state);
          if (!result.ok) {
            named.add(result.rejection.type);
            if (!result.rejection.message.bg || !result.rejection.message.en) return false;
            continue;
          }
          for (const e of result.events) {
            const next = caseDecider.evolve(state, e);
            if (next === state) return false; // decide never emits an event evolve would ignore
            state = next;
            reached.add(state.status);
          }
        }
        return true;
      }),
      { numRuns: 3000, seed: 20260302 },
    );
    expect(named.has('NotPermittedForRole')).toBe(true);
    expect(named.has('NotYourCase')).toBe(true);
    for (const status of ['Answered', 'Closed', 'Redirected', 'Withdrawn', 'Duplicate', 'NoProceedings', 'AwaitingSubmitter']) {
      expect([...reached]).toContain(status);
    }
  });
});

describe('the data subject travels from the command to its events', () => {
  it("personal data: every event of the command carries the submitter's data-subject id", () => {
    const base = command('RegisterCase', registration(), { now: at(10) });
    const withSubject = { ...base, metadata: { ...base.metadata, dataSubjectId: 'subject-1' } };
    const result = caseDecider.decide(withSubject, caseDecider.initialState());
    expect(result.ok && result.events.map((e) => e.metadata.dataSubjectId)).toEqual(['subject-1']);
  });
});
