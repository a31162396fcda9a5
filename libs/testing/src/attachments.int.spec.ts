import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import NodeClam from 'clamscan';
import { eicarTestFile, objectStorage, virusScanner, type ObjectStorage } from './attachments';
import { uniqueName } from './names';

describe('the object storage for attachments', () => {
  let storage: ObjectStorage;
  let s3: S3Client;
  beforeAll(() => {
    storage = objectStorage();
    s3 = new S3Client({
      endpoint: storage.endpoint,
      region: storage.region,
      credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
      forcePathStyle: true,
    });
  });
  afterAll(() => s3?.destroy());

  it('keeps an object byte for byte in the bucket, and deletes it', async () => {
    const key = `testing/${uniqueName('object')}`;
    const body = Buffer.concat([Buffer.from('Сигнал с приложение / a report with an attachment\n'), Buffer.alloc(256 * 1024, 0xa5)]);
    await s3.send(new PutObjectCommand({ Bucket: storage.bucket, Key: key, Body: body, ContentType: 'application/pdf' }));

    const got = await s3.send(new GetObjectCommand({ Bucket: storage.bucket, Key: key }));
    expect(got.ContentType).toBe('application/pdf');
    expect(Buffer.from((await got.Body?.transformToByteArray()) ?? []).equals(body)).toBe(true);

    await s3.send(new DeleteObjectCommand({ Bucket: storage.bucket, Key: key }));
    await expect(s3.send(new HeadObjectCommand({ Bucket: storage.bucket, Key: key }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('the virus scanner for attachments', () => {
  let clam: NodeClam;
  beforeAll(async () => {
    const { host, port } = virusScanner();
    clam = await new NodeClam().init({
      removeInfected: false,
      quarantineInfected: false,
      scanLog: null,
      clamscan: { active: false },
      clamdscan: { host, port, timeout: 10_000, localFallback: false, active: true },
      preference: 'clamdscan',
    });
  });

  it('finds the EICAR test file', async () => {
    const result = await clam.scanStream(Readable.from([eicarTestFile()]));
    expect(result.isInfected).toBe(true);
    expect(result.viruses.join(' ')).toMatch(/eicar/i);
  });

  it('passes a harmless file', async () => {
    const result = await clam.scanStream(Readable.from([Buffer.from('%PDF-1.4\n% Жалба за дупка на улицата\n')]));
    expect(result).toMatchObject({ isInfected: false, viruses: [] });
  });
});
