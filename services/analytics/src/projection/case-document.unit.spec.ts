import { CORRUPTION_FLAG } from '@civic/domain';
import { modelEventsOf, s, type ScriptedCase, type Step } from '../../test/fixtures/case-scripts';
import { testContext } from '../../test/fixtures/test-context';
import { evolveCaseDocument, type CaseDocument, type ModelEvent } from './case-document';

const fold = (events: ModelEvent[], from: CaseDocument | null = null) =>
  events.reduce((doc, event) => evolveCaseDocument(doc, event, testContext), from);
const scripted = (steps: Step[], caseId = 'c-1'): ScriptedCase => ({ caseId, tenant: 'peshtera', subject: 's-1', steps });
const docOf = (steps: Step[]) => {
  const doc = fold(modelEventsOf(scripted(steps)));
  if (!doc) throw new Error('no document');
  return doc;
};

const routedTo = (unit = 'public-works') => [
  s.register('2026-03-02T08:00:00.000Z'),
  s.accept('2026-03-02T09:00:00.000Z'),
  s.route('2026-03-02T09:01:00.000Z', unit),
  s.assign('2026-03-02T09:02:00.000Z', 'pw-1'),
];

describe('the case document (case list, queues, KPIs)', () => {
  it('a registration makes the document: tenant, number, kind, channel, category, receipt, due date; open', () => {
    expect(
      docOf([s.register('2026-03-02T08:00:00.000Z', { kind: 'signal', channel: 'post', category: 'corruption' }, 'PSH-2026-000007')]),
    ).toMatchObject({
      _id: 'c-1',
      tenant: 'peshtera',
      registryNumber: 'PSH-2026-000007',
      kind: 'signal',
      channel: 'post',
      category: 'corruption',
      status: 'Registered',
      open: true,
      receivedOn: '2026-03-02',
      receivedMonth: '2026-03',
      dueDate: '2026-04-01',
      revision: 0,
    });
  });

  it('routing and assignment put it in the unit and officer queues', () => {
    expect(docOf(routedTo())).toMatchObject({ status: 'Assigned', unit: 'public-works', officerId: 'pw-1', revision: 3 });
    expect(docOf([...routedTo(), s.reassign('2026-03-03T08:00:00.000Z', 'pw-2')])).toMatchObject({ officerId: 'pw-2' });
  });

  it('answered within the term: on time, days from the day of receipt, out of the backlog', () => {
    expect(docOf([...routedTo(), s.answer('2026-03-20T10:00:00.000Z')])).toMatchObject({
      status: 'Answered',
      open: false,
      answeredOn: '2026-03-20',
      daysToAnswer: 18,
      onTime: true,
      dueDate: '2026-04-01',
      answers: 1,
    });
  });

  it('answered after the due date: late; the breach deadline-watch recorded is counted', () => {
    const doc = docOf([
      ...routedTo(),
      s.breach('2026-04-02T06:00:00.000Z', '2026-04-01'),
      s.escalate('2026-04-02T06:01:00.000Z', '2026-04-01'),
      s.answer('2026-04-10T10:00:00.000Z'),
    ]);
    expect(doc).toMatchObject({ onTime: false, breaches: 1, escalations: 1, daysToAnswer: 39 });
  });

  it('an extension moves the due date: answered before the new date is on time', () => {
    const doc = docOf([
      ...routedTo(),
      s.extend('2026-03-25T10:00:00.000Z', '2026-04-20', '2026-05-04'),
      s.answer('2026-04-10T10:00:00.000Z'),
    ]);
    expect(doc).toMatchObject({ extensions: 1, dueDate: '2026-04-20', onTime: true });
  });

  it('waiting for the submitter stops the clock (no due date meanwhile) and pushes it by the pause', () => {
    const waiting = docOf([...routedTo(), s.requestInformation('2026-03-10T10:00:00.000Z')]);
    expect(waiting).toMatchObject({ status: 'AwaitingSubmitter', dueDate: null, open: true, resumeStatus: 'Assigned' });
    const back = docOf([...routedTo(), s.requestInformation('2026-03-10T10:00:00.000Z'), s.provideInformation('2026-03-15T10:00:00.000Z')]);
    expect(back).toMatchObject({
      status: 'Assigned',
      dueDate: '2026-04-06',
      clock: { pausedSince: null, pauses: [{ from: '2026-03-10T10:00:00.000Z', to: '2026-03-15T10:00:00.000Z' }] },
    });
  });

  it('answered while waiting: the pause ends with the answer', () => {
    const doc = docOf([...routedTo(), s.requestInformation('2026-03-10T10:00:00.000Z'), s.answer('2026-04-03T10:00:00.000Z')]);
    expect(doc).toMatchObject({ status: 'Answered', dueDate: '2026-04-25', onTime: true });
  });

  it('no proceedings: out of the backlog, counted by ground; a reopened and accepted case loses the ground', () => {
    const decided = [
      s.register('2026-03-02T08:00:00.000Z', { kind: 'signal', anonymous: true }),
      s.noProceedings('2026-03-03T08:00:00.000Z', 'anonymous'),
    ];
    expect(docOf(decided)).toMatchObject({ status: 'NoProceedings', open: false, noProceedingsGround: 'anonymous' });
    const reopened = [...decided, s.close('2026-03-04T08:00:00.000Z'), s.reopen('2026-03-05T08:00:00.000Z')];
    expect(docOf(reopened)).toMatchObject({ status: 'Registered', open: true, noProceedingsGround: null });
  });

  it('redirected to the competent authority: closed here, counted as a redirect', () => {
    expect(docOf([...routedTo(), s.redirect('2026-03-04T08:00:00.000Z', 'РЗИ Пазарджик')])).toMatchObject({
      status: 'Redirected',
      open: false,
      redirected: true,
      redirectedTo: 'РЗИ Пазарджик',
    });
  });

  it('the rating is kept (numbers only, never the comment); closing and reopening keep the first answer measured', () => {
    const doc = docOf([
      ...routedTo(),
      s.answer('2026-03-20T10:00:00.000Z'),
      s.close('2026-03-21T10:00:00.000Z'),
      s.rate('2026-03-22T10:00:00.000Z', 4, 'Благодаря, Мария'),
      s.reopen('2026-03-23T10:00:00.000Z'),
      s.answer('2026-05-20T10:00:00.000Z'),
    ]);
    expect(doc).toMatchObject({
      status: 'Answered',
      ratings: [4],
      recommendations: 0,
      answers: 2,
      answeredOn: '2026-03-20',
      onTime: true,
      daysToAnswer: 18,
    });
    expect(JSON.stringify(doc)).not.toContain('Мария');
  });

  it('Petrich charter: whether the rating came with a recommendation is counted, the recommendation itself never kept', () => {
    const rated = [
      ...routedTo(),
      s.answer('2026-03-20T10:00:00.000Z'),
      s.rate('2026-03-22T10:00:00.000Z', 3, undefined, 'Пишете по-ясно, Мария'),
    ];
    const doc = docOf(rated);
    expect(doc).toMatchObject({ ratings: [3], recommendations: 1 });
    expect(JSON.stringify(doc)).not.toMatch(/по-ясно|Мария/);
  });

  it('the model reads events as stored: an encrypted recommendation counts, one from before recommendations (no field) does not', () => {
    const events = modelEventsOf(scripted([...routedTo(), s.answer('2026-03-20T10:00:00.000Z'), s.rate('2026-03-22T10:00:00.000Z', 5)]));
    const rating = events.at(-1) as ModelEvent & { event: { type: 'SatisfactionRecorded' } };
    const before = fold(events.slice(0, -1));
    const { recommendation: _none, ...older } = rating.event.data;
    const ciphertext = { v: 1, iv: 'aXY=', data: 'Y2lwaGVy' } as unknown as string;
    const withEncrypted = { ...rating, event: { ...rating.event, data: { ...older, recommendation: ciphertext } } };
    const withoutField = { ...rating, event: { ...rating.event, data: older } };
    expect(fold([withEncrypted], before)).toMatchObject({ ratings: [5], recommendations: 1 });
    expect(fold([withoutField], before)).toMatchObject({ ratings: [5], recommendations: 0 });
    // A document from before the field: counting starts from none.
    const { recommendations: _absent, ...olderDoc } = before as CaseDocument;
    expect(fold([withEncrypted], olderDoc as CaseDocument)).toMatchObject({ recommendations: 1 });
  });

  it('withdrawn or linked as a duplicate: out of the backlog', () => {
    expect(docOf([...routedTo(), s.withdraw('2026-03-04T08:00:00.000Z')])).toMatchObject({ status: 'Withdrawn', open: false });
    expect(docOf([...routedTo(), s.duplicate('2026-03-04T08:00:00.000Z', 'c-0')])).toMatchObject({ status: 'Duplicate', open: false });
  });

  it('a kind without a legal term has no due date and is never late', () => {
    const doc = docOf([
      s.register('2026-03-02T08:00:00.000Z', { kind: 'praise' }),
      s.accept('2026-03-02T09:00:00.000Z'),
      s.route('2026-03-02T09:01:00.000Z', 'mayors-office'),
      s.assign('2026-03-02T09:02:00.000Z', 'm-1'),
      s.answer('2026-06-01T09:00:00.000Z'),
    ]);
    expect(doc).toMatchObject({ dueDate: null, onTime: null, daysToAnswer: 91 });
  });

  it('an erasure (GDPR art. 17, or art. 5(1)(e) at the end of retention) is recorded with its ground; the figures stay', () => {
    const closed = [...routedTo(), s.answer('2026-03-20T10:00:00.000Z'), s.close('2026-03-21T10:00:00.000Z')];
    expect(docOf(closed)).toMatchObject({ erasedAt: null, erasureGround: null });
    const erased = docOf([...closed, s.erase('2026-09-21T10:00:00.000Z')]);
    expect(erased).toEqual({
      ...docOf(closed),
      erasedAt: '2026-09-21T10:00:00.000Z',
      erasureGround: 'data-subject-request',
      revision: 6,
    });
    expect(docOf([...closed, s.erase('2031-03-21T10:00:00.000Z', 'retention-period-ended')])).toMatchObject({
      status: 'Closed',
      erasedAt: '2031-03-21T10:00:00.000Z',
      erasureGround: 'retention-period-ended',
    });
    // Redelivered: the very same document.
    const events = modelEventsOf(scripted([...closed, s.erase('2026-09-21T10:00:00.000Z')]));
    expect(evolveCaseDocument(erased, events[6], testContext)).toBe(erased);
  });

  it('holds nothing personal: no name, e-mail, text or comment', () => {
    const doc = docOf([
      s.register('2026-03-02T08:00:00.000Z', {
        submitterName: 'Иван Иванов',
        submitterEmail: 'ivan@example.bg',
        text: 'Тайният текст на Иван',
      }),
      s.accept('2026-03-02T09:00:00.000Z'),
      s.route('2026-03-02T09:01:00.000Z', 'public-works'),
      s.assign('2026-03-02T09:02:00.000Z', 'pw-1'),
      s.requestInformation('2026-03-03T09:00:00.000Z'),
      s.provideInformation('2026-03-04T09:00:00.000Z'),
      s.answer('2026-03-05T09:00:00.000Z'),
      s.rate('2026-03-06T09:00:00.000Z', 5, 'Иван благодари'),
    ]);
    const text = JSON.stringify(doc);
    for (const secret of ['Иван', 'ivan@example.bg', 'Тайният', 'ул. „Лилия“', 'Осветлението е поправено'])
      expect(text).not.toContain(secret);
  });

  it('events that change nothing the model keeps give back the same document, revision unchanged', () => {
    const doc = docOf(routedTo());
    const events = modelEventsOf(
      scripted([...routedTo(), s.notified('2026-03-03T08:00:00.000Z', 'n-1'), s.approaching('2026-03-25T08:00:00.000Z', '2026-04-01')]),
    );
    expect(evolveCaseDocument(doc, events[4], testContext)).toBe(doc);
    expect(evolveCaseDocument(doc, events[5], testContext)).toBe(doc);
  });

  it('an event seen before (redelivered, or older and late) gives back the very same document', () => {
    const events = modelEventsOf(scripted([...routedTo(), s.breach('2026-04-02T06:00:00.000Z', '2026-04-01')]));
    const doc = fold(events);
    for (const event of events) expect(evolveCaseDocument(doc, event, testContext)).toBe(doc);
  });

  describe('confidential cases', () => {
    it('an ordinary case is not confidential, flagged for something else neither', () => {
      expect(docOf(routedTo())).toMatchObject({ confidential: null });
      expect(docOf([s.register('2026-03-02T08:00:00.000Z'), s.flag('2026-03-02T09:00:00.000Z')])).toMatchObject({
        status: 'Flagged',
        confidential: null,
      });
    });

    it('a whistleblower report is confidential from its registration', () => {
      expect(docOf([s.register('2026-03-02T08:00:00.000Z', { kind: 'whistleblower-report' })])).toMatchObject({
        kind: 'whistleblower-report',
        confidential: 'whistleblower-report',
      });
    });

    it('a corruption flag makes the case confidential, and it stays so once the flag is resolved and the case handled', () => {
      const flagged = [s.register('2026-03-02T08:00:00.000Z', { kind: 'signal' }), s.flag('2026-03-02T09:00:00.000Z', CORRUPTION_FLAG)];
      expect(docOf(flagged)).toMatchObject({ status: 'Flagged', confidential: 'corruption-signal' });
      const handled = docOf([
        ...flagged,
        { ...s.resolveAccept('2026-03-03T09:00:00.000Z'), role: 'anti-corruption-officer' },
        s.route('2026-03-03T09:01:00.000Z', 'anti-corruption'),
        s.assign('2026-03-03T09:02:00.000Z', 'ac-1'),
        s.answer('2026-03-20T09:00:00.000Z'),
      ]);
      expect(handled).toMatchObject({ status: 'Answered', officerId: 'ac-1', confidential: 'corruption-signal' });
    });

    it('a document written before the field existed counts as not confidential when flagged for something else', () => {
      const events = modelEventsOf(scripted([s.register('2026-03-02T08:00:00.000Z'), s.flag('2026-03-02T09:00:00.000Z')]));
      const { confidential, ...older } = fold(events.slice(0, 1)) as CaseDocument;
      expect(confidential).toBeNull();
      expect(evolveCaseDocument(older, events[1], testContext)).toMatchObject({ status: 'Flagged', confidential: null });
    });

    it('a document written before the field existed becomes confidential with a corruption flag', () => {
      const events = modelEventsOf(scripted([s.register('2026-03-02T08:00:00.000Z'), s.flag('2026-03-02T09:00:00.000Z', CORRUPTION_FLAG)]));
      const { confidential, ...older } = fold(events.slice(0, 1)) as CaseDocument;
      expect(confidential).toBeNull();
      expect(evolveCaseDocument(older, events[1], testContext)).toMatchObject({ confidential: 'corruption-signal' });
    });
  });

  it('no registration, no document', () => {
    const events = modelEventsOf(scripted(routedTo()));
    expect(evolveCaseDocument(null, events[1], testContext)).toBeNull();
  });
});
