import { randomUUID } from 'node:crypto';
import { eventually } from '@civic/testing';
import { caseStreamName } from '@civic/platform';
import type { CaseDocument } from '../src/projection/case-document';
import { LiveProjection } from '../src/projection/live-projection';
import { ReadModels, ROWS_PREFIX } from '../src/projection/read-models';
import { bucketFromDocument, type BucketDocument } from '../src/projection/case-rows';
import type { RebuildProgress } from '../src/rebuild/rebuild-progress';
import { s, type ScriptedCase } from './fixtures/case-scripts';
import { dataset, NOW } from './fixtures/dataset';
import { startAnalytics, type AnalyticsHarness } from './harness';

// Rebuilding from the first event into new collections while the live model serves,
// then switching; and the proof that an erased person leaves no trace in the rebuilt model.
describe('rebuilding the read models from the event store', () => {
  let analytics: AnalyticsHarness;
  const operator = () => analytics.token('platform', ['platform-operator']);
  const ops = () => analytics.token('peshtera', ['ops']);
  const kpis = async () => (await analytics.get('/tenants/peshtera/kpis?by=month', await analytics.token('peshtera', ['mayor']))).body;

  /** Every case document of a generation, by id. */
  const documents = async (generation: string) =>
    (await analytics.app.get(ReadModels).cases(generation).find({}).sort({ _id: 1 }).toArray()) as CaseDocument[];

  /** Every row of a generation's buckets (what the list and the KPIs read), by case id. */
  const rows = async (generation: string) => {
    const { buckets } = analytics.app.get(ReadModels).collections(generation);
    const all = (await buckets.find({}).toArray()).flatMap((doc) => [...bucketFromDocument(doc).rows.values()]);
    return all.sort((a, b) => a._id.localeCompare(b._id));
  };

  const rebuild = async (): Promise<RebuildProgress> => {
    const started = await analytics.post('/admin/read-models/rebuild', await operator());
    expect(started.status).toBe(202);
    const { id } = started.body as RebuildProgress;
    return eventually(
      async () => (await analytics.get(`/admin/read-models/rebuild/${id}`, await operator())).body as RebuildProgress,
      (progress) => progress.status !== 'counting' && progress.status !== 'catching-up',
      { what: `rebuild ${id} done`, timeoutMs: 60_000, intervalMs: 100 },
    );
  };

  beforeAll(async () => {
    // Small pages, so a rebuild takes many steps; a tiny cache, so a rebuild writes and reads back documents
    // and buckets that fall out of it again and again.
    analytics = await startAnalytics(NOW, {
      ANALYTICS_PAGE_SIZE: '10',
      ANALYTICS_REBUILD_CACHE_CASES: '3',
      ANALYTICS_REBUILD_CACHE_ROWS: '4',
    });
    for (const script of dataset(20, 11)) await analytics.run(script);
    await analytics.caughtUp();
  });

  afterAll(async () => {
    await analytics?.stop();
  });

  it('a rebuild equals the live model: every case document and every figure; then it is the live one', async () => {
    const live = analytics.app.get(LiveProjection);
    const before = live.status().generation as string;
    const figures = await kpis();
    const total = (await analytics.allEvents()).length;

    const done = await rebuild();

    expect(done).toMatchObject({
      status: 'switched',
      applied: total,
      total,
      percentage: 100,
      previousGeneration: before,
      requestedBy: 'platform:platform-operator',
      error: null,
    });
    expect(done.ratePerSecond).toBeGreaterThan(0);
    expect(done.generation).not.toBe(before);
    expect(await analytics.app.get(ReadModels).current()).toBe(done.generation);
    expect(live.status().generation).toBe(done.generation);
    // The old generation stays until the next switch: the two are equal, document for document.
    expect(await documents(done.generation)).toEqual(await documents(before));
    expect((await documents(done.generation)).length).toBe(20);
    // And so are the buckets the list and the KPIs read: a row per case, at the document's revision.
    expect(await rows(done.generation)).toEqual(await rows(before));
    expect((await rows(done.generation)).map((row) => [row._id, row.revision])).toEqual(
      (await documents(done.generation)).map((doc) => [doc._id, doc.revision]),
    );
    expect(await kpis()).toEqual(figures);
  });

  it('the live model keeps serving during a rebuild, and events appended meanwhile reach the new one', async () => {
    const figures = await kpis();
    const started = await analytics.post('/admin/read-models/rebuild', await operator());
    expect(started.status).toBe(202);
    const { id } = started.body as RebuildProgress;
    // While it builds: the same answers from the live one.
    expect(await kpis()).toEqual(figures);
    const again = await analytics.post('/admin/read-models/rebuild', await operator());
    if (again.status === 409) expect(again.body).toMatchObject({ statusCode: 409, errors: [{ field: 'rebuild' }], running: { id } });

    const late: ScriptedCase = {
      caseId: randomUUID(),
      tenant: 'peshtera',
      subject: randomUUID(),
      steps: [s.register('2026-06-14T08:00:00.000Z', {}, 'PSH-2026-000999')],
    };
    await analytics.run(late);
    await eventually(
      async () => (await analytics.get(`/admin/read-models/rebuild/${id}`, await operator())).body as RebuildProgress,
      (progress) => progress.status === 'switched',
      { what: 'switched', timeoutMs: 60_000 },
    );
    await analytics.caughtUp();
    const list = await analytics.get('/tenants/peshtera/cases?pageSize=1', await ops());
    expect((list.body as { items: { registryNumber: string }[] }).items[0].registryNumber).toBe('PSH-2026-000999');
  });

  it('another instance switched the alias: this one notices and follows the new generation from its checkpoint', async () => {
    const readModels = analytics.app.get(ReadModels);
    const live = analytics.app.get(LiveProjection);
    const before = live.status().generation as string;
    const elsewhere = `other${Date.now().toString(36)}`;
    await readModels.create(elsewhere);
    await readModels.switchTo(elsewhere);
    await eventually(
      async () => live.status(),
      (status) => status.generation === elsewhere && status.caughtUp,
      { what: 'following the switch', timeoutMs: 20_000 },
    );
    await analytics.caughtUp();
    expect(await documents(elsewhere)).toEqual(await documents(before));
  });

  it("an erased person's data: nowhere in the read models, before or after a rebuild; their case still counts", async () => {
    const name = 'Радостина Неделчева-Ерасова';
    const email = 'radostina.erasova@example.bg';
    const text = 'Съседът ми Петко изхвърля отпадъци в дерето зад ул. „Тайна“ 13.';
    const erased: ScriptedCase = {
      caseId: randomUUID(),
      tenant: 'peshtera',
      subject: randomUUID(),
      steps: [
        s.register(
          '2026-06-01T08:00:00.000Z',
          { submitterName: name, submitterEmail: email, text, category: 'waste-cleanliness' },
          'PSH-2026-000777',
        ),
        s.accept('2026-06-01T09:00:00.000Z'),
        s.route('2026-06-01T09:01:00.000Z', 'environment-waste'),
        s.assign('2026-06-01T09:02:00.000Z', 'ew-1'),
        s.answer('2026-06-05T09:00:00.000Z'),
        s.rate('2026-06-06T09:00:00.000Z', 5, `Благодаря! ${name}`),
      ],
    };
    await analytics.run(erased);
    await analytics.caughtUp();
    const everything = async () => {
      const db = analytics.app.get(ReadModels).db();
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      const dumps = await Promise.all(
        collections.map(async (c) => {
          // A switch drops the generation before the previous one in the background: a collection gone between
          // the listing and the read holds nothing any more.
          const docs = await db
            .collection(c.name)
            .find({})
            .toArray()
            .catch((error: unknown) => {
              if (/does not exist|NamespaceNotFound/.test(String(error))) return [];
              throw error;
            });
          // Buckets hold their rows deflated: searched as read, not as stored.
          const rowsOf = c.name.startsWith(ROWS_PREFIX)
            ? docs.map((doc) => [...bucketFromDocument(doc as unknown as BucketDocument).rows.values()])
            : [];
          return JSON.stringify([docs, rowsOf]);
        }),
      );
      return dumps.join('\n');
    };
    const secrets = [name, email, 'Петко', 'Тайна', 'Радостина'];
    for (const secret of secrets) expect(await everything()).not.toContain(secret);

    await analytics.keys.erase(erased.subject);
    // The store now reads the person's fields as erased.
    const registration = (await analytics.cases.readStream(caseStreamName(erased.caseId)))[0];
    expect(registration.data['submitter']).toBeNull();
    expect(registration.metadata['erasedPersonalData']).toEqual(expect.arrayContaining(['submitter', 'text']));

    const done = await rebuild();
    expect(done.status).toBe('switched');
    const dump = await everything();
    for (const secret of secrets) expect(dump).not.toContain(secret);
    const [doc] = (await documents(done.generation)).filter((d) => d._id === erased.caseId);
    expect(doc).toMatchObject({
      registryNumber: 'PSH-2026-000777',
      status: 'Answered',
      unit: 'environment-waste',
      ratings: [5],
      onTime: true,
    });
  });
});
