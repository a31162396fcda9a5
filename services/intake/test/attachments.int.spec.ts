import { randomUUID } from 'node:crypto';
import type { EventStore, SubjectKeys } from '@civic/event-store';
import { readStreamIfExists } from '@civic/event-store';
import { auditLogStream, caseStreamName, EVENT_STORE, SUBJECT_KEYS } from '@civic/platform';
import { WEB_FORM_ACTOR } from '../src/cases/case-command';
import { citizenSubmissions } from '../src/cases/submission';
import { IdempotencyStore, scopedKey } from '../src/idempotency/idempotency-store';
import { AttachmentsHarness, type FilePart } from './attachments/harness';
import * as files from './attachments/sample-files';

type Body = Record<string, unknown>;
interface StoredAttachment {
  id: string;
  name: unknown;
  mediaType: string;
  size: number;
  sha256: string;
}

const complaint = (overrides: Body = {}) => ({
  kind: 'complaint',
  category: 'waste-cleanliness',
  submitter: { name: 'Мария Петрова', email: `maria.${randomUUID().slice(0, 8)}@example.bg` },
  text: `Контейнерите на ул. „Дунав“ не са извозвани (${randomUUID()}).`,
  ...overrides,
});

const PDF: FilePart = { name: 'жалба.pdf', bytes: files.pdf() };
// Named as a JPEG, but a PNG: judged (and described) by its content.
const PHOTO: FilePart = { name: 'снимка.jpg', bytes: files.png() };

// C1 and C3 against the real servers: SeaweedFS's S3 API and ClamAV's clamd, PostgreSQL, FerretDB.
describe("citizens' files: checked by content, scanned, stored encrypted, opened by staff", () => {
  let harness: AttachmentsHarness;
  let events: EventStore;

  beforeAll(async () => {
    harness = await AttachmentsHarness.start();
    events = harness.intake.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await harness?.close();
  });

  const registration = async (caseId: string) => {
    const [registered] = await events.readStream(caseStreamName(caseId));
    return registered as unknown as { type: string; data: { attachments: StoredAttachment[] }; metadata: { dataSubjectId: string } };
  };

  /** A case submitted with a PDF and a photo: its id, its stored files as the event names them, and the answer. */
  const submitted = async (overrides: Body = {}, parts: FilePart[] = [PDF, PHOTO]) => {
    const answer = await harness.submit(complaint(overrides), parts);
    expect(answer.status).toBe(201);
    const caseId = answer.body.caseId as string;
    return { caseId, answer, attachments: (await registration(caseId)).data.attachments };
  };

  describe('a submission with files', () => {
    it('stores each file once, encrypted, under <tenant>/<caseId>/<attachmentId>, and describes it in CaseRegistered', async () => {
      const { caseId, answer, attachments } = await submitted();
      expect(answer.body).toMatchObject({ registryNumber: expect.stringMatching(/^PSH-2026-\d{6}$/), trackingCode: expect.any(String) });

      expect(attachments).toEqual([
        {
          id: expect.any(String),
          name: expect.objectContaining({ $enc: 'aes-256-gcm' }),
          mediaType: 'application/pdf',
          size: PDF.bytes.length,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        {
          id: expect.any(String),
          name: expect.objectContaining({ $enc: 'aes-256-gcm' }),
          mediaType: 'image/png',
          size: PHOTO.bytes.length,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]);
      const keys = attachments.map((attachment) => `peshtera/${caseId}/${attachment.id}`);
      expect((await harness.objectKeys()).filter((key) => key.includes(caseId))).toEqual([...keys].sort());

      // In the bucket: not the file, and nothing of it in clear.
      for (const [index, part] of [PDF, PHOTO].entries()) {
        const stored = await harness.object(keys[index]);
        expect(stored.equals(part.bytes)).toBe(false);
        expect(stored.includes(part.bytes.subarray(0, 8))).toBe(false);
        expect(stored.length).toBe(part.bytes.length + 29);
      }

      const records = await harness.records({ caseId });
      expect(
        records.map(({ _id, tenant, mediaType, size, scan, signature }) => ({ _id, tenant, mediaType, size, scan, signature })),
      ).toEqual(
        expect.arrayContaining([
          {
            _id: attachments[0].id,
            tenant: 'peshtera',
            mediaType: 'application/pdf',
            size: PDF.bytes.length,
            scan: 'clean',
            signature: undefined,
          },
          {
            _id: attachments[1].id,
            tenant: 'peshtera',
            mediaType: 'image/png',
            size: PHOTO.bytes.length,
            scan: 'clean',
            signature: undefined,
          },
        ]),
      );
      expect(records.every((record) => record.scannedAt instanceof Date)).toBe(true);
      // No personal data in clear in the records: no names.
      expect(JSON.stringify(records)).not.toMatch(/жалба|снимка|name/);
    });

    it('a retry with the same Idempotency-Key stores nothing again and answers the same', async () => {
      const key = randomUUID();
      const body = complaint();
      const first = await harness.submit(body, [PDF, PHOTO], { key });
      expect(first.status).toBe(201);
      const caseId = first.body.caseId as string;
      const objects = await harness.objectKeys();
      const records = await harness.records({ caseId });

      const again = await harness.submit(body, [PDF, PHOTO], { key });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await harness.objectKeys()).toEqual(objects);
      expect(await harness.records({ caseId })).toEqual(records);

      // The same key with other files is another request: refused, and nothing stored.
      const other = await harness.submit(body, [PDF], { key });
      expect(other.status).toBe(422);
      expect(await harness.objectKeys()).toEqual(objects);
    });

    it('an infected file (EICAR) is refused next to it, and nothing is stored: no case, no object, no key', async () => {
      const key = randomUUID();
      const objects = await harness.objectKeys();
      const records = await harness.records();
      const answer = await harness.submit(complaint(), [PDF, { name: 'фактура.pdf', bytes: files.eicar() }], { key });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        { field: 'attachments[1]', code: 'attachment-infected', reason: expect.stringMatching(/malware \(.*eicar.*\)/i) },
      ]);
      expect(await harness.objectKeys()).toEqual(objects);
      expect(await harness.records()).toHaveLength(records.length);
      const kept = scopedKey(citizenSubmissions.operation, WEB_FORM_ACTOR.id, key);
      expect(await harness.intake.app.get(IdempotencyStore).find('peshtera', kept)).toBeNull();
    });

    it("every problem at once, the submission's fields and each file's, with their codes; nothing stored", async () => {
      const objects = await harness.objectKeys();
      const answer = await harness.submit(complaint({ text: '' }), [
        { name: 'zapoved.pdf', bytes: files.elf() },
        { name: 'prazen.txt', bytes: Buffer.alloc(0) },
        { name: 'bележка.txt', bytes: files.text() },
        { name: 'golyam.pdf', bytes: Buffer.concat([files.pdf(), Buffer.alloc(10 * 1024 * 1024)]) },
        { name: 'program.pdf', bytes: files.exe() },
      ]);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        { field: 'text', reason: 'is required' },
        { field: 'attachments[0]', code: 'attachment-type-not-allowed', reason: expect.any(String) },
        { field: 'attachments[1]', code: 'attachment-empty', reason: 'is empty' },
        { field: 'attachments[3]', code: 'attachment-too-large', reason: expect.stringContaining('at most 10 MB per file') },
        { field: 'attachments[4]', code: 'attachment-type-not-allowed', reason: expect.any(String) },
      ]);
      expect(await harness.objectKeys()).toEqual(objects);
    });

    it('more files than the municipality takes: `attachments` too-many-attachments, as a 400', async () => {
      const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.txt`, bytes: files.text() }));
      const answer = await harness.submit(complaint(), six);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'attachments', code: 'too-many-attachments', reason: 'at most 5 files; 6 were sent' }]);
    });

    it('far beyond the limits, the body is cut off: 413', async () => {
      const objects = await harness.objectKeys();
      const huge = await harness.submit(complaint(), [
        { name: 'huge.pdf', bytes: Buffer.concat([files.pdf(), Buffer.alloc(12 * 1024 * 1024)]) },
      ]);
      expect(huge.status).toBe(413);
      expect(huge.body.errors).toEqual([{ field: 'attachments', code: 'attachment-too-large', reason: expect.any(String) }]);
      const eleven = await harness.submit(
        complaint(),
        Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, bytes: files.text() })),
      );
      expect(eleven.status).toBe(413);
      expect(eleven.body.errors).toEqual([{ field: 'attachments', code: 'too-many-attachments', reason: expect.any(String) }]);
      expect(await harness.objectKeys()).toEqual(objects);
    });

    it('files are sent, never described beside them in the submission', async () => {
      const described = complaint({ attachments: [{ name: 'опис.pdf', mediaType: 'application/pdf', size: 10 }] });
      const answer = await harness.submit(described, [PDF]);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'attachments', reason: expect.stringContaining('send the files themselves') }]);
    });

    it('a form without a readable submission part is a 400 naming it', async () => {
      const answer = await harness.submit('{not json', [PDF]);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([{ field: 'submission', reason: 'is not valid JSON' }]);
    });
  });

  describe('staff at the desk', () => {
    it('see each file with its id and scan status, and download a clean one: the original bytes, the read recorded first', async () => {
      const { caseId, attachments } = await submitted();
      const view = await harness.view(caseId, 'registrar');
      expect(view.status).toBe(200);
      const content = view.body.content as { submission: { attachments: unknown[] } };
      expect(content.submission.attachments).toEqual([
        { id: attachments[0].id, name: 'жалба.pdf', mediaType: 'application/pdf', size: PDF.bytes.length, scan: 'clean' },
        { id: attachments[1].id, name: 'снимка.jpg', mediaType: 'image/png', size: PHOTO.bytes.length, scan: 'clean' },
      ]);

      const before = (await readStreamIfExists(events, auditLogStream('peshtera'))) ?? [];
      const file = await harness.download(caseId, attachments[1].id, await harness.token('registrar'));
      expect(file.status).toBe(200);
      expect(file.bytes.equals(PHOTO.bytes)).toBe(true);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      // The name the citizen gave, with the extension of what the file is.
      expect(file.headers.get('content-disposition')).toBe(
        `attachment; filename="______.jpg.png"; filename*=UTF-8''${encodeURIComponent('снимка.jpg.png')}`,
      );

      const after = (await readStreamIfExists(events, auditLogStream('peshtera'))) ?? [];
      expect(after.slice(before.length).map((entry) => ({ type: entry.type, data: entry.data }))).toEqual([
        {
          type: 'PersonalDataRead',
          data: expect.objectContaining({
            caseId,
            readerId: 'peshtera:registrar',
            route: 'GET /tenants/:tenant/cases/:caseId/attachments/:attachmentId',
            fields: [`submission.attachments.${attachments[1].id}`],
          }),
        },
      ]);
    });

    it('those without the content may not: the course only is 403, a case they may not know of 404, as at the desk', async () => {
      const { caseId, attachments } = await submitted();
      const id = attachments[0].id;
      expect((await harness.download(caseId, id, await harness.token('auditor'))).status).toBe(403);
      expect((await harness.download(caseId, id, await harness.token('officer', 'peshtera:officer-2'))).status).toBe(403);
      expect((await harness.download(caseId, id, await harness.token('registrar', 'sopot:registrar', 'sopot'))).status).toBe(403);
      expect((await harness.download(caseId, randomUUID(), await harness.token('registrar'))).status).toBe(404);
      expect((await harness.download(randomUUID(), id, await harness.token('registrar'))).status).toBe(404);

      // A signal flagged for corruption exists only for the anti-corruption officer: for the registrar, 404.
      const signal = await submitted({ kind: 'signal', category: 'corruption', text: 'Служител поиска подкуп за разрешението.' });
      const registrar = await harness.download(signal.caseId, signal.attachments[0].id, await harness.token('registrar'));
      expect(registrar.status).toBe(404);
      const officer = await harness.download(signal.caseId, signal.attachments[0].id, await harness.token('anti-corruption-officer'));
      expect(officer.status).toBe(200);
      expect(officer.bytes.equals(PDF.bytes)).toBe(true);
    });

    it('once the submitter is erased, the file can no longer be opened (their key is gone), nor its name read', async () => {
      const { caseId, attachments } = await submitted();
      const { metadata } = await registration(caseId);
      await harness.intake.app.get<SubjectKeys>(SUBJECT_KEYS).erase(metadata.dataSubjectId);

      const refused = await harness.download(caseId, attachments[0].id, await harness.token('registrar'));
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        errors: [{ field: 'attachmentId' }],
        rejection: { type: 'AttachmentErased', message: { bg: expect.any(String), en: expect.any(String) } },
      });
      const view = await harness.view(caseId, 'registrar');
      expect((view.body.content as { submission: { attachments: { name: unknown }[] } }).submission.attachments[0].name).toBeNull();
    });
  });
});
