import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, freePort, WORKSPACE_ROOT } from '@civic/testing';
import { PLATFORM_OPERATOR, SEEDED_USERS, STAFF_ROLES, TokenVerifier } from '../src';

/** Built by `nx run auth:build`, the e2e target's dependency; the way `scripts/platform.sh` would run it. */
const ENTRY = join(WORKSPACE_ROOT, 'dist', 'libs', 'auth', 'src', 'dev', 'dev-issuer.main.js');

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [ENTRY], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, exited, output: () => output };
}

describe('the development issuer as a process', () => {
  beforeAll(() => {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: build first with \`npx nx run auth:build\``);
  });

  it('prints the services’ settings, writes a working token per seeded user of the tenant to a file of its user alone, and stops on SIGTERM', async () => {
    const port = await freePort();
    const tokensFile = join(mkdtempSync(join(tmpdir(), 'dev-issuer-')), 'civic', 'tokens.tsv');
    const issuer = run({ DEV_ISSUER_PORT: String(port), DEV_ISSUER_TENANT: 'sopot', DEV_ISSUER_TOKENS_FILE: tokensFile });
    try {
      const tokenLines = () =>
        (existsSync(tokensFile) ? readFileSync(tokensFile, 'utf8') : '').split('\n').filter((line) => line.split('\t').length === 4);
      await eventually(
        async () => tokenLines().length,
        // Every staff role of the tenant, and the platform's own operator.
        (n) => n === STAFF_ROLES.length + 1,
        { timeoutMs: 10_000, what: 'a token per role' },
      );
      expect(issuer.output()).toContain(`AUTH_JWKS_URL=http://127.0.0.1:${port}/.well-known/jwks.json`);
      expect(issuer.output()).toContain(`AUTH_ISSUER=http://127.0.0.1:${port}`);
      // Issue 21, item 10: the tokens are in the file (0600), never in the output, which often ends up in a log.
      expect(issuer.output()).toContain(tokensFile);
      expect(statSync(tokensFile).mode & 0o777).toBe(0o600);
      for (const line of tokenLines()) expect(issuer.output()).not.toContain(line.split('\t')[3]);
      expect(issuer.output()).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);

      const verifier = new TokenVerifier({
        jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        issuer: `http://127.0.0.1:${port}`,
        audience: 'civic-cases',
      });
      for (const line of tokenLines()) {
        const [role, sub, name, token] = line.split('\t');
        const principal = await verifier.verify(token);
        const seeded = role === 'platform-operator' ? PLATFORM_OPERATOR : SEEDED_USERS.sopot[role as keyof (typeof SEEDED_USERS)['sopot']];
        expect(principal).toEqual({ ...seeded });
        expect(principal).toMatchObject({ sub, name });
      }
    } finally {
      issuer.child.kill('SIGTERM');
    }
    expect(await issuer.exited).toBe(0);
  });

  it('refuses an unknown tenant, naming the setting, with the configuration exit code', async () => {
    const issuer = run({ DEV_ISSUER_PORT: '0', DEV_ISSUER_TENANT: 'atlantis' });
    expect(await issuer.exited).toBe(78);
    expect(issuer.output()).toContain('DEV_ISSUER_TENANT');
  });
});
