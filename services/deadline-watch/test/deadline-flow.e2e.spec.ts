import { randomUUID } from 'node:crypto';
import { DevIssuer, SEEDED_USERS } from '@civic/auth';
import { PostgresEventStore } from '@civic/event-store';
import {
  createTestDatabase,
  eventually,
  issuerEnvironment,
  serviceTestEnvironment,
  spawnService,
  startService,
  testClock,
  waitForHealthy,
  type ServiceProcess,
  type TestClock,
  type TestDatabase,
} from '@civic/testing';
import { alertsOf } from './harness';

// The services as processes on the real servers: intake registers a complaint to Peshtera through its staff
// API and relays it to `case-events`; deadline-watch, on a test clock file, plans its timers and records the
// approaching alerts, the breach and the escalation as the clock moves, killed (SIGKILL) and restarted
// between thresholds. Each alert is on the case's stream exactly once.
describe('deadline-watch as a process, with intake', () => {
  let database: TestDatabase;
  let issuer: DevIssuer;
  let intake: ServiceProcess;
  let watch: ServiceProcess;
  let watchEnv: Record<string, string>;
  let store: PostgresEventStore;
  let clock: TestClock;
  const setClock = (instant: string) => clock.set(instant);

  const startWatch = async () => {
    watch = spawnService('deadline-watch', watchEnv);
    await waitForHealthy(watch);
  };

  beforeAll(async () => {
    database = await createTestDatabase('deadline_flow');
    issuer = await DevIssuer.start();
    const auth = issuerEnvironment(issuer);
    clock = testClock('deadline-flow', '2026-03-02T08:00:00.000Z');

    // Kept for the restarts: the same port, stores and clock every time.
    watchEnv = {
      ...(await serviceTestEnvironment('deadline-watch', database)),
      ...auth,
      CLOCK_FILE: clock.file,
      TICK_MS: '250',
      TIMER_LEASE_MS: '3000',
    };
    watch = spawnService('deadline-watch', watchEnv);
    intake = await startService('intake', database, auth);
    await waitForHealthy(watch);
    store = await PostgresEventStore.connect({ url: database.url });
  });

  afterAll(async () => {
    await watch?.stop();
    await intake?.stop();
    await store?.close();
    await issuer?.stop();
    await database?.drop();
    clock?.remove();
  });

  it('a complaint to Peshtera received on 2 March 2026: each alert fires once as the clock passes it, across kills and restarts', async () => {
    const registrar = await issuer.sign(SEEDED_USERS.peshtera.registrar);
    const registration = await fetch(`${intake.url}/tenants/peshtera/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${registrar}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        channel: 'post',
        receivedAt: '2026-03-02T09:15:00+02:00',
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: 'Иван Петров', email: 'ivan.petrov@example.bg', address: 'ул. „Дунав“ 3, Пещера', language: 'bg' },
        text: 'Контейнерите на ул. „Дунав“ не са извозвани от две седмици.',
        attachments: [],
      }),
    });
    expect(registration.status).toBe(201);
    const { caseId, dueDate } = (await registration.json()) as { caseId: string; dueDate: string };
    expect(dueDate).toBe('2026-04-02');

    // deadline-watch consumed the registration from case-events: its API lists the case as due.
    const head = await issuer.sign(SEEDED_USERS.peshtera['head-of-unit']);
    const listed = async () => {
      const response = await fetch(`${watch.url}/tenants/peshtera/deadlines?dueWithinWorkingDays=60`, {
        headers: { authorization: `Bearer ${head}` },
      });
      const body = (await response.json()) as {
        overdue: { caseId: string; alerts: unknown[] }[];
        dueSoon: { caseId: string; dueDate: string }[];
      };
      return [...body.overdue, ...body.dueSoon].find((entry) => entry.caseId === caseId);
    };
    expect(await eventually(listed, Boolean, { what: 'the case planned by deadline-watch', timeoutMs: 60_000 })).toMatchObject({
      dueDate: '2026-04-02',
    });

    /** What this process logged it recorded on the case (it logs each alert it appends). */
    const recordedBy = async (process: ServiceProcess, count: number) => {
      const lines = await eventually(
        async () => process.logs().filter((line) => line.msg === 'deadline alert recorded' && line.caseId === caseId),
        (found) => found.length >= count,
        { what: `${count} alerts logged by the restarted process` },
      );
      return lines.map(({ alert, workingDaysBefore, toRole }) => ({
        alert,
        ...(workingDaysBefore ? { workingDaysBefore } : {}),
        ...(toRole ? { toRole } : {}),
      }));
    };
    const alerts = (count: number, what: string) =>
      eventually(
        () => alertsOf(store, caseId),
        (found) => found.length >= count,
        { what, timeoutMs: 60_000 },
      );

    // Local midnight starting 26 March in Sofia: 5 working days before 2 April.
    setClock('2026-03-25T22:00:00.000Z');
    await alerts(1, 'the 5-day warning');

    await watch.stop('SIGKILL');
    await startWatch();
    setClock('2026-04-01T06:00:00.000Z');
    await alerts(2, 'the 1-day warning');
    expect(await recordedBy(watch, 1)).toEqual([{ alert: 'RecordDeadlineApproaching', workingDaysBefore: 1 }]);

    // Killed again, and down while 2 April ends: on restart it catches up with the breach and the escalation.
    await watch.stop('SIGKILL');
    setClock('2026-04-03T06:00:00.000Z');
    await startWatch();
    await alerts(4, 'the breach and the escalation');
    expect(await alertsOf(store, caseId)).toEqual([
      'DeadlineApproaching/2026-04-02/5',
      'DeadlineApproaching/2026-04-02/1',
      'DeadlineBreached/2026-04-02',
      'CaseEscalated/2026-04-02/secretary',
    ]);
    // The restarted process recorded exactly what was missing: the breach and the escalation, not the warnings again.
    expect(await recordedBy(watch, 2)).toEqual([{ alert: 'RecordDeadlineBreach' }, { alert: 'EscalateCase', toRole: 'secretary' }]);
  }, 240_000);
});
