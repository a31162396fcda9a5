import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { IntakeConfig } from '../config';

/** Storage could not be reached, or is not configured: the request is answered 503, nothing half-stored counts. */
export class StorageUnavailableError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`object storage is unavailable: ${reason}`, options);
    this.name = 'StorageUnavailableError';
  }
}

/** What intake needs of object storage: whole objects by key. */
export interface ObjectStore {
  put(key: string, body: Buffer): Promise<void>;
  /** The object's bytes, or undefined when there is none under the key. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

/** S3-compatible storage (SeaweedFS locally, MinIO in docker-compose, any S3 in production) through the AWS SDK. */
export class S3ObjectStore implements ObjectStore {
  private bucketReady?: Promise<void>;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  static fromConfig(config: IntakeConfig): ObjectStore {
    const { S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_BUCKET } = config;
    if (S3_ENDPOINT === undefined || S3_ACCESS_KEY_ID === undefined || S3_SECRET_ACCESS_KEY === undefined) {
      return new UnconfiguredObjectStore();
    }
    const client = new S3Client({
      endpoint: S3_ENDPOINT,
      region: S3_REGION,
      credentials: { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY },
      // Buckets as paths (http://host:port/bucket/key): what S3-compatible servers answer without DNS per bucket.
      forcePathStyle: true,
      // Checksums only where S3 requires them: not every S3-compatible server knows the SDK's newer trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    });
    return new S3ObjectStore(client, S3_BUCKET);
  }

  async put(key: string, body: Buffer): Promise<void> {
    await this.ensureBucket();
    await this.send('store the file', () =>
      this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/octet-stream' })),
    );
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!answer.Body) return undefined;
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return undefined;
      throw new StorageUnavailableError(`could not read the file (${(error as Error).name})`, { cause: error });
    }
  }

  async delete(key: string): Promise<void> {
    await this.send('delete the file', () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  /** The bucket, made on first use when it is not there yet (a fresh server); remembered once it is. */
  private ensureBucket(): Promise<void> {
    this.bucketReady ??= this.makeBucket().catch((error: unknown) => {
      this.bucketReady = undefined;
      throw error;
    });
    return this.bucketReady;
  }

  private async makeBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (error) {
      if (!(error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) {
        throw new StorageUnavailableError(`could not reach the bucket ${this.bucket} (${(error as Error).name})`, { cause: error });
      }
    }
    await this.send(`create the bucket ${this.bucket}`, async () => {
      try {
        await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      } catch (error) {
        // Another instance made it in between: fine.
        if (!(error instanceof S3ServiceException && ['BucketAlreadyOwnedByYou', 'BucketAlreadyExists'].includes(error.name))) throw error;
      }
    });
  }

  private async send(what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      throw new StorageUnavailableError(`could not ${what} (${(error as Error).name})`, { cause: error });
    }
  }
}

/** No S3_ENDPOINT: every use says so, and the service answers 503 for requests that need storage. */
class UnconfiguredObjectStore implements ObjectStore {
  private refuse(): never {
    throw new StorageUnavailableError('S3_ENDPOINT is not set');
  }
  put(): Promise<void> {
    this.refuse();
  }
  get(): Promise<Buffer | undefined> {
    this.refuse();
  }
  delete(): Promise<void> {
    this.refuse();
  }
}
