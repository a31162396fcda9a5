import { SEEDED_USERS } from '@civic/auth';
import { invariants, type Invariants } from './figures';
import { SERVICES, startFaultPlatform, type FaultPlatform } from './platform';
import { killServer, requireLocalServers, startServer, stopServer } from './servers';
import { SteadyClient, type Accepted, type ClientFigures } from './workload';

/** The services' clock: a fixed Monday, so the run is the same whatever day it is (cases due a month later). */
const T0 = '2026-11-16T09:00:00.000Z';
/** Moved here before the services are killed: every case received at T0 is past its due date, so deadline-watch must breach each once. */
const LATER = '2027-01-18T09:00:00.000Z';
const TENANT = 'peshtera';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const accepted = (body: Record<string, unknown>, key: string, email: string, acceptedAt: string): Accepted => ({
  key,
  caseId: String(body.caseId),
  registryNumber: String(body.registryNumber),
  ...(typeof body.dueDate === 'string' ? { dueDate: body.dueDate } : {}),
  email,
  acceptedAt,
});

// Issue 17, point 2: a steady workload of citizens' submissions and a registrar's registrations while Kafka is
// SIGKILLed and restarted, PostgreSQL is restarted, FerretDB is stopped for 30 s and each service is SIGKILLed in
// turn. Nothing accepted may be lost or doubled, no e-mail sent twice, no deadline breach fired twice or missed.
// It stops and kills the local servers: `npm run test:faults` runs it alone.
describe('the platform under faults', () => {
  let platform: FaultPlatform;
  const timeline: string[] = [];
  const started = Date.now();
  const mark = (what: string) => timeline.push(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${what}`);

  beforeAll(async () => {
    requireLocalServers();
    platform = await startFaultPlatform(T0);
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('loses nothing and doubles nothing while Kafka, PostgreSQL, FerretDB and every service fail in turn', async () => {
    const intake = platform.url('intake');
    const registrarToken = await platform.issuer.sign(SEEDED_USERS[TENANT].registrar);
    const emailOf = (key: string) => `faults.${key}@example.bg`;
    const text = (key: string) => `Контейнерите на ул. „Дунав“ не са извозвани (${key}).`;

    const citizens = new SteadyClient(
      'citizens (web form)',
      400,
      (key) =>
        fetch(`${intake}/public/${TENANT}/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({
            kind: 'complaint',
            category: 'waste-cleanliness',
            submitter: { name: 'Мария Петрова', email: emailOf(key) },
            text: text(key),
          }),
          signal: AbortSignal.timeout(10_000),
        }),
      (body, key) => accepted(body, key, emailOf(key), platform.clock.now().toISOString()),
      201,
    );
    const registrar = new SteadyClient(
      'registrar (staff API)',
      1_500,
      (key) =>
        fetch(`${intake}/tenants/${TENANT}/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${registrarToken}` },
          body: JSON.stringify({
            channel: 'phone',
            receivedAt: T0,
            kind: 'complaint',
            category: 'roads-lighting',
            submitter: { name: 'Иван Петров', email: emailOf(key) },
            text: `Уличното осветление не работи (${key}).`,
            attachments: [],
          }),
          signal: AbortSignal.timeout(10_000),
        }),
      (body, key) => accepted(body, key, emailOf(key), platform.clock.now().toISOString()),
      201,
    );

    let running = true;
    const work = Promise.all([citizens.run(() => running), registrar.run(() => running)]);
    mark('workload started');
    await sleep(10_000);

    mark('Kafka: SIGKILL');
    killServer('kafka');
    await sleep(10_000);
    await startServer('kafka');
    mark('Kafka: back');
    await sleep(10_000);

    mark('PostgreSQL: restart');
    await stopServer('postgres');
    await startServer('postgres');
    mark('PostgreSQL: back');
    await sleep(10_000);

    mark('FerretDB: SIGKILL, down for 30 s');
    killServer('ferretdb');
    await sleep(30_000);
    await startServer('ferretdb');
    mark('FerretDB: back');
    await sleep(10_000);

    // Deadlines fall due while the services are killed one by one (deadline-watch among them).
    platform.clock.set(LATER);
    mark(`clock moved to ${LATER}`);
    for (const service of SERVICES) {
      mark(`${service}: SIGKILL and restart`);
      await platform.kill(service);
      await sleep(5_000);
    }
    running = false;
    await work;
    mark('workload stopped');

    const all = [...citizens.accepted, ...registrar.accepted];
    const addresses = all.map((entry) => entry.email ?? '');
    const breached = (entry: Accepted) => entry.dueDate !== undefined && entry.dueDate < LATER.slice(0, 10);
    // Everything accepted is routed, acknowledged and (where due) breached once the platform has caught up.
    let figures: Invariants = await invariants(platform.database.url, all, addresses, breached);
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline && (figures.neverProcessed > 0 || figures.missingEmails > 0 || figures.timersMissed > 0)) {
      await sleep(5_000);
      figures = await invariants(platform.database.url, all, addresses, breached);
    }
    mark('caught up');

    const clients: ClientFigures[] = [citizens.report(), registrar.report()];
    console.log(report(timeline, clients, figures, all.filter(breached).length));
    expect(figures).toEqual({
      lostCases: 0,
      duplicateRegistrations: 0,
      duplicateEvents: 0,
      neverProcessed: 0,
      duplicateEmails: 0,
      missingEmails: 0,
      timersFiredTwice: 0,
      timersMissed: 0,
    });
    for (const client of clients) {
      expect({ client: client.name, gaveUp: client.gaveUp, unexpected: client.unexpected }).toEqual({
        client: client.name,
        gaveUp: 0,
        unexpected: [],
      });
      expect(client.accepted).toBeGreaterThan(0);
    }
  });
});

function report(timeline: readonly string[], clients: readonly ClientFigures[], figures: Invariants, due: number): string {
  const lines = [
    'Fault suite',
    ...timeline.map((line) => `  ${line}`),
    '',
    'client                  sent  accepted  retried  gave up  500s  longest outage',
    ...clients.map(
      (c) =>
        `${c.name.padEnd(22)} ${String(c.sent).padStart(5)} ${String(c.accepted).padStart(9)} ${String(c.retried).padStart(8)} ${String(c.gaveUp).padStart(8)} ${String(c.serverErrors).padStart(5)}  ${(c.longestOutageMs / 1000).toFixed(1)} s`,
    ),
    '',
    `submissions accepted: ${clients.reduce((sum, c) => sum + c.accepted, 0)}; deadlines due: ${due}`,
    ...Object.entries(figures).map(([name, value]) => `${name}: ${value}`),
  ];
  return lines.join('\n');
}
