import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WORKSPACE_ROOT } from '@civic/testing';

const run = promisify(execFile);
const SERVERS_SCRIPT = join(WORKSPACE_ROOT, 'infra', 'local', 'servers.sh');
const STATE_DIR = process.env.CIVIC_STATE_DIR ?? join(WORKSPACE_ROOT, '.local');

export type LocalServer = 'kafka' | 'postgres' | 'ferretdb';

/** Starts a local server again (infra/local/servers.sh up: it waits until the server answers). */
export async function startServer(server: LocalServer): Promise<void> {
  await run('bash', [SERVERS_SCRIPT, 'up', server], { cwd: WORKSPACE_ROOT, maxBuffer: 16 * 1024 * 1024 });
}

/** A graceful stop, as an operator's restart does. */
export async function stopServer(server: LocalServer): Promise<void> {
  await run('bash', [SERVERS_SCRIPT, 'down', server], { cwd: WORKSPACE_ROOT, maxBuffer: 16 * 1024 * 1024 });
}

/** SIGKILL: the server dies as in a crash, without flushing or closing anything. */
export function killServer(server: Exclude<LocalServer, 'postgres'>): void {
  const pid = Number(
    readFileSync(join(STATE_DIR, server, 'server.pid'), 'utf8')
      .trim()
      .split('\n')[0],
  );
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no pid for ${server} in ${STATE_DIR}/${server}/server.pid`);
  process.kill(pid, 'SIGKILL');
}

/** This machine's local servers, or a clear refusal: the suite stops and kills them, so it runs only on them. */
export function requireLocalServers(): void {
  try {
    readFileSync(join(STATE_DIR, 'env.sh'));
  } catch {
    throw new Error('the fault suite kills and restarts the local servers: start them first (bash infra/local/servers.sh up)');
  }
}
