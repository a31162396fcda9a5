import {
  CASE_EVENT_TYPES,
  caseDecider,
  type CaseCommand,
  type CaseCommandBody,
  type CaseCommandOf,
  type CaseEvent,
  type Role,
} from '@civic/domain';
import { caseCommand } from '@civic/platform';
import { eventHash, GENESIS_HASH, type RecordedEvent } from '@civic/event-store';
import { eventsAsOf, stateOf } from '../src/audit/as-of';
import { causingCommand } from '../src/audit/causing-command';
import { checkChain, checkKnownHead } from '../src/audit/chain';
import { workerOn } from '@civic/testing';
import { fieldDiff } from '../src/audit/field-diff';
import { history } from '../src/audit/history';
import { parseCaseId, parseKnownHead, parseLogPage, parseMoment, parseRange } from '../src/audit/params';

type Step = [CaseCommandBody, Role];

/** Runs commands through the real decider; returns each command with the events it produced. */
function run(steps: Step[]): { command: CaseCommand; events: CaseEvent[] }[] {
  const caseId = '6f1c2a9e-0000-4000-8000-000000000001';
  let state = caseDecider.initialState();
  return steps.map(([body, role], i) => {
    const now = `2026-03-02T09:${String(i).padStart(2, '0')}:00.000Z`;
    const command = caseCommand(body, {
      tenant: 'peshtera',
      caseId,
      ...workerOn(state, role, `u-${role}`),
      commandId: `cmd-${i}`,
      correlationId: 'corr',
      now,
    });
    const decision = caseDecider.decide(command, state);
    if (!decision.ok) throw new Error(`${body.type}: ${decision.rejection.type}`);
    state = decision.events.reduce(caseDecider.evolve, state);
    return { command, events: decision.events };
  });
}

const register: Step = [
  {
    type: 'RegisterCase',
    data: {
      kind: 'signal',
      channel: 'post',
      receivedAt: '2026-03-02T08:00:00.000Z',
      registryNumber: 'ПЩ-1',
      submitter: null,
      text: 't',
      attachments: [],
      healthSafetyThreat: false,
      language: 'bg',
    },
  },
  'registrar',
];
const flag: Step = [
  { type: 'ScreenCase', data: { outcome: 'flag', flags: [{ code: 'offensive-language', reason: { bg: 'б', en: 'e' }, source: 's' }] } },
  'system',
];
const accept: Step = [{ type: 'ScreenCase', data: { outcome: 'accept' } }, 'system'];
const notification = (id: string): CaseCommandOf<'RecordNotificationSent'>['data'] => ({
  notificationId: id,
  template: 'answer',
  channel: 'email',
  recipient: { kind: 'submitter' },
  triggeredBy: 'e',
  attempts: 1,
});

const SCRIPTS: Step[][] = [
  [
    register,
    flag,
    [{ type: 'ResolveFlag', data: { decision: 'accept', reason: 'проверено' } }, 'registrar'],
    [{ type: 'RouteCase', data: { unit: 'u', ruleId: 'r', ruleVersion: 1 } }, 'system'],
    [{ type: 'AssignCase', data: { officerId: 'o1' } }, 'system'],
    [{ type: 'ReassignCase', data: { officerId: 'o2', reason: 'отпуск' } }, 'head-of-unit'],
    [{ type: 'RequestInformation', data: { missing: 'адрес', pausesClock: true } }, 'officer'],
    [{ type: 'ProvideInformation', data: { text: 'ул. 1', attachments: [] } }, 'citizen'],
    [{ type: 'ExtendDeadline', data: { reason: 'сложно', newFinalDate: '2026-05-01', maxFinalDate: '2026-06-01' } }, 'head-of-unit'],
    [{ type: 'RecordDeadlineApproaching', data: { dueDate: '2026-05-01', workingDaysBefore: 3, warnedOn: '2026-04-28' } }, 'system'],
    [{ type: 'RecordDeadlineBreach', data: { dueDate: '2026-05-01' } }, 'system'],
    [{ type: 'EscalateCase', data: { toRole: 'secretary', dueDate: '2026-05-01' } }, 'system'],
    [{ type: 'AnswerCase', data: { text: 'отговор', attachments: [], channel: 'email' } }, 'officer'],
    [{ type: 'CloseCase', data: {} }, 'officer'],
    [{ type: 'RecordSatisfaction', data: { rating: 5 } }, 'citizen'],
    [{ type: 'RecordNotificationSent', data: notification('n1') }, 'system'],
    [{ type: 'RecordNotificationFailed', data: { ...notification('n2'), error: 'refused' } }, 'system'],
    [{ type: 'ReopenCase', data: { reason: 'непълен' } }, 'registrar'],
    [{ type: 'RedirectCase', data: { authority: 'РЗИ', reason: 'компетентност' } }, 'officer'],
  ],
  [
    register,
    [{ type: 'ScreenCase', data: { outcome: 'no-proceedings', ground: 'other', reason: 'неясно' } }, 'registrar'],
    [{ type: 'CloseCase', data: {} }, 'registrar'],
    // A finished case's personal data erased at the person's request (GDPR art. 17).
    [{ type: 'ErasePersonalData', data: { ground: 'data-subject-request', requestId: 'r1' } }, 'data-protection-officer'],
  ],
  [
    register,
    flag,
    [{ type: 'ResolveFlag', data: { decision: 'no-proceedings', ground: 'offensive-language', reason: 'обиди' } }, 'registrar'],
  ],
  [register, accept, [{ type: 'WithdrawCase', data: {} }, 'citizen']],
  [register, accept, [{ type: 'LinkAsDuplicate', data: { originalCaseId: 'c-0' } }, 'registrar']],
  [
    [{ ...register[0], data: { ...register[0].data, kind: 'whistleblower-report' } } as Step[0], 'registrar'],
    [
      { type: 'RecordIdentityDisclosure', data: { ground: 'written-consent', disclosedTo: 'o1', reason: 'писмено съгласие' } },
      'anti-corruption-officer',
    ],
  ],
];

describe('the causing command', () => {
  it('is derived right for every event every command produces, screening and the flag decision told apart', () => {
    const seen = new Set<string>();
    for (const script of SCRIPTS) {
      for (const { command, events } of run(script)) {
        for (const event of events) {
          seen.add(event.type);
          expect({ event: event.type, command: causingCommand(event) }).toEqual({
            event: event.type,
            command: { type: command.type, id: command.metadata.commandId },
          });
        }
      }
    }
    expect([...seen].sort()).toEqual([...CASE_EVENT_TYPES].sort());
  });

  it('an unknown event type still names the command id, without a type', () => {
    expect(causingCommand({ type: 'SomethingNew', data: {}, metadata: { causationId: 'c1' } } as never)).toEqual({ id: 'c1' });
  });
});

/** Recorded events as the hash-chained writer stores them. */
function chained(events: CaseEvent[], streamName = 'case-1'): RecordedEvent[] {
  let previousHash = GENESIS_HASH;
  return events.map((event, revision) => {
    const metadata = { ...(event.metadata as object), previousHash } as Record<string, unknown>;
    const base = { streamName, revision, id: `e-${revision}`, type: event.type, data: event.data as never, metadata };
    const hash = eventHash(base);
    previousHash = hash;
    return { ...base, metadata: { ...metadata, hash }, position: String(revision), recordedAt: `2026-11-01T00:00:0${revision % 10}.000Z` };
  });
}

const lifecycle = () =>
  run([
    register,
    accept,
    [{ type: 'RouteCase', data: { unit: 'u', ruleId: 'r', ruleVersion: 1 } }, 'system'],
    [{ type: 'AssignCase', data: { officerId: 'o1' } }, 'system'],
    [{ type: 'AnswerCase', data: { text: 'a', attachments: [], channel: 'post' } }, 'officer'],
  ]).flatMap((step) => step.events);

describe('state as of a moment', () => {
  const events = chained(lifecycle());

  it('folds up to a revision, or the events at or before an instant', () => {
    expect(stateOf(eventsAsOf(events, { revision: 2 }))).toMatchObject({ status: 'Routed', revision: 2 });
    expect(stateOf(eventsAsOf(events, { at: '2026-03-02T09:03:00.000Z', basis: 'occurred' }))).toMatchObject({
      status: 'Assigned',
      revision: 3,
    });
    expect(stateOf(eventsAsOf(events, { at: '2026-03-02T09:02:59.999Z', basis: 'occurred' }))).toMatchObject({ status: 'Routed' });
    expect(eventsAsOf(events, { at: '2026-03-02T08:00:00.000Z', basis: 'occurred' })).toEqual([]);
    expect(stateOf([])).toMatchObject({ status: 'NotRegistered', revision: null });
    expect(eventsAsOf(events, { at: '2026-11-01T00:00:01.000Z', basis: 'recorded' }).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('stops at the first event after the instant, even if a later one carries an earlier time (a prefix is a real state)', () => {
    const skewed = events.map((event) =>
      event.revision === 3 ? { ...event, metadata: { ...event.metadata, occurredAt: '2026-03-02T12:00:00.000Z' } } : event,
    );
    expect(eventsAsOf(skewed, { at: '2026-03-02T10:00:00.000Z', basis: 'occurred' }).map((e) => e.revision)).toEqual([0, 1, 2]);
  });
});

describe('field diff', () => {
  it('names every changed leaf with before and after; equal values are left out', () => {
    expect(
      fieldDiff(
        { status: 'Routed', unit: 'u', facts: { answeredAt: [], tags: ['a'], same: { x: 1 } } },
        { status: 'Assigned', unit: 'u', officerId: 'o', facts: { answeredAt: ['t'], tags: ['b'], same: { x: 1 } } },
      ),
    ).toEqual([
      { path: 'facts.answeredAt[0]', after: 't' },
      { path: 'facts.tags[0]', before: 'a', after: 'b' },
      { path: 'officerId', after: 'o' },
      { path: 'status', before: 'Routed', after: 'Assigned' },
    ]);
    expect(fieldDiff({ a: { b: 1 } }, { a: { b: 1 } })).toEqual([]);
    expect(fieldDiff({ a: null }, { a: { b: 1 } })).toEqual([{ path: 'a', before: null, after: { b: 1 } }]);
  });
});

describe('chain check', () => {
  const events = chained(lifecycle());

  it('an intact chain, with its head', () => {
    expect(checkChain(events)).toEqual({ ok: true, count: 5, head: { revision: 4, eventId: 'e-4', hash: events[4].metadata.hash } });
  });

  it('an edited event: its revision, id, the stored hash and the hash of what is there now', () => {
    const edited = events.map((e) => (e.revision === 2 ? { ...e, data: { ...e.data, unit: 'other' } } : e));
    expect(checkChain(edited)).toMatchObject({
      ok: false,
      reason: 'hash-mismatch',
      brokenAt: { revision: 2, eventId: 'e-2' },
      expected: events[2].metadata.hash,
      found: eventHash(edited[2]),
    });
  });

  it('a removed event: the gap, and a replaced one: the link', () => {
    expect(checkChain(events.filter((e) => e.revision !== 1))).toMatchObject({
      ok: false,
      reason: 'missing-event',
      brokenAt: { revision: 2 },
      expected: 1,
      found: 2,
    });
    const relinked = events.map((e) => (e.revision === 3 ? { ...e, metadata: { ...e.metadata, previousHash: GENESIS_HASH } } : e));
    expect(checkChain(relinked)).toMatchObject({
      ok: false,
      reason: 'previous-hash-mismatch',
      brokenAt: { revision: 3 },
      expected: events[2].metadata.hash,
      found: GENESIS_HASH,
    });
  });

  it('a kept head hash: found with the events since, or reported gone', () => {
    expect(checkKnownHead(events, events[2].metadata.hash as string)).toEqual({
      hash: events[2].metadata.hash,
      found: true,
      revision: 2,
      eventsSince: 2,
    });
    expect(checkKnownHead(events.slice(0, 2), events[4].metadata.hash as string)).toMatchObject({ found: false });
  });
});

describe('history entries', () => {
  it('mark erased personal data with its paths and keep the case channel on every entry', () => {
    const [registered, accepted] = chained(lifecycle());
    const erased = {
      ...registered,
      data: { ...registered.data, text: null },
      metadata: { ...registered.metadata, erasedPersonalData: ['text'] },
    };
    const [first, second] = history([{ event: erased }, { event: accepted, unreadable: ['x'] }]);
    expect(first).toMatchObject({
      revision: 0,
      erased: ['text'],
      channel: 'post',
      command: { type: 'RegisterCase', id: 'cmd-0' },
      data: { text: null },
    });
    expect(second).toMatchObject({ channel: 'post', unreadable: ['x'], command: { type: 'ScreenCase' } });
    expect(second.erased).toBeUndefined();
  });
});

describe('parameters', () => {
  const fields = (parsed: { ok: boolean; problems?: { field: string }[] }) => (parsed.problems ?? []).map((p) => p.field);

  it('state: exactly one of revision and at', () => {
    expect(parseMoment({ revision: '3' })).toEqual({ ok: true, value: { revision: 3 } });
    expect(parseMoment({ at: '2026-03-02T11:00:00+02:00' })).toEqual({
      ok: true,
      value: { at: '2026-03-02T09:00:00.000Z', basis: 'occurred' },
    });
    expect(parseMoment({ at: '2026-03-02T11:00:00 02:00', basis: 'recorded' })).toEqual({
      ok: true,
      value: { at: '2026-03-02T09:00:00.000Z', basis: 'recorded' },
    });
    expect(fields(parseMoment({}))).toEqual(['revision', 'at']);
    expect(fields(parseMoment({ revision: '1', at: '2026-03-02T09:00:00Z' }))).toEqual(['revision', 'at']);
    expect(fields(parseMoment({ revision: ['1', '2'] }))).toEqual(['revision']);
    expect(fields(parseMoment({ revision: '1e3' }))).toEqual(['revision']);
    expect(fields(parseMoment({ at: '2026-13-01T00:00:00Z' }))).toEqual(['at']);
    expect(fields(parseMoment({ at: '2026-03-02T09:00:00' }))).toEqual(['at']);
  });

  it('diff: both instants, in order', () => {
    expect(parseRange({ from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }).ok).toBe(true);
    expect(fields(parseRange({}))).toEqual(['from', 'to']);
    expect(fields(parseRange({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }))).toEqual(['to']);
    expect(fields(parseRange({ from: 'x', to: '2026-03-01T00:00:00Z', basis: 'y' }))).toEqual(['from', 'basis']);
  });

  it('case id, known head, log page', () => {
    expect(parseCaseId('6F1C2A9E-0000-4000-8000-000000000001')).toEqual({ ok: true, value: '6f1c2a9e-0000-4000-8000-000000000001' });
    expect(fields(parseCaseId('../x'))).toEqual(['caseId']);
    expect(parseKnownHead({})).toEqual({ ok: true, value: undefined });
    expect(fields(parseKnownHead({ knownHead: 'A'.repeat(64) }))).toEqual(['knownHead']);
    expect(parseLogPage({})).toEqual({ ok: true, value: { fromRevision: 0, limit: 100 } });
    expect(fields(parseLogPage({ limit: '501' }))).toEqual(['limit']);
  });
});
