import { randomUUID } from 'node:crypto';
import { Binary, MongoClient } from 'mongodb';
import { Client } from 'pg';
import { foldCase, type StoredCaseEvent } from '@civic/domain';
import { createTestDatabase, mongoServerUri, uniqueName, type TestDatabase } from '@civic/testing';
import { verifyStreamInStore, withHashChain } from '../../src/audit';
import type { EventStore, RecordedEvent } from '../../src/port';
import { PostgresEventStore } from '../../src/postgres';
import {
  caseEventPrivacy,
  decryptValue,
  isEncryptedValue,
  MongoSubjectKeys,
  PostgresSubjectKeys,
  SUBJECT_KEYS_COLLECTION,
  SUBJECT_KEYS_TABLE,
  type EncryptedValue,
  type SubjectKeys,
  withPersonalData,
} from '../../src/privacy';
import { caseAccepted, caseRegistered, needlesOf, OTHER_PERSON, PERSON, PLAINTEXT_NEEDLES, satisfactionRecorded } from './case-events';
import { testKeyFile } from './key-files';

interface OpenKeys {
  keys: SubjectKeys;
  /** Every byte string of the subject's record in the key store, read with the database's own driver (no key file). */
  storedBytes(subjectId: string): Promise<Buffer[]>;
  close(): Promise<void>;
}

const bytesOf = (values: unknown[]): Buffer[] =>
  values.flatMap((value) => (Buffer.isBuffer(value) ? [value] : value instanceof Binary ? [Buffer.from(value.value())] : []));

/** Where the subject keys are kept: FerretDB, or PostgreSQL beside the events (then writing needs nothing else). */
const keyStores: Array<[string, (events: TestDatabase) => Promise<OpenKeys>]> = [
  [
    'FerretDB',
    async () => {
      const uri = await mongoServerUri();
      const database = uniqueName('subject_keys').replace(/-/g, '_');
      const keyFile = testKeyFile();
      const keys = await MongoSubjectKeys.connect({ uri, database, wrapping: keyFile.wrapping });
      const mongo = await new MongoClient(uri).connect();
      return {
        keys,
        async storedBytes(subjectId) {
          const documents = await mongo.db(database).collection(SUBJECT_KEYS_COLLECTION).find({ subjectId }).toArray();
          return bytesOf(documents.flatMap((document) => Object.values(document)));
        },
        async close() {
          await keys.close();
          await mongo.db(database).dropDatabase();
          await mongo.close();
          keyFile.remove();
        },
      };
    },
  ],
  [
    'PostgreSQL',
    async (events) => {
      const keyFile = testKeyFile();
      const keys = await PostgresSubjectKeys.connect({ url: events.url, wrapping: keyFile.wrapping });
      const sql = new Client({ connectionString: events.url });
      await sql.connect();
      return {
        keys,
        async storedBytes(subjectId) {
          const { rows } = await sql.query<Record<string, unknown>>(`select * from ${SUBJECT_KEYS_TABLE} where subject_id = $1`, [
            subjectId,
          ]);
          return bytesOf(rows.flatMap((row) => Object.values(row)));
        },
        async close() {
          await keys.close();
          await sql.end();
          keyFile.remove();
        },
      };
    },
  ],
];

/**
 * Crypto-shredding end to end on the real servers: events in PostgreSQL through
 * `withPersonalData(withHashChain(pg))`, subject keys in FerretDB or in PostgreSQL. Erasure deletes the
 * key; afterwards no plaintext of the person is anywhere in the event store, reads and rebuilt read models
 * show the fields as erased, and the hash chain still verifies.
 */
describe.each(keyStores)('crypto-shredding on PostgreSQL, keys in %s', (_name, openKeys) => {
  const subjectId = randomUUID();
  const otherSubjectId = randomUUID();
  const streamName = `case-${randomUUID()}`;
  const otherStream = `case-${randomUUID()}`;
  let database: TestDatabase;
  let pg: PostgresEventStore;
  let opened: OpenKeys;
  let keys: SubjectKeys;
  let store: EventStore;
  let sql: Client;
  const appended = [
    caseRegistered(streamName, subjectId),
    caseAccepted(streamName, subjectId),
    satisfactionRecorded(streamName, subjectId),
  ];

  beforeAll(async () => {
    database = await createTestDatabase('crypto_shredding');
    pg = await PostgresEventStore.connect({ url: database.url, schema: 'event_store' });
    opened = await openKeys(database);
    keys = opened.keys;
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    store = withPersonalData(withHashChain(pg), { keys, ...caseEventPrivacy });

    await store.appendToStream(streamName, appended.slice(0, 2), { expectedRevision: 'no-stream' });
    await store.appendToStream(streamName, appended.slice(2), { expectedRevision: 'any' });
    await store.appendToStream(otherStream, [caseRegistered(otherStream, otherSubjectId, {}, OTHER_PERSON)], {
      expectedRevision: 'no-stream',
    });
  });

  afterAll(async () => {
    await sql?.end();
    await opened?.close();
    await pg?.close();
    await database?.drop();
  });

  /** Every row of the event store (both tables) as text, searched by PostgreSQL itself. */
  async function rowsContaining(needle: string): Promise<number> {
    const { rows } = await sql.query<{ n: string }>(
      `select (select count(*) from event_store.events e where strpos(e::text, $1) > 0)
            + (select count(*) from event_store.streams s where strpos(s::text, $1) > 0) as n`,
      [needle],
    );
    return Number(rows[0].n);
  }

  async function plaintextFound(needles = PLAINTEXT_NEEDLES): Promise<string[]> {
    const found: string[] = [];
    for (const needle of needles) if ((await rowsContaining(needle)) > 0) found.push(needle);
    return found;
  }

  /**
   * Read models rebuilt from scratch: `evolve(doc | null, event)` folded over each case stream read again
   * through the decorators. The model keeps whatever personal data it is given (a case file for staff), so
   * it shows exactly what the store hands to read models. (Read per stream, not through `subscribeToAll`:
   * PostgreSQL's global order waits for the oldest transaction anywhere on the shared test server, which
   * other suites may hold open for a long time; the decryption of subscriptions is unit-tested.)
   */
  async function rebuildCaseFiles(): Promise<Record<string, unknown>> {
    const files: Record<string, unknown> = {};
    for (const stream of [streamName, otherStream]) {
      files[stream] = (await store.readStream(stream)).reduce<Record<string, unknown> | null>(evolveCaseFile, null);
    }
    return files;
  }

  it('reads the personal data back decrypted', async () => {
    const read = await store.readStream(streamName);
    expect(read.map((e) => e.data)).toEqual(appended.map((e) => e.data));
    expect(read[0].data.submitter).toMatchObject({ name: PERSON.name, email: PERSON.email, address: PERSON.address });
  });

  it('stores only ciphertext: no row of the event store holds the name, e-mail, address or phrases, nor the key', async () => {
    // The search has teeth: non-personal Cyrillic text of the same event is found as stored.
    expect(await rowsContaining('ПЩ-2026-000042')).toBe(2);
    expect(await plaintextFound()).toEqual([]);
    expect(await plaintextFound(needlesOf(OTHER_PERSON))).toEqual([]);
    const key = (await keys.find(subjectId)) as Buffer;
    expect(await rowsContaining(key.toString('base64'))).toBe(0);
    expect(await rowsContaining(key.toString('hex'))).toBe(0);
    const [stored] = await pg.readStream(streamName, { maxCount: 1 });
    expect(isEncryptedValue(stored.data.submitter)).toBe(true);
  });

  it("the key store's record, read raw with the database's driver, holds no bytes that decrypt the person's data", async () => {
    const [stored] = await pg.readStream(streamName, { maxCount: 1 });
    const submitter = stored.data.submitter as unknown as EncryptedValue;
    const binding = { subjectId, path: 'submitter' };
    // The test has teeth: the key the store hands out does decrypt it.
    expect(decryptValue((await keys.find(subjectId)) as Buffer, submitter, binding)).toMatchObject({ name: PERSON.name });

    const candidates = await opened.storedBytes(subjectId);
    expect(candidates.length).toBeGreaterThan(0);
    // Any 32 bytes anywhere in a stored byte string, tried as the key.
    const opening = candidates.flatMap((bytes) =>
      Array.from({ length: Math.max(0, bytes.length - 31) }, (_, at) => bytes.subarray(at, at + 32)).filter((key) => {
        try {
          decryptValue(key, submitter, binding);
          return true;
        } catch {
          return false;
        }
      }),
    );
    expect(opening).toEqual([]);
  });

  it('a read model rebuilt before erasure shows the person (so the check below can see them)', async () => {
    const files = JSON.stringify(await rebuildCaseFiles());
    expect(PLAINTEXT_NEEDLES.filter((needle) => files.includes(needle))).toEqual(PLAINTEXT_NEEDLES);
  });

  describe('after the subject is erased', () => {
    let stateBefore: unknown;

    beforeAll(async () => {
      stateBefore = foldCase((await store.readStream(streamName)) as unknown as StoredCaseEvent[]);
      await keys.erase(subjectId);
    });

    it('reads return the personal fields as null and list them in metadata.erasedPersonalData', async () => {
      const [registered, accepted, satisfaction] = await store.readStream(streamName);
      expect(registered.data).toMatchObject({
        submitter: null,
        text: null,
        attachments: [{ name: null, mediaType: 'image/jpeg', size: 120_000 }],
        registryNumber: 'ПЩ-2026-000042',
        submitterGiven: true,
      });
      expect(registered.metadata.erasedPersonalData).toEqual(['submitter', 'text', 'attachments[].name']);
      expect(accepted.metadata.erasedPersonalData).toBeUndefined();
      expect(satisfaction.data).toEqual({ rating: 4, comment: null });
      expect(satisfaction.metadata.erasedPersonalData).toEqual(['comment']);
    });

    it("leaves other people's data readable", async () => {
      const [other] = await store.readStream(otherStream);
      expect(other.data.submitter).toMatchObject({ name: OTHER_PERSON.name, email: OTHER_PERSON.email });
      expect(other.metadata.erasedPersonalData).toBeUndefined();
    });

    it('no plaintext of the person remains in the event store (it never held any)', async () => {
      expect(await plaintextFound()).toEqual([]);
    });

    it('the hash chain still verifies: it covers the ciphertext, which erasure does not touch', async () => {
      expect(await verifyStreamInStore(pg, streamName)).toEqual({ ok: true, count: 3 });
      expect(await verifyStreamInStore(pg, otherStream)).toEqual({ ok: true, count: 1 });
    });

    it('a read model rebuilt afterwards holds no plaintext of the person', async () => {
      const files = await rebuildCaseFiles();
      const rebuilt = JSON.stringify(files);
      expect(PLAINTEXT_NEEDLES.filter((needle) => rebuilt.includes(needle))).toEqual([]);
      expect(files[streamName]).toMatchObject({
        registryNumber: 'ПЩ-2026-000042',
        submitter: null,
        erased: ['submitter', 'text', 'attachments[].name', 'comment'],
      });
      // The other person's file, rebuilt in the same run, still shows them: only the erased one is gone.
      expect(rebuilt).toContain(OTHER_PERSON.email);
    });

    it("the case folds to the same state as before: the decider's facts hold nothing personal", async () => {
      const after = foldCase((await store.readStream(streamName)) as unknown as StoredCaseEvent[]);
      expect(after).toEqual(stateBefore);
    });
  });
});

/** A staff case file: the registration, every text written by the submitter, and what was erased. */
function evolveCaseFile(file: Record<string, unknown> | null, event: RecordedEvent): Record<string, unknown> {
  const current = file ?? { texts: [], attachments: [], erased: [] };
  const erased = [...(current.erased as string[]), ...((event.metadata.erasedPersonalData as string[] | undefined) ?? [])];
  switch (event.type) {
    case 'CaseRegistered':
      return {
        ...current,
        registryNumber: event.data.registryNumber,
        submitter: event.data.submitter,
        texts: [...(current.texts as unknown[]), event.data.text],
        attachments: event.data.attachments,
        erased,
      };
    case 'SatisfactionRecorded':
      return { ...current, rating: event.data.rating, texts: [...(current.texts as unknown[]), event.data.comment], erased };
    default:
      return { ...current, status: event.type, erased };
  }
}
