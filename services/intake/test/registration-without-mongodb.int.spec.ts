import { randomUUID } from 'node:crypto';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ATTACHMENTS_COLLECTION } from '../src/attachments/mongo-attachment-records';
import { BOOKKEEPING, type Bookkeeping } from '@civic/platform';
import { IDEMPOTENCY_COLLECTION } from '../src/idempotency/mongo-idempotency-store';
import { LOCATIONS_COLLECTION } from '../src/open311/mongo-locations';
import { PROJECTION_COLLECTION, REQUEST_INDEX_COLLECTION } from '../src/open311/request-index';
import { SUBMITTER_CASES_COLLECTION } from '../src/submitter-cases/mongo-submitter-cases.store';
import { INTAKE_KEYS_COLLECTION } from '../src/submitter-cases/mongo-submitter-key';
import { TRACKING_CODES_COLLECTION } from '../src/tracking/mongo-tracking-codes';
import { AttachmentsHarness } from './attachments/harness';
import * as files from './attachments/sample-files';

/** Where intake kept the registration's bookkeeping in MongoDB: with a PostgreSQL event store, never written. */
const BOOKKEEPING_COLLECTIONS = [
  IDEMPOTENCY_COLLECTION,
  TRACKING_CODES_COLLECTION,
  SUBMITTER_CASES_COLLECTION,
  INTAKE_KEYS_COLLECTION,
  ATTACHMENTS_COLLECTION,
  LOCATIONS_COLLECTION,
];
/** The read models intake keeps in MongoDB, written by its projection after the fact, never by a request. */
const READ_MODELS = [REQUEST_INDEX_COLLECTION, PROJECTION_COLLECTION];

const OPEN311_KEY = `peshtera-int-${randomUUID()}`;

// Issue 17, point 1 ("degrade, never lose"): a registration must not depend on the read models' store. With the
// event store in PostgreSQL, every channel's registration (a citizen's, with a retry and with a file; a
// registrar's; an Open311 client's) keeps its bookkeeping there, and none of it reaches intake's MongoDB.
describe('registrations with the bookkeeping in PostgreSQL', () => {
  let harness: AttachmentsHarness;
  const mongoDb = () => {
    const db = harness.intake.app.get<Connection>(getConnectionToken()).db;
    if (!db) throw new Error('intake has no MongoDB database');
    return db;
  };
  const bookkeepingDocuments = async () =>
    Object.fromEntries(
      await Promise.all(BOOKKEEPING_COLLECTIONS.map(async (name) => [name, await mongoDb().collection(name).countDocuments()] as const)),
    );
  const nothingKept = Object.fromEntries(BOOKKEEPING_COLLECTIONS.map((name) => [name, 0]));

  beforeAll(async () => {
    harness = await AttachmentsHarness.start({ OPEN311_API_KEYS: `peshtera:${OPEN311_KEY}` });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('takes every kind of registration, replays a retry, and writes none of it to MongoDB', async () => {
    expect(harness.intake.app.get<Bookkeeping>(BOOKKEEPING).kind).toBe('postgres');
    expect(await bookkeepingDocuments()).toEqual(nothingKept);

    const key = randomUUID();
    const citizen = {
      kind: 'complaint',
      category: 'waste-cleanliness',
      submitter: { name: 'Мария Петрова', email: `maria.${randomUUID().slice(0, 8)}@example.bg` },
      text: `Контейнерите на ул. „Дунав“ не са извозвани (${randomUUID()}).`,
    };
    const submit = () =>
      harness.fetch('/public/peshtera/cases', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(citizen),
      });
    const first = await submit();
    expect(first.status).toBe(201);
    const again = await submit();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const code = encodeURIComponent(String(first.body.trackingCode));
    expect((await harness.fetch(`/public/peshtera/cases/${code}`)).status).toBe(200);

    const withFile = await harness.submit({ ...citizen, text: `Снимка на контейнерите (${randomUUID()}).` }, [
      { name: 'снимка.png', bytes: files.png() },
    ]);
    expect(withFile.status).toBe(201);
    expect(await harness.records({ caseId: String(withFile.body.caseId) })).toHaveLength(1);

    const staff = await harness.fetch('/tenants/peshtera/cases', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await harness.token('registrar')}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        channel: 'post',
        receivedAt: '2026-11-02T09:00:00Z',
        kind: 'complaint',
        category: 'waste-cleanliness',
        submitter: { name: 'Иван Петров', phone: '0888123456' },
        text: `Счупена улична лампа (${randomUUID()}).`,
      }),
    });
    expect(staff.status).toBe(201);
    expect(staff.body.trackingCode).toEqual(expect.any(String));

    const open311 = await harness.fetch('/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': randomUUID() },
      body: new URLSearchParams({
        api_key: OPEN311_KEY,
        jurisdiction_id: 'peshtera',
        service_code: 'complaint.waste-cleanliness',
        lat: '42.0345',
        long: '24.2989',
        address_string: 'ул. „Дунав“ 3, Пещера',
        description: `Контейнерите пред дома ми не са извозвани (${randomUUID()}).`,
        email: 'ivan.petrov@example.bg',
      }).toString(),
    });
    expect(open311.status).toBe(200);

    expect(await bookkeepingDocuments()).toEqual(nothingKept);
    const collections = (await mongoDb().listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name);
    expect(collections.filter((name) => !READ_MODELS.includes(name))).toEqual([]);
  });
});
