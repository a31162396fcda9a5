import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@civic/domain';
import { PostgresEventStore, type RecordedEvent } from '@civic/event-store';
import { createTestDatabase, eventually, testMongoUri, type TestDatabase } from '@civic/testing';
import { MongoClient, type Db } from 'mongodb';
import { CaseReader } from '@civic/platform';
import { systemClock } from '../src/cases/clock';
import { Open311RequestIndex, REQUEST_INDEX_COLLECTION } from '../src/open311/request-index';
import { Open311RequestProjection } from '../src/open311/request-projection';
import {
  accepted,
  acceptedByRegistrar,
  answered,
  assigned,
  closed,
  flaggedForCorruption,
  forCase,
  registeredEvent,
  routed,
} from './open311-cases';

// This test is about the index: what an erasure removes is erasure.int.spec.ts's.
const NO_ERASURE = { apply: async () => undefined };

// The read model behind GET requests on the real servers: PostgreSQL as the event store, FerretDB for MongoDB.
describe('the Open311 request index', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let client: MongoClient;
  let db: Db;
  let index: Open311RequestIndex;
  let cases: CaseReader;

  beforeAll(async () => {
    database = await createTestDatabase('intake_open311_index');
    store = await PostgresEventStore.connect({ url: database.url });
    client = new MongoClient(await testMongoUri('intake_open311_index'));
    await client.connect();
    db = client.db();
    index = Open311RequestIndex.on(db);
    await index.ensureIndexes();
    cases = new CaseReader(store);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
    await store?.close();
    await database?.drop();
  });

  /** Appends a case's events to its stream as the case store would (the index reads no personal field). */
  const append = (caseId: string, events: readonly CaseEvent[]) =>
    store.appendToStream(
      `case-${caseId}`,
      forCase(caseId, events).map((e) => ({ id: randomUUID(), type: e.type, data: { ...e.data }, metadata: { ...e.metadata } })),
      { expectedRevision: 'any' },
    );

  /** A new case's events appended, and read back as the store recorded them. */
  async function recordCase(events: readonly CaseEvent[], caseId = randomUUID()): Promise<{ caseId: string; recorded: RecordedEvent[] }> {
    await append(caseId, events);
    return { caseId, recorded: await store.readStream(`case-${caseId}`) };
  }

  const documentOf = (caseId: string) => db.collection(REQUEST_INDEX_COLLECTION).findOne({ _id: caseId as never });

  it("folds a case's events into one document, and applying them all again changes nothing", async () => {
    const { caseId, recorded } = await recordCase([registeredEvent(), accepted(), routed()]);
    for (const event of recorded) await index.apply(event, cases);
    const once = await documentOf(caseId);
    expect(once).toMatchObject({
      _id: caseId,
      tenant: 'peshtera',
      serviceCode: 'complaint.waste-cleanliness',
      open: true,
      revision: 2,
      state: { status: 'Routed', unit: 'environment-waste' },
    });
    for (const event of recorded) await index.apply(event, cases);
    for (const event of [...recorded].reverse()) await index.apply(event, cases);
    expect(await documentOf(caseId)).toEqual(once);
  });

  it('folds the whole stream when it has missed events, and an older event after that changes nothing', async () => {
    const { caseId, recorded } = await recordCase([registeredEvent(), accepted(), routed(), assigned()]);
    await index.apply(recorded[3], cases);
    const caughtUp = await documentOf(caseId);
    expect(caughtUp).toMatchObject({ revision: 3, state: { status: 'Assigned' } });
    await index.apply(recorded[1], cases);
    expect(await documentOf(caseId)).toEqual(caughtUp);
  });

  it("writes a case's first document from its whole stream: a case flagged in its registration's append is never listed", async () => {
    const tenant = 'sopot';
    const { caseId, recorded } = await recordCase([
      registeredEvent({ receivedAt: '2026-04-16T09:00:00.000Z', registryNumber: 'SOP-2026-000901', kind: 'signal' }, tenant),
      flaggedForCorruption(),
      acceptedByRegistrar(),
    ]);
    // Only the registration applied so far (the projection between two events of the one append).
    await index.apply(recorded[0], cases);
    expect(await documentOf(caseId)).toMatchObject({ revision: 2, confidential: 'corruption-signal' });
    const window = { tenant, from: new Date('2026-04-01T00:00:00.000Z'), to: new Date('2026-04-30T00:00:00.000Z'), limit: 1000 };
    expect((await index.find(window)).map((d) => d.registryNumber)).not.toContain('SOP-2026-000901');
  });

  it("lists a tenant's requests in a window, by service code and by status, newest first", async () => {
    const tenant = 'momchilgrad';
    const at = (day: string) => `2026-0${day}T09:00:00.000Z`;
    const made = [
      await recordCase([registeredEvent({ receivedAt: at('4-01'), registryNumber: 'MGD-2026-000001' }, tenant)]),
      await recordCase([registeredEvent({ receivedAt: at('4-10'), registryNumber: 'MGD-2026-000002', kind: 'signal' }, tenant)]),
      await recordCase([
        registeredEvent({ receivedAt: at('4-20'), registryNumber: 'MGD-2026-000003' }, tenant),
        accepted(),
        routed(),
        assigned(),
        answered(),
        closed(),
      ]),
      await recordCase([registeredEvent({ receivedAt: at('8-01'), registryNumber: 'MGD-2026-000004' }, tenant)]),
      await recordCase([
        registeredEvent(
          { receivedAt: at('4-15'), registryNumber: 'MGD-2026-000005', kind: 'whistleblower-report', category: 'corruption' },
          tenant,
        ),
      ]),
      await recordCase([
        registeredEvent({ receivedAt: at('4-16'), registryNumber: 'MGD-2026-000006', kind: 'signal' }, tenant),
        flaggedForCorruption(),
        acceptedByRegistrar(),
      ]),
    ];
    for (const { recorded } of made) for (const event of recorded) await index.apply(event, cases);

    const numbers = async (query: Partial<Parameters<Open311RequestIndex['find']>[0]>) =>
      (await index.find({ tenant, from: new Date(at('3-15')), to: new Date(at('5-15')), limit: 1000, ...query })).map(
        (d) => d.registryNumber,
      );
    // Confidential cases (the whistleblower report, the signal flagged for corruption) are never listed; the August one is outside the window.
    expect(await documentOf(made[5].caseId)).toMatchObject({ confidential: 'corruption-signal', state: { status: 'Accepted' } });
    expect(await numbers({})).toEqual(['MGD-2026-000003', 'MGD-2026-000002', 'MGD-2026-000001']);
    expect(await numbers({ serviceCodes: ['signal.waste-cleanliness'] })).toEqual(['MGD-2026-000002']);
    expect(await numbers({ statuses: ['closed'] })).toEqual(['MGD-2026-000003']);
    expect(await numbers({ statuses: ['open', 'closed'] })).toHaveLength(3);
    expect(await numbers({ limit: 2 })).toEqual(['MGD-2026-000003', 'MGD-2026-000002']);
    expect(await numbers({ tenant: 'sopot' })).toEqual([]);
  });

  it('is kept by the projection, which follows the event store and resumes from its checkpoint after a restart', async () => {
    const follow = () => {
      const projection = new Open311RequestProjection(store, index, cases, systemClock, NO_ERASURE);
      projection.onApplicationBootstrap();
      return projection;
    };
    const first = follow();
    const { caseId } = await recordCase([registeredEvent(), accepted()]);
    await eventually(
      () => documentOf(caseId),
      (d) => d?.revision === 1,
      { what: 'the projection indexed the case', timeoutMs: 10_000 },
    );
    await first.onModuleDestroy();
    const checkpoint = await index.checkpoint();
    expect(checkpoint).toEqual(expect.any(String));

    await append(caseId, [routed()]);
    const second = follow();
    try {
      await eventually(
        () => documentOf(caseId),
        (d) => d?.revision === 2,
        { what: 'the restarted projection caught up', timeoutMs: 10_000 },
      );
      expect(await index.checkpoint()).not.toBe(checkpoint);
    } finally {
      await second.onModuleDestroy();
    }
  });
});
