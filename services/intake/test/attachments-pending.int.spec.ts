import { randomUUID } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import type { EventStore, SubjectKeys } from '@civic/event-store';
import { caseStreamName, EVENT_STORE, SUBJECT_KEYS } from '@civic/platform';
import { freePort, intakeAttachmentEnvironment } from '@civic/testing';
import { AttachmentRecords } from '../src/attachments/attachment-records';
import { AttachmentVault } from '../src/attachments/attachment-vault';
import { AttachmentNotOpenedError } from '../src/attachments/errors';
import { S3ObjectStore } from '../src/attachments/object-storage';
import { ClamdScanner } from '../src/attachments/virus-scanner';
import { AttachmentsHarness, type FilePart } from './attachments/harness';
import * as files from './attachments/sample-files';

const complaint = () => ({
  kind: 'complaint',
  category: 'waste-cleanliness',
  submitter: { name: 'Георги Иванов', email: `georgi.${randomUUID().slice(0, 8)}@example.bg` },
  text: `Счупена улична лампа (${randomUUID()}).`,
});

// The scanner is down when a citizen submits: the submission is not lost (files stored as `pending`), and
// staff open a file only once a scan, made when it is first opened, finds it clean.
describe('files submitted while the virus scanner cannot be reached', () => {
  let harness: AttachmentsHarness;
  /** What intake does when staff open a file once clamd answers again: the same records, objects and keys, the real clamd. */
  let scannerBack: AttachmentVault;

  beforeAll(async () => {
    // Nobody listens on this port: clamd "down".
    harness = await AttachmentsHarness.start({ CLAMD_PORT: String(await freePort()), CLAMD_TIMEOUT_MS: '2000' });
    const servers = intakeAttachmentEnvironment();
    const s3 = new S3Client({
      endpoint: servers.S3_ENDPOINT,
      region: servers.S3_REGION,
      credentials: { accessKeyId: servers.S3_ACCESS_KEY_ID, secretAccessKey: servers.S3_SECRET_ACCESS_KEY },
      forcePathStyle: true,
    });
    scannerBack = new AttachmentVault(
      new S3ObjectStore(s3, harness.bucket),
      new ClamdScanner(servers.CLAMD_HOST, Number(servers.CLAMD_PORT), 10_000),
      harness.intake.app.get(AttachmentRecords),
      harness.intake.app.get<SubjectKeys>(SUBJECT_KEYS),
    );
  });

  afterAll(async () => {
    await harness?.close();
  });

  const submitted = async (part: FilePart) => {
    const answer = await harness.submit(complaint(), [part]);
    expect(answer.status).toBe(201);
    const caseId = answer.body.caseId as string;
    const [registered] = await harness.intake.app.get<EventStore>(EVENT_STORE).readStream(caseStreamName(caseId));
    return { caseId, attachmentId: (registered.data as { attachments: { id: string }[] }).attachments[0].id };
  };
  const scanShown = async (caseId: string) =>
    ((await harness.view(caseId)).body.content as { submission: { attachments: { scan: string }[] } }).submission.attachments[0].scan;

  it('takes the submission and stores the file as pending; staff cannot open it until a scan finds it clean', async () => {
    const pdf = files.pdf();
    const { caseId, attachmentId } = await submitted({ name: 'жалба.pdf', bytes: pdf });
    expect((await harness.records({ caseId })).map((record) => record.scan)).toEqual(['pending']);
    expect(await harness.objectKeys()).toContain(`peshtera/${caseId}/${attachmentId}`);
    expect(await scanShown(caseId)).toBe('pending');

    // Opening it scans it now; the scanner is still down: 409, and still pending.
    const token = await harness.token('registrar');
    const refused = await harness.download(caseId, attachmentId, token);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      rejection: { type: 'AttachmentNotScanned', message: { bg: expect.any(String), en: expect.any(String) } },
    });
    expect((await harness.records({ caseId }))[0].scan).toBe('pending');

    // clamd answers again: the first opening scans it, keeps the verdict, and hands out the bytes.
    const opened = await scannerBack.open({ tenant: 'peshtera', caseId, attachmentId, now: new Date('2026-11-16T10:00:00Z') });
    expect(opened.bytes.equals(pdf)).toBe(true);
    expect((await harness.records({ caseId }))[0]).toMatchObject({ scan: 'clean', scannedAt: new Date('2026-11-16T10:00:00Z') });
    expect(await scanShown(caseId)).toBe('clean');
    const file = await harness.download(caseId, attachmentId, token);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(pdf)).toBe(true);
  });

  it('every file of the submission is kept pending, the scanner tried once', async () => {
    const started = Date.now();
    const answer = await harness.submit(complaint(), [
      { name: 'a.pdf', bytes: files.pdf() },
      { name: 'b.png', bytes: files.png() },
      { name: 'c.txt', bytes: files.text() },
    ]);
    expect(answer.status).toBe(201);
    expect((await harness.records({ caseId: answer.body.caseId as string })).map((record) => record.scan)).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a pending file found infected when first opened is refused for good, the signature kept', async () => {
    const { caseId, attachmentId } = await submitted({ name: 'фактура.txt', bytes: files.eicar() });
    await expect(scannerBack.open({ tenant: 'peshtera', caseId, attachmentId, now: new Date('2026-11-16T10:00:00Z') })).rejects.toEqual(
      new AttachmentNotOpenedError('AttachmentInfected'),
    );
    expect((await harness.records({ caseId }))[0]).toMatchObject({ scan: 'infected', signature: expect.stringMatching(/eicar/i) });
    expect(await scanShown(caseId)).toBe('infected');
    const refused = await harness.download(caseId, attachmentId, await harness.token('registrar'));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ rejection: { type: 'AttachmentInfected' } });
  });
});
