import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentOpen311Keys, open311KeysSetting } from '@civic/auth';
import { getConnectionToken } from '@nestjs/mongoose';
import type { EventStore, SubjectKeys } from '@civic/event-store';
import { caseStreamName, EVENT_STORE, SUBJECT_KEYS } from '@civic/platform';
import { eventually } from '@civic/testing';
import type { Connection } from 'mongoose';
import type { Open311CreatedRequest, Open311ServiceRequest } from '../src/open311/documents';
import { BOOKKEEPING, type Bookkeeping } from '@civic/platform';
import { LOCATIONS_COLLECTION } from '../src/open311/mongo-locations';
import { LOCATIONS_TABLE } from '../src/open311/postgres-locations';
import { storedEntry } from './bookkeeping';
import { startIntakeInProcess, type IntakeInProcess } from './in-process';

const KEY = `peshtera-int-${randomUUID()}`;
const ADDRESS = 'ул. „Дунав“ 3, Пещера';

/** A GET under /open311/v2: status, headers and the body as text. */
async function get(intake: IntakeInProcess, path: string) {
  const response = await fetch(`${intake.url}/open311/v2/${path}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function submit(
  intake: IntakeInProcess,
  apiKey = KEY,
  tenant = 'peshtera',
  description = 'Контейнерите пред дома ми не са извозвани.',
): Promise<string> {
  const response = await fetch(`${intake.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: apiKey,
      jurisdiction_id: tenant,
      service_code: 'complaint.waste-cleanliness',
      lat: '42.0345',
      long: '24.2989',
      address_string: ADDRESS,
      description,
      media_url: 'https://example.bg/snimka.jpg',
      first_name: 'Иван',
      last_name: 'Петров',
      email: 'ivan.petrov@example.bg',
    }).toString(),
  });
  expect(response.status).toBe(200);
  const [created] = (await response.json()) as Open311CreatedRequest[];
  return created.service_request_id;
}

// Open311 on the real servers with intake in this process: what needs its insides (the subject keys, the
// read model's documents) or its settings (a low rate limit).
describe('Open311 in process', () => {
  describe('the development keys `npm start` prints', () => {
    let intake: IntakeInProcess;
    let keys: Record<string, string>;

    beforeAll(async () => {
      keys = developmentOpen311Keys(join(mkdtempSync(join(tmpdir(), 'open311-keys-')), 'keys'));
      intake = await startIntakeInProcess({ OPEN311_API_KEYS: open311KeysSetting(keys) });
    });

    afterAll(async () => {
      await intake?.close();
    });

    it('let a client POST a request for each seed tenant, and only for its own', async () => {
      expect(await submit(intake, keys['peshtera'], 'peshtera')).toMatch(/^PSH-2026-\d{6}$/);
      expect(await submit(intake, keys['sopot'], 'sopot')).toMatch(/^[A-Z]+-2026-\d{6}$/);
      const other = await fetch(`${intake.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: keys['sopot'],
          jurisdiction_id: 'peshtera',
          service_code: 'complaint.waste-cleanliness',
          description: 'x',
        }).toString(),
      });
      expect(other.status).toBe(403);
    });
  });

  describe('erasure of a data subject', () => {
    let intake: IntakeInProcess;

    beforeAll(async () => {
      intake = await startIntakeInProcess({ OPEN311_API_KEYS: `peshtera:${KEY}` });
    });

    afterAll(async () => {
      await intake?.close();
    });

    const db = () => {
      const found = intake.app.get<Connection>(getConnectionToken()).db;
      if (!found) throw new Error('no MongoDB database');
      return found;
    };
    /** The case's location as stored, in intake's bookkeeping. */
    const storedLocation = (caseId: string) =>
      storedEntry(
        intake.app.get<Bookkeeping>(BOOKKEEPING),
        { postgres: LOCATIONS_TABLE, mongodb: LOCATIONS_COLLECTION, idColumn: 'case_id' },
        caseId,
      );
    /** The read model behind GET requests, once it has the request. */
    // The index follows the store event by event: wait for the screening (revision 1), not just the registration.
    const indexed = (registryNumber: string) =>
      eventually(
        () => db().collection('intake_open311_requests').findOne({ registryNumber }),
        (document) => Number(document?.['revision'] ?? -1) >= 1,
        { what: `${registryNumber} screened in the read model` },
      );

    /** The case behind a registry number, and its submitter's data-subject id (from the stream's first event). */
    async function subjectOf(registryNumber: string): Promise<{ caseId: string; subject: string }> {
      const document = await indexed(registryNumber);
      const caseId = document?._id as unknown as string;
      const [first] = await intake.app.get<EventStore>(EVENT_STORE).readStream(caseStreamName(caseId));
      return { caseId, subject: first.metadata.dataSubjectId as string };
    }

    it("keeps the location sealed with the submitter's key, and after their erasure shows none: one request and lists", async () => {
      const id = await submit(intake);
      const before = JSON.parse((await get(intake, `requests/${id}.json?jurisdiction_id=peshtera`)).text) as Open311ServiceRequest[];
      expect(before[0]).toMatchObject({
        service_request_id: id,
        address: ADDRESS,
        lat: 42.0345,
        long: 24.2989,
        media_url: 'https://example.bg/snimka.jpg',
        description: null,
      });

      const listed = await eventually(
        async () =>
          JSON.parse(
            (await get(intake, `requests.json?jurisdiction_id=peshtera&service_request_id=${id}`)).text,
          ) as Open311ServiceRequest[],
        (requests) => requests.length === 1,
        { what: 'the request is listed' },
      );
      expect(listed[0].address).toBe(ADDRESS);
      const { caseId, subject } = await subjectOf(id);
      const stored = await storedLocation(caseId);
      expect(stored).toMatchObject({ sealed: { alg: 'aes-256-gcm' } });
      expect(JSON.stringify(stored)).toContain(subject);
      expect(JSON.stringify(stored)).not.toContain('Дунав');

      await intake.app.get<SubjectKeys>(SUBJECT_KEYS).erase(subject);

      const one = await get(intake, `requests/${id}.json?jurisdiction_id=peshtera`);
      expect(one.status).toBe(200);
      expect((JSON.parse(one.text) as Open311ServiceRequest[])[0]).toMatchObject({
        service_request_id: id,
        description: null,
        address: null,
        address_id: null,
        lat: null,
        long: null,
        media_url: null,
      });
      expect(one.text).not.toMatch(/Дунав|42\.0345|snimka|Контейнерите|Иван|ivan\.petrov/);
      expect(await storedLocation(caseId)).toBeNull();

      const xml = await get(intake, `requests/${id}.xml?jurisdiction_id=peshtera`);
      expect(xml.text).not.toMatch(/Дунав|42\.0345|snimka/);
      const list = await get(intake, `requests.json?jurisdiction_id=peshtera`);
      expect(list.text).not.toMatch(/Дунав|snimka/);
    });

    it("leaves other people's locations as they are", async () => {
      const erased = await submit(intake);
      const kept = await submit(intake);
      await intake.app.get<SubjectKeys>(SUBJECT_KEYS).erase((await subjectOf(erased)).subject);
      const answer = JSON.parse(
        (await get(intake, `requests.json?jurisdiction_id=peshtera&service_request_id=${erased},${kept}`)).text,
      ) as Open311ServiceRequest[];
      expect(answer.map((request) => [request.service_request_id, request.address])).toEqual([
        [erased, null],
        [kept, ADDRESS],
      ]);
    });
  });

  describe('confidential cases', () => {
    let intake: IntakeInProcess;

    beforeAll(async () => {
      intake = await startIntakeInProcess({ OPEN311_API_KEYS: `peshtera:${KEY}` });
    });

    afterAll(async () => {
      await intake?.close();
    });

    const db = () => {
      const found = intake.app.get<Connection>(getConnectionToken()).db;
      if (!found) throw new Error('no MongoDB database');
      return found;
    };
    // The index follows the store event by event: wait for the screening (revision 1), not just the registration.
    const indexed = (registryNumber: string) =>
      eventually(
        () => db().collection('intake_open311_requests').findOne({ registryNumber }),
        (document) => Number(document?.['revision'] ?? -1) >= 1,
        { what: `${registryNumber} screened in the read model` },
      );

    it('a request flagged for signs of corruption is never listed, and its number answers as an unknown one', async () => {
      const ordinary = await submit(intake);
      const corrupt = await submit(intake, KEY, 'peshtera', 'Служителят на гишето поиска подкуп, за да приеме заявлението ми.');
      expect(await indexed(ordinary)).toMatchObject({ confidential: null });
      expect(await indexed(corrupt)).toMatchObject({ confidential: 'corruption-signal' });

      const one = await get(intake, `requests/${corrupt}.json?jurisdiction_id=peshtera`);
      const unknownNumber = 'PSH-2026-999999';
      const unknown = await get(intake, `requests/${unknownNumber}.json?jurisdiction_id=peshtera`);
      expect(unknown.status).toBe(404);
      expect(one.status).toBe(404);
      expect(one.text.replace(corrupt, 'ID')).toBe(unknown.text.replace(unknownNumber, 'ID'));
      expect((await get(intake, `requests/${ordinary}.json?jurisdiction_id=peshtera`)).status).toBe(200);

      const byIds = JSON.parse(
        (await get(intake, `requests.json?jurisdiction_id=peshtera&service_request_id=${ordinary},${corrupt}`)).text,
      ) as Open311ServiceRequest[];
      expect(byIds.map((request) => request.service_request_id)).toEqual([ordinary]);
      const listed = JSON.parse((await get(intake, 'requests.json?jurisdiction_id=peshtera')).text) as Open311ServiceRequest[];
      expect(listed.map((request) => request.service_request_id)).toContain(ordinary);
      expect(listed.map((request) => request.service_request_id)).not.toContain(corrupt);
    });
  });

  describe('the rate limit on reads', () => {
    let intake: IntakeInProcess;

    beforeAll(async () => {
      intake = await startIntakeInProcess({ OPEN311_READS_PER_MINUTE: '4', OPEN311_API_KEYS: `peshtera:${KEY}` });
    });

    afterAll(async () => {
      await intake?.close();
    });

    it('answers 429 in the Open311 error format, JSON or XML, with Retry-After, once an address has made its reads; POST is not limited', async () => {
      expect((await get(intake, 'discovery.json')).status).toBe(200);
      expect((await get(intake, 'services.json?jurisdiction_id=peshtera')).status).toBe(200);
      expect((await get(intake, 'requests.json?jurisdiction_id=peshtera')).status).toBe(200);
      expect((await get(intake, 'tokens/abc.json?jurisdiction_id=peshtera')).status).toBe(404);

      for (const path of [
        'discovery.json',
        'services.json?jurisdiction_id=peshtera',
        'requests/PSH-2026-000001.json?jurisdiction_id=peshtera',
        'tokens/abc.json?jurisdiction_id=peshtera',
      ]) {
        const refused = await get(intake, path);
        expect([path, refused.status]).toEqual([path, 429]);
        expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
        expect(JSON.parse(refused.text)).toEqual([{ code: 429, description: expect.stringMatching(/^too many requests/) }]);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      const xml = await get(intake, 'services.xml?jurisdiction_id=peshtera');
      expect(xml.status).toBe(429);
      expect(xml.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(xml.text).toMatch(/<errors>\s*<error>\s*<code>429<\/code>/);

      expect(await submit(intake)).toMatch(/^PSH-2026-\d{6}$/);
      // The citizens' API counts apart.
      expect((await fetch(`${intake.url}/public/peshtera/cases/AAAA-BBBB`)).status).toBe(404);
    });
  });

  describe('guessing API keys', () => {
    let intake: IntakeInProcess;

    beforeAll(async () => {
      intake = await startIntakeInProcess({ OPEN311_API_KEYS: `peshtera:${KEY}` });
    });

    afterAll(async () => {
      await intake?.close();
    });

    it('an address that sent ten wrong keys in a minute gets 429 with Retry-After, even with the right one', async () => {
      const post = (apiKey: string) =>
        fetch(`${intake.url}/open311/v2/requests.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            api_key: apiKey,
            jurisdiction_id: 'peshtera',
            service_code: 'complaint.waste-cleanliness',
            description: 'Х',
          }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await post(`guess-${i}-${randomUUID()}`)).status);
      expect(statuses).toEqual([...Array(10).fill(403), 429, 429]);
      const right = await post(KEY);
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(JSON.parse(await right.text())).toEqual([{ code: 429, description: expect.stringMatching(/wrong api_key/) }]);
    });
  });

  describe('discovery', () => {
    let intake: IntakeInProcess;

    beforeAll(async () => {
      intake = await startIntakeInProcess();
    });

    afterAll(async () => {
      await intake?.close();
    });

    it("names its configured address in discovery, never the request's Host header", async () => {
      const { port } = new URL(intake.url);
      const answer = await new Promise<string>((resolve, reject) => {
        const sent = request(
          { host: '127.0.0.1', port, path: '/open311/v2/discovery.json', headers: { host: 'evil.example' } },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve(text));
          },
        );
        sent.on('error', reject);
        sent.end();
      });
      expect(answer).not.toContain('evil.example');
      expect((JSON.parse(answer) as { endpoints: { url: string }[] }).endpoints[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/open311\/v2$/);
    });
  });
});
