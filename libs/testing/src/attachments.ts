import { fromEnvironment } from './servers';

/**
 * Where citizens' attachments go in the tests: the S3-compatible object storage and the ClamAV daemon that
 * `bash infra/local/servers.sh up` starts (SeaweedFS and clamd, see infra/local/s3.sh and clamav.sh), found
 * through the same variables the services read, from the environment or `.local/env.sh`. There is no container
 * to fall back on: without them a test fails saying how to start the server, never skips.
 *
 * The bucket is shared by every test running at the time: write under keys of your own (`uniqueName`), and
 * never empty the bucket.
 */
export interface ObjectStorage {
  /** e.g. `http://127.0.0.1:8333` (path-style addressing: `forcePathStyle: true`). */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The attachments' bucket, e.g. `civic-attachments`; `servers.sh up s3` creates it. */
  bucket: string;
}

/** clamd's TCP address (its INSTREAM command scans what is sent). */
export interface VirusScanner {
  host: string;
  port: number;
}

export class MissingAttachmentServerError extends Error {
  constructor(server: string, variables: string[], target: 's3' | 'clamav') {
    super(
      `No ${server} for this test: ${variables.join(', ')} ${variables.length > 1 ? 'are' : 'is'} not set (nor in .local/env.sh). ` +
        `Start it with \`bash infra/local/servers.sh up ${target}\` (\`bash infra/local/servers.sh up\` starts it with the others).`,
    );
    this.name = 'MissingAttachmentServerError';
  }
}

function settings<K extends string>(variables: readonly K[], onMissing: (missing: K[]) => Error): Record<K, string> {
  const values = Object.fromEntries(variables.map((v) => [v, fromEnvironment(v)])) as Record<K, string | undefined>;
  const missing = variables.filter((v) => !values[v]);
  if (missing.length > 0) throw onMissing(missing);
  return values as Record<K, string>;
}

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_BUCKET'] as const;

/** The object storage (see above); throws naming `servers.sh up s3` when it is not configured. */
export function objectStorage(): ObjectStorage {
  const s = settings(S3_VARIABLES, (missing) => new MissingAttachmentServerError('S3 object storage', missing, 's3'));
  return {
    endpoint: s.S3_ENDPOINT.replace(/\/$/, ''),
    region: s.S3_REGION,
    accessKeyId: s.S3_ACCESS_KEY_ID,
    secretAccessKey: s.S3_SECRET_ACCESS_KEY,
    bucket: s.S3_BUCKET,
  };
}

/** The virus scanner (see above); throws naming `servers.sh up clamav` when it is not configured. */
export function virusScanner(): VirusScanner {
  const s = settings(
    ['CLAMD_HOST', 'CLAMD_PORT'] as const,
    (missing) => new MissingAttachmentServerError('ClamAV daemon', missing, 'clamav'),
  );
  const port = Number(s.CLAMD_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`CLAMD_PORT must be a TCP port, got "${s.CLAMD_PORT}"`);
  return { host: s.CLAMD_HOST, port };
}

/**
 * The real S3 server and clamd as the variables intake itself reads, for an intake under test (in the test's
 * process or as a process of its own); `objectStorage()` and `virusScanner()` fail naming the command that
 * starts them.
 */
export function intakeAttachmentEnvironment(): Record<string, string> {
  const storage = objectStorage();
  const scanner = virusScanner();
  return {
    S3_ENDPOINT: storage.endpoint,
    S3_REGION: storage.region,
    S3_ACCESS_KEY_ID: storage.accessKeyId,
    S3_SECRET_ACCESS_KEY: storage.secretAccessKey,
    S3_BUCKET: storage.bucket,
    CLAMD_HOST: scanner.host,
    CLAMD_PORT: String(scanner.port),
  };
}

/**
 * The EICAR test file (eicar.org): the harmless 68 bytes every virus scanner reports as infected, so a test
 * can prove a refusal. Put together here so that no file of the repository holds it whole (a developer's own
 * scanner would flag that file).
 */
export function eicarTestFile(): Buffer {
  return Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS', '-TEST-FILE!$H+H*'].join(''), 'ascii');
}
