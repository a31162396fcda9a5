/**
 * The development issuer as a process, for `npm start` and demos:
 *   node dist/libs/auth/src/dev/dev-issuer.main.js
 * Env: DEV_ISSUER_PORT (default 3010), DEV_ISSUER_TENANT (default peshtera), DEV_ISSUER_TOKENS_FILE (default
 * ~/.civic/dev-issuer-tokens.tsv), DEV_OPEN311_KEYS_FILE (optional).
 * Prints the settings the services need and where the secrets are: a 12-hour token per seeded user of the tenant,
 * written to the tokens file (0600: this user alone reads it), and, with a keys file, each seed tenant's
 * development Open311 API key (0600 too). No token or key is printed: the output often ends up in a log others
 * read. Stops on SIGTERM or SIGINT. A production service refuses this issuer (libs/platform deployment.ts).
 * The key pair lives only in this process: after a restart, earlier tokens no longer verify.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DevIssuer } from './dev-issuer';
import { writePrivateFile } from './private-file';
import { developmentOpen311Keys } from './open311-keys';
import { PLATFORM_OPERATOR, SEED_TENANTS, SEEDED_USERS } from './seeded-users';

const TOKEN_TTL_SECONDS = 12 * 3600;

const environment = z.object({
  DEV_ISSUER_PORT: z.coerce.number().int().min(0).max(65535).default(3010),
  DEV_ISSUER_TENANT: z.enum(SEED_TENANTS).default('peshtera'),
  /** Where to listen; 0.0.0.0 inside a container. */
  DEV_ISSUER_HOST: z.string().min(1).default('127.0.0.1'),
  /** The issuer as the services know it (in a container network, e.g. http://dev-issuer:3010); default its own address. */
  DEV_ISSUER_URL: z.string().url().optional(),
  /** Where the tokens are written, for this user alone (0600). */
  DEV_ISSUER_TOKENS_FILE: z
    .string()
    .min(1)
    .default(join(homedir(), '.civic', 'dev-issuer-tokens.tsv')),
  /** Where the development Open311 API keys are kept (created on the first start); `npm start` sets it. */
  DEV_OPEN311_KEYS_FILE: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const parsed = environment.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
    process.exit(78);
  }
  const {
    DEV_ISSUER_PORT: port,
    DEV_ISSUER_TENANT: tenant,
    DEV_ISSUER_HOST: host,
    DEV_ISSUER_URL: url,
    DEV_ISSUER_TOKENS_FILE: tokensFile,
    DEV_OPEN311_KEYS_FILE: keysFile,
  } = parsed.data;
  // Before the issuer answers: `npm start` reads the file once the JWKS is served.
  const open311Keys = keysFile ? developmentOpen311Keys(keysFile) : undefined;
  const issuer = await DevIssuer.start({ port, host, issuer: url });

  const tokens: string[] = [];
  for (const user of [...Object.values(SEEDED_USERS[tenant]), PLATFORM_OPERATOR]) {
    tokens.push(
      `${user.roles[0]}\t${user.sub}\t${user.name}\t${await issuer.sign({ ...user, roles: [...user.roles] }, TOKEN_TTL_SECONDS)}\n`,
    );
  }
  writePrivateFile(tokensFile, tokens.join(''));

  const lines = [
    `development token issuer at ${issuer.issuer} (development only: a production service refuses it)`,
    `AUTH_JWKS_URL=${issuer.jwksUrl}`,
    `AUTH_ISSUER=${issuer.issuer}`,
    `AUTH_AUDIENCE=${issuer.audience}`,
    '',
    `tokens for ${tenant}, valid ${TOKEN_TTL_SECONDS / 3600} h, one line per user (role, sub, name, token), in ${tokensFile} (yours alone, 0600)`,
  ];
  if (open311Keys) lines.push(`Open311 API keys (api_key of POST /open311/v2/requests.json) in ${keysFile} (yours alone, 0600)`);
  console.log(lines.join('\n'));

  const stop = (signal: string) => {
    console.log(`${signal}: stopping the development issuer`);
    issuer.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
