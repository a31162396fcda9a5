import { fromEnvironment } from '@civic/testing';

/**
 * The real S3 server and clamd for intake's attachment tests, from the environment or `.local/env.sh` (the
 * variables intake itself reads). libs/testing's `objectStorage()` / `virusScanner()` (branch s3clam) give the
 * same; until they are on main this reads them here, and fails naming the command that starts the servers.
 */
export function attachmentServers(): Record<string, string> {
  const wanted = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'CLAMD_HOST', 'CLAMD_PORT'] as const;
  const values = Object.fromEntries(wanted.map((name) => [name, fromEnvironment(name)]));
  const missing = wanted.filter((name) => !values[name]);
  if (missing.length > 0) {
    throw new Error(
      `No object storage or virus scanner for this test: ${missing.join(', ')} not set (nor in .local/env.sh). ` +
        'Start them with `bash infra/local/servers.sh up s3` and `bash infra/local/servers.sh up clamav`.',
    );
  }
  return { ...(values as Record<(typeof wanted)[number], string>), S3_REGION: fromEnvironment('S3_REGION') ?? 'us-east-1' };
}
