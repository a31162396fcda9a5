import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@civic/testing';
import { keyFileKeks, PostgresEventStore, PostgresSubjectKeys, withPersonalData, type EventStore } from '@civic/event-store';
import { subjectKeks, subjectKeyWrapping, SubjectKeksUsageError, type SubjectKekSettings } from '../src';

/**
 * Rotation of the KEK as an operator runs it (`subject-keks add`, `rewrap`, `retire`), on a PostgreSQL event store
 * with its subject keys beside it: every subject key is rewrapped, no event is rewritten, and the personal data
 * encrypted before the rotation still reads after the old KEK is gone.
 */
describe('subject-keks: rotating the key-encryption key', () => {
  let database: TestDatabase;
  let dir: string;
  let settings: SubjectKekSettings;
  let events: PostgresEventStore;
  let keys: PostgresSubjectKeys;
  let store: EventStore;
  let pool: Pool;
  const subjects = [randomUUID(), randomUUID()];
  const stream = `person-${randomUUID()}`;

  beforeAll(async () => {
    database = await createTestDatabase('subject_keks');
    dir = mkdtempSync(join(tmpdir(), 'subject-keks-'));
    settings = { EVENT_STORE_URL: database.url, SUBJECT_KEK_FILE: join(dir, 'keks', 'keks.json') };
    pool = new Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await keys?.close();
    await events?.close();
    await pool?.end();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('init makes the configured key file; a service never does (a configured file must exist)', async () => {
    expect(() => subjectKeyWrapping(settings.SUBJECT_KEK_FILE)).toThrow(/does not exist/);
    expect(await subjectKeks(['init'], settings)).toMatch(/^made .*keks\.json with KEK kek-[0-9a-f]{16}$/);
    await expect(subjectKeks(['init'], settings)).rejects.toThrow(/exists already/);
    await expect(subjectKeks(['init'], { EVENT_STORE_URL: database.url })).rejects.toBeInstanceOf(SubjectKeksUsageError);
  });

  it('add, rewrap, retire: the old KEK goes, the data it protected stays readable, no event rewritten', async () => {
    events = await PostgresEventStore.connect({ url: database.url });
    keys = await PostgresSubjectKeys.connect({ url: database.url, wrapping: subjectKeyWrapping(settings.SUBJECT_KEK_FILE) });
    store = withPersonalData(events, {
      keys,
      personalPaths: () => ['name'],
      subjectOf: (event) => String(event.metadata.dataSubjectId),
    });
    await store.appendToStream(
      stream,
      subjects.map((subject, i) => ({
        id: randomUUID(),
        type: 'Named',
        data: { name: `Person ${i}` },
        metadata: { dataSubjectId: subject },
      })),
      { expectedRevision: 'no-stream' },
    );
    const eventsBefore = (await pool.query('select event_id, data from event_store.events order by global_position')).rows;
    const old = keyFileKeks(settings.SUBJECT_KEK_FILE as string).current;
    expect(await subjectKeks(['status'], settings)).toContain(`${old} (current): 2 subject keys`);

    const added = (await subjectKeks(['add'], settings)).match(/KEK (kek-[0-9a-f]+)/)?.[1] as string;
    await expect(subjectKeks(['retire', old], settings)).rejects.toThrow(`KEK ${old} still wraps 2 subject keys`);
    expect(await subjectKeks(['rewrap'], settings)).toMatch(
      new RegExp(`^rewrapped 2 subject keys\\n.*\\n${old}: 0 subject keys\\n${added} \\(current\\): 2`),
    );
    expect(await subjectKeks(['retire', old], settings)).toBe(`retired KEK ${old} from ${settings.SUBJECT_KEK_FILE}`);
    expect(keyFileKeks(settings.SUBJECT_KEK_FILE as string).ids).toEqual([added]);

    // The running store (the same key file) reads the data encrypted before the rotation; the events are as they were.
    expect((await store.readStream(stream)).map((event) => event.data.name)).toEqual(['Person 0', 'Person 1']);
    expect((await pool.query('select event_id, data from event_store.events order by global_position')).rows).toEqual(eventsBefore);

    // Crypto-shredding after a rotation: erase the wrapped key, and the data reads as erased.
    await keys.erase(subjects[0]);
    expect((await store.readStream(stream)).map((event) => event.data.name)).toEqual([null, 'Person 1']);
  });

  it('names its usage for an unknown command', async () => {
    await expect(subjectKeks(['spin'], settings)).rejects.toThrow(/usage: subject-keks/);
  });
});
