import { randomUUID } from 'node:crypto';
import { DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Role } from '@civic/domain';
import { intakeAttachmentEnvironment, uniqueName } from '@civic/testing';
import type { AttachmentRecord } from '../../src/attachments/attachment-records';
import { ATTACHMENTS_COLLECTION } from '../../src/attachments/mongo-attachment-records';
import { ATTACHMENTS_TABLE, attachmentRecordOf, type AttachmentRow } from '../../src/attachments/postgres-attachment-records';
import { BOOKKEEPING, type Bookkeeping } from '@civic/platform';
import { startIntakeInProcess, type IntakeInProcess } from '../in-process';

export interface FilePart {
  name: string;
  bytes: Buffer;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
  bytes: Buffer;
}

/**
 * intake in process on the real servers, S3 and clamd included, with a bucket of its own (made by intake
 * on first use, emptied and removed at the end), and the calls the attachment tests make.
 */
export class AttachmentsHarness {
  private constructor(
    readonly intake: IntakeInProcess,
    readonly s3: S3Client,
    readonly bucket: string,
    readonly env: Record<string, string>,
  ) {}

  /** `env` over the servers' settings, e.g. a clamd port nobody listens on. */
  static async start(env: Record<string, string> = {}): Promise<AttachmentsHarness> {
    const servers = intakeAttachmentEnvironment();
    const bucket = uniqueName('attachments');
    const settings = { ...servers, S3_BUCKET: bucket, PUBLIC_SUBMITS_PER_MINUTE: '1000', PUBLIC_REQUESTS_PER_MINUTE: '1000', ...env };
    const intake = await startIntakeInProcess(settings);
    const s3 = new S3Client({
      endpoint: servers.S3_ENDPOINT,
      region: servers.S3_REGION,
      credentials: { accessKeyId: servers.S3_ACCESS_KEY_ID, secretAccessKey: servers.S3_SECRET_ACCESS_KEY },
      forcePathStyle: true,
    });
    return new AttachmentsHarness(intake, s3, bucket, settings);
  }

  async close(): Promise<void> {
    try {
      for (const key of await this.objectKeys()) await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
      await this.s3.send(new DeleteBucketCommand({ Bucket: this.bucket })).catch(() => undefined);
    } finally {
      this.s3.destroy();
      await this.intake.close();
    }
  }

  /** POST /public/:tenant/cases as multipart/form-data: the submission part, then the files in order. */
  async submit(submission: unknown, parts: readonly FilePart[], options: { key?: string; tenant?: string } = {}): Promise<Answer> {
    const form = new FormData();
    form.append('submission', typeof submission === 'string' ? submission : JSON.stringify(submission));
    for (const part of parts) form.append('attachments', new Blob([part.bytes]), part.name);
    return this.fetch(`/public/${options.tenant ?? 'peshtera'}/cases`, {
      method: 'POST',
      headers: { 'idempotency-key': options.key ?? randomUUID() },
      body: form,
    });
  }

  async token(role: Role, sub = `peshtera:${role}`, tenant = 'peshtera'): Promise<string> {
    return this.intake.issuer.sign({ sub, tenant, roles: [role] });
  }

  async view(caseId: string, role: Role = 'registrar'): Promise<Answer> {
    return this.fetch(`/tenants/peshtera/cases/${caseId}`, { headers: { authorization: `Bearer ${await this.token(role)}` } });
  }

  async download(caseId: string, attachmentId: string, token: string, tenant = 'peshtera'): Promise<Answer> {
    return this.fetch(`/tenants/${tenant}/cases/${caseId}/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${token}` } });
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(`${this.intake.url}${path}`, init);
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get('content-type') ?? '').includes('application/json');
    return {
      status: response.status,
      headers: response.headers,
      bytes,
      body: json && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : {},
    };
  }

  /** Every object in the bucket. */
  async objectKeys(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3
        .send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }))
        .catch((error: { name?: string }) =>
          error.name === 'NoSuchBucket' ? { Contents: [], NextContinuationToken: undefined } : Promise.reject(error),
        );
      keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
      token = page.NextContinuationToken;
    } while (token);
    return keys.sort();
  }

  async object(key: string): Promise<Buffer> {
    const got = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from((await got.Body?.transformToByteArray()) ?? []);
  }

  /** intake's per-file records, as stored in its bookkeeping: a case's, or all. */
  async records(filter: { caseId?: string } = {}): Promise<AttachmentRecord[]> {
    const bookkeeping = this.intake.app.get<Bookkeeping>(BOOKKEEPING);
    if (bookkeeping.kind === 'mongodb') return bookkeeping.db.collection<AttachmentRecord>(ATTACHMENTS_COLLECTION).find(filter).toArray();
    const { rows } =
      filter.caseId === undefined
        ? await bookkeeping.pool.query<AttachmentRow>(`select * from ${ATTACHMENTS_TABLE} order by stored_at, id`)
        : await bookkeeping.pool.query<AttachmentRow>(`select * from ${ATTACHMENTS_TABLE} where case_id = $1 order by stored_at, id`, [
            filter.caseId,
          ]);
    return rows.map(attachmentRecordOf);
  }
}
