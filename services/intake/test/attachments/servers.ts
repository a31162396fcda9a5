import { objectStorage, virusScanner } from '@civic/testing';

/**
 * The real S3 server and clamd for intake's attachment tests (libs/testing's `objectStorage()` and
 * `virusScanner()`, which fail naming the command that starts them), as the variables intake itself reads.
 */
export function attachmentServers(): Record<string, string> {
  const storage = objectStorage();
  const scanner = virusScanner();
  return {
    S3_ENDPOINT: storage.endpoint,
    S3_REGION: storage.region,
    S3_ACCESS_KEY_ID: storage.accessKeyId,
    S3_SECRET_ACCESS_KEY: storage.secretAccessKey,
    CLAMD_HOST: scanner.host,
    CLAMD_PORT: String(scanner.port),
  };
}
