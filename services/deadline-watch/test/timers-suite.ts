import { defaultRuleSet, maxExtensionDate, createWorkingCalendar, DEFAULT_DEADLINE_POLICIES, routingConfigStreamName } from '@civic/domain';
import { caseEventToCloudEvent, decodeEvent, toKafkaBinary } from '@civic/messaging';
import { CASE_EVENTS_TOPIC, TenantDirectory } from '@civic/platform';
import { eventPatternHandlers, eventually } from '@civic/testing';
import { randomUUID } from 'node:crypto';
import { alertCommandId } from '../src/watch/alert-recorder';
import { CaseStory } from './case-story';
import { alertsOf, issue, readCase, watchEnvironment, type TimerStoreKind, type WatchEnvironment, type WatchInstance } from './harness';

/**
 * deadline-watch on real Kafka, PostgreSQL and FerretDB: cases are written through the case command handler,
 * the relay publishes them to the test's topic, the instances plan timers from it, and the test moves the
 * shared clock file and ticks. Run once per timer store (the spec files `deadline-timers*.int.spec.ts`).
 */
export function describeDeadlineTimers(timerStore: TimerStoreKind): void {
  describe(`deadline-watch keeps the timers of each case (timers in ${timerStore})`, () => {
    let env: WatchEnvironment;
    let a: WatchInstance;

    // A Peshtera complaint received by post on Monday 2 March 2026 is due on Thursday 2 April 2026.
    const RECEIVED = '2026-03-02T07:15:00.000Z';
    const WARN_5 = '2026-03-25T22:00:00.000Z'; // local midnight starting 26 March (UTC+2)
    const WARN_1 = '2026-03-31T21:00:00.000Z'; // local midnight starting 1 April (UTC+3 since 29 March)
    const BREACH = '2026-04-02T21:00:00.000Z'; // the end of 2 April in Sofia
    const ALL_FOUR = [
      'DeadlineApproaching/2026-04-02/5',
      'DeadlineApproaching/2026-04-02/1',
      'DeadlineBreached/2026-04-02',
      'CaseEscalated/2026-04-02/secretary',
    ];

    beforeAll(async () => {
      env = await watchEnvironment(`timers_${timerStore}`, timerStore);
      a = await env.start();
    });

    afterAll(async () => {
      await env?.stop();
    });

    const states = async (instance: WatchInstance, caseId: string) =>
      (await instance.timers.ofCase(caseId)).map((timer) => `${timer._id.slice(caseId.length + 1)}:${timer.state}`);

    /** Registers a complaint (or another kind) and waits until the consumer planned it. */
    async function registered(
      kind: 'complaint' | 'proposal' = 'complaint',
      tenant = 'peshtera',
      receivedAt = RECEIVED,
    ): Promise<CaseStory> {
      const story = new CaseStory(tenant);
      await issue(a.commands, story.registerAccepted(receivedAt, kind));
      await eventually(
        () => a.timers.ofCase(story.caseId),
        (timers) => timers.length === 4,
        { what: `timers of ${story.caseId} planned` },
      );
      return story;
    }

    /** Waits until the case's timers are in the given states (after the consumer saw the latest event). */
    const settledTo = (caseId: string, expected: string[]) =>
      eventually(
        () => states(a, caseId),
        (now) => JSON.stringify(now) === JSON.stringify(expected),
        { what: `timers of ${caseId}` },
      );

    it('plans four timers for a Peshtera complaint and fires each once, at local midnight in Sofia, in order', async () => {
      env.setClock(RECEIVED);
      const story = await registered();
      expect(await states(a, story.caseId)).toEqual([
        'approaching/2026-04-02/5:pending',
        'approaching/2026-04-02/1:pending',
        'breached/2026-04-02:pending',
        'escalated/2026-04-02:pending',
      ]);
      const fireAts = (await a.timers.ofCase(story.caseId)).map((timer) => timer.fireAt.toISOString());
      expect(fireAts).toEqual([WARN_5, WARN_1, BREACH, BREACH]);

      env.setClock('2026-03-25T21:59:59.999Z');
      expect((await a.ticker.tick()).filter((fired) => fired.caseId === story.caseId)).toEqual([]);

      env.setClock(WARN_5);
      await a.ticker.tick();
      await a.ticker.tick();
      expect(await alertsOf(a.cases, story.caseId)).toEqual(ALL_FOUR.slice(0, 1));

      env.setClock('2026-04-01T06:00:00.000Z');
      await a.ticker.tick();
      expect(await alertsOf(a.cases, story.caseId)).toEqual(ALL_FOUR.slice(0, 2));

      env.setClock(BREACH);
      await a.ticker.tick();
      await a.ticker.tick();
      expect(await alertsOf(a.cases, story.caseId)).toEqual(ALL_FOUR);

      const events = await readCase(a.cases, story.caseId);
      const warning = events.find((event) => event.type === 'DeadlineApproaching');
      expect(warning?.data).toEqual({ dueDate: '2026-04-02', workingDaysBefore: 5, warnedOn: '2026-03-26' });
      expect(warning?.metadata).toMatchObject({
        actor: { id: 'deadline-watch', role: 'system' },
        causationId: alertCommandId(`${story.caseId}/approaching/2026-04-02/5`),
        correlationId: story.correlationId,
        occurredAt: WARN_5,
      });
      await settledTo(story.caseId, [
        'approaching/2026-04-02/5:done',
        'approaching/2026-04-02/1:done',
        'breached/2026-04-02:done',
        'escalated/2026-04-02:done',
      ]);
    });

    it('exactly once with two instances ticking at once, redelivered events, and a crash between the append and the timer update', async () => {
      env.setClock(RECEIVED);
      const story = await registered();
      const b = await env.start({ consume: false });

      env.setClock(WARN_5);
      await Promise.all([a.ticker.tick(), b.ticker.tick(), a.ticker.tick(), b.ticker.tick()]);
      env.setClock(BREACH);
      await Promise.all([b.ticker.tick(), a.ticker.tick(), b.ticker.tick()]);
      // How many ticks the escalation needs depends on how the two instances' ticks interleave (it waits while
      // the other holds the breach, or for a re-plan): both tick until the case has four alerts, then exactly
      // those four must be there (a duplicate makes it more, never fewer).
      const alerts = await eventually(
        async () => {
          await Promise.all([a.ticker.tick(), b.ticker.tick()]);
          return alertsOf(a.cases, story.caseId);
        },
        (found) => found.length >= ALL_FOUR.length,
        { what: "the case's four alerts" },
      );
      expect(alerts).toEqual(ALL_FOUR);

      // Every event of the case again through both instances' handlers, as a redelivery would bring them.
      const events = await readCase(a.cases, story.caseId);
      for (const event of events) {
        const message = toKafkaBinary(caseEventToCloudEvent(event), story.caseId);
        await a.handler.handle(decodeEvent({ ...message, offset: '0' }, env.topic, 0));
        await b.handler.handle(decodeEvent({ ...message, offset: '0' }, env.topic, 0));
      }

      // Instance a's own consumer must be done with the alerts first: its re-plan would mark the timers done again.
      const last = events.at(-1);
      await eventually(async () => a.outcomes.some((o) => o.eventId === last?.id), Boolean, {
        what: "instance a's consumer past the case's last event",
      });

      // A crash after the append but before the timers were marked: they are pending again, and the crashed
      // instance's leases have run out by the time another instance ticks (a lease still held would make b skip
      // the case until it expires, TIMER_LEASE_MS later: how fast the steps above ran must not decide this test).
      await env.makePendingAgain(story.caseId);
      const retried = await b.ticker.tick();
      // The first timer's re-plan reads the stream, finds all four alerts recorded and marks every timer done.
      expect(retried.filter((fired) => fired.caseId === story.caseId).map((fired) => fired.outcome)).toEqual(['already-recorded']);
      expect((await states(b, story.caseId)).every((state) => state.endsWith(':done'))).toBe(true);
      expect(await alertsOf(a.cases, story.caseId)).toEqual(ALL_FOUR);
      await b.stop();
    });

    it('catches up after downtime: every threshold that passed fires once, in order, when an instance starts again', async () => {
      env.setClock(RECEIVED);
      const first = await registered();
      const second = await registered('complaint', 'peshtera', '2026-03-03T07:15:00.000Z');
      await a.stop();

      env.setClock('2026-04-10T08:00:00.000Z');
      a = await env.start();
      const fired = (await a.ticker.tick()).filter((f) => f.caseId === first.caseId || f.caseId === second.caseId);
      // Both cases, oldest fire time first: the 3 March complaint is due 3 April.
      expect(
        fired.map((f) => `${f.caseId === first.caseId ? 'first' : 'second'}:${f.timer.split('/').slice(1).join('/')}:${f.outcome}`),
      ).toEqual([
        'first:approaching/2026-04-02/5:recorded',
        'second:approaching/2026-04-03/5:recorded',
        'first:approaching/2026-04-02/1:recorded',
        'second:approaching/2026-04-03/1:recorded',
        'first:breached/2026-04-02:recorded',
        'first:escalated/2026-04-02:recorded',
        'second:breached/2026-04-03:recorded',
        'second:escalated/2026-04-03:recorded',
      ]);
      expect(await alertsOf(a.cases, first.caseId)).toEqual(ALL_FOUR);
      expect(await a.ticker.tick()).toEqual([]);
    });

    it('waiting for the submitter stops the clock (no timers); the reply resumes it with a later due date', async () => {
      env.setClock(RECEIVED);
      const story = await registered();
      await issue(a.commands, [...story.routeAndAssign(RECEIVED), story.requestInformation('2026-03-10T08:00:00.000Z')]);
      await settledTo(story.caseId, [
        'approaching/2026-04-02/5:cancelled',
        'approaching/2026-04-02/1:cancelled',
        'breached/2026-04-02:cancelled',
        'escalated/2026-04-02:cancelled',
      ]);
      env.setClock('2026-04-05T08:00:00.000Z');
      expect((await a.ticker.tick()).filter((f) => f.caseId === story.caseId)).toEqual([]);
      expect(await a.view.get(story.caseId)).toMatchObject({ status: 'AwaitingSubmitter', dueDate: null, paused: true });

      // Ten days' pause: 2 April + 10 days = Easter Sunday 12 April, then Easter Monday: due Tuesday 14 April.
      await issue(a.commands, [story.provideInformation('2026-03-20T08:00:00.000Z')]);
      await eventually(
        () => states(a, story.caseId),
        (now) => now.filter((s) => s.endsWith(':pending')).length === 4,
        { what: 'resumed' },
      );
      expect((await states(a, story.caseId)).filter((s) => s.endsWith(':pending'))).toEqual([
        'approaching/2026-04-14/5:pending',
        'approaching/2026-04-14/1:pending',
        'breached/2026-04-14:pending',
        'escalated/2026-04-14:pending',
      ]);
      await a.ticker.tick();
      expect(await alertsOf(a.cases, story.caseId)).toEqual(['DeadlineApproaching/2026-04-14/5']);
      const view = await a.view.get(story.caseId);
      expect(view?.explanation.map((step) => step.rule)).toEqual(['term', 'count-months', 'pause', 'non-working-last-day']);
    });

    it('an extension moves the timers to the new final date; the old ones never fire', async () => {
      env.setClock(RECEIVED);
      const story = await registered('proposal');
      expect((await states(a, story.caseId))[2]).toBe('breached/2026-05-04:pending');
      const tenants = a.app.get(TenantDirectory);
      const charter = tenants.get('peshtera');
      if (!charter) throw new Error('no peshtera');
      const maximum = maxExtensionDate(
        DEFAULT_DEADLINE_POLICIES.proposal,
        '2026-03-02',
        createWorkingCalendar({ localHolidays: charter.localHolidays }),
      );
      if (!maximum) throw new Error('proposals may be extended');
      env.setClock('2026-04-20T08:00:00.000Z');
      await issue(a.commands, [...story.routeAndAssign(RECEIVED), story.extend('2026-04-20T08:00:00.000Z', '2026-06-30', maximum)]);
      await eventually(
        () => states(a, story.caseId),
        (now) => now.filter((s) => s.includes('2026-06-30') && s.endsWith(':pending')).length === 4,
        {
          what: 'timers for the new date',
        },
      );
      expect((await states(a, story.caseId)).filter((s) => s.includes('2026-05-04'))).toEqual([
        'approaching/2026-05-04/5:cancelled',
        'approaching/2026-05-04/1:cancelled',
        'breached/2026-05-04:cancelled',
        'escalated/2026-05-04:cancelled',
      ]);
      env.setClock('2026-05-10T08:00:00.000Z');
      await a.ticker.tick();
      expect(await alertsOf(a.cases, story.caseId)).toEqual([]);
      expect((await a.view.get(story.caseId))?.dueDate).toBe('2026-06-30');
    });

    it('an answer cancels every deadline timer of the case and plans its retention (5 years by default)', async () => {
      env.setClock(RECEIVED);
      const story = await registered();
      await issue(a.commands, [...story.routeAndAssign(RECEIVED), story.answer('2026-03-20T08:00:00.000Z')]);
      await settledTo(story.caseId, [
        'approaching/2026-04-02/5:cancelled',
        'approaching/2026-04-02/1:cancelled',
        'breached/2026-04-02:cancelled',
        'escalated/2026-04-02:cancelled',
        'retention/2026-03-20:pending',
      ]);
      env.setClock('2026-05-01T08:00:00.000Z');
      await a.ticker.tick();
      expect(await alertsOf(a.cases, story.caseId)).toEqual([]);
      expect(await a.view.get(story.caseId)).toMatchObject({ open: false, status: 'Answered', dueDate: null });
    });

    it("escalates to the role the tenant's routing rules name, read when the case is escalated", async () => {
      const tenant = 'sopot';
      const charter = a.app.get(TenantDirectory).get(tenant);
      if (!charter) throw new Error('no sopot');
      await a.events.appendToStream(
        routingConfigStreamName(tenant),
        [
          {
            id: randomUUID(),
            type: 'RoutingRulesChanged',
            data: { ruleSet: { ...defaultRuleSet(charter), version: 2, escalationRole: 'mayor' } },
            metadata: {
              tenant,
              actor: { id: `${tenant}:tenant-admin`, role: 'tenant-admin' },
              correlationId: randomUUID(),
              causationId: randomUUID(),
              occurredAt: RECEIVED,
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'any' },
      );
      env.setClock(RECEIVED);
      const story = await registered('complaint', tenant);
      const breach = (await a.timers.ofCase(story.caseId)).find((timer) => timer.kind === 'breached');
      if (!breach) throw new Error('no breach timer');
      env.setClock(breach.fireAt.toISOString());
      await a.ticker.tick();
      const escalated = (await readCase(a.cases, story.caseId)).find((event) => event.type === 'CaseEscalated');
      expect(escalated?.data).toEqual({ toRole: 'mayor', reason: 'deadline-breached', dueDate: breach.dueDate });
    });

    it('the running ticker fires on its own as the clock moves', async () => {
      env.setClock(RECEIVED);
      const story = await registered();
      const ticking = await env.start({ ticker: true, consume: false });
      env.setClock(BREACH);
      await eventually(
        () => alertsOf(a.cases, story.caseId),
        (alerts) => alerts.length === 4,
        { what: 'all four alerts by the ticker' },
      );
      expect(await alertsOf(a.cases, story.caseId)).toEqual(ALL_FOUR);
      await ticking.stop();
    });

    it('case-events has exactly one handler in the app: with two, Nest runs them detached from the delivery and commits first', () => {
      const handlers = eventPatternHandlers(a.app, CASE_EVENTS_TOPIC);
      expect(handlers).toEqual(['onCaseEvent']);
    });
  });
}
