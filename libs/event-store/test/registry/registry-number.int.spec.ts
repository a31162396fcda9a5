import { createTestDatabase, type TestDatabase } from '@civic/testing';
import { nextRegistryNumber, PostgresEventStore, REGISTRY_NUMBER_ISSUED } from '../../src';

const WORKERS = 5;
const DRAWS_PER_WORKER = 10;

describe('registry numbers on PostgreSQL under parallel writers', () => {
  let database: TestDatabase;
  let workers: PostgresEventStore[];

  beforeAll(async () => {
    database = await createTestDatabase('es_registry');
    // One store (own pool) per worker: as many service instances registering at once.
    workers = await Promise.all(Array.from({ length: WORKERS }, () => PostgresEventStore.connect({ url: database.url })));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await database.drop();
  });

  it(`${WORKERS * DRAWS_PER_WORKER} draws at once across ${WORKERS} workers: exactly 1..${WORKERS * DRAWS_PER_WORKER}, no gap, no repeat`, async () => {
    const total = WORKERS * DRAWS_PER_WORKER;
    const drawn = await Promise.all(
      Array.from({ length: total }, (_, i) => nextRegistryNumber(workers[i % WORKERS], { tenant: 'peshtera', year: 2026, prefix: 'PSH' })),
    );
    expect(drawn.map((d) => d.number).sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const d of drawn) expect(d.formatted).toBe(`PSH-2026-${String(d.number).padStart(6, '0')}`);

    // The registry stream itself: one event per number, the number being revision + 1.
    const stream = await workers[0].readStream('registry-peshtera.2026');
    expect(stream).toHaveLength(total);
    expect(stream.map((e) => [e.revision, e.type, e.data.number])).toEqual(stream.map((_, i) => [i, REGISTRY_NUMBER_ISSUED, i + 1]));
  });

  it('tenants and years count separately, even when drawn at the same time', async () => {
    const keys = [
      { tenant: 'sopot', year: 2026, prefix: 'SOP' },
      { tenant: 'sopot', year: 2027, prefix: 'SOP' },
      { tenant: 'nova-zagora', year: 2026, prefix: 'NZ' },
    ];
    const drawn = await Promise.all(Array.from({ length: 15 }, (_, i) => nextRegistryNumber(workers[i % WORKERS], keys[i % keys.length])));
    for (const key of keys) {
      const own = drawn.filter((d) => d.streamName === `registry-${key.tenant}.${key.year}`);
      expect(own.map((d) => d.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    }
    expect(drawn.find((d) => d.streamName === 'registry-nova-zagora.2026')?.formatted).toMatch(/^NZ-2026-00000[1-5]$/);
  });

  it('a draw expecting the revision it last saw skips the read; a stale one (another drew since) still gets the next number', async () => {
    const key = { tenant: 'petrich', year: 2026, prefix: 'PTR' };
    const first = await nextRegistryNumber(workers[0], key);
    const second = await nextRegistryNumber(workers[0], { ...key, lastKnownRevision: first.revision });
    const elsewhere = await nextRegistryNumber(workers[1], key);
    const stale = await nextRegistryNumber(workers[0], { ...key, lastKnownRevision: second.revision });
    const fresh = await nextRegistryNumber(workers[0], { ...key, lastKnownRevision: 'no-stream' });
    expect([first, second, elsewhere, stale, fresh].map((d) => [d.number, d.revision])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 4],
    ]);
  });
});
