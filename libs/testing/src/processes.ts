import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './servers';

/** A port the OS says is free now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** JSON log lines parsed; non-JSON lines are skipped. */
  logs(): Record<string, unknown>[];
  /** Sends the signal and resolves with the exit code (or the signal name) once the process ended. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
  exited: Promise<number | string>;
}

/** The compiled entry point of a service; `nx run <service>:build` (the e2e target's dependency) makes it. */
export function serviceEntryPoint(service: string): string {
  const entry = join(WORKSPACE_ROOT, 'dist', 'services', service, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first with \`npx nx run ${service}:build\``);
  return entry;
}

/** The node flags the service runs with everywhere (infra/node-flags.sh: source maps, its heap cap). */
export function serviceNodeFlags(service: string): string[] {
  return execFileSync('sh', [join(WORKSPACE_ROOT, 'infra', 'node-flags.sh'), service], { encoding: 'utf8' })
    .trim()
    .split(/\s+/);
}

/** Starts a service as its own process, the way it runs in production (its flags included). */
export function spawnService(service: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, [...serviceNodeFlags(service), serviceEntryPoint(service)], {
    cwd: WORKSPACE_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = `http://${env.HTTP_HOST ?? '127.0.0.1'}:${env.HTTP_PORT}`;
  return {
    name: service,
    url,
    child,
    output: () => output,
    logs: () =>
      output.split('\n').flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    exited,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface HealthReport {
  status: string;
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string; message?: string }>;
  details: Record<string, { status: string }>;
}

/**
 * The probe secret every service gets in the tests (serviceTestEnvironment): with it, `/health` names each
 * dependency, as a readiness probe with credentials would read it (libs/platform health/health-access.ts).
 */
export const TEST_HEALTH_PROBE_SECRET = 'test-health-probe-secret-not-for-production';

/**
 * Polls `/health` until it answers 200, the process dies, or the time runs out (with the log in the error). Asked
 * with the tests' probe secret: the report names each dependency when the service was started with it.
 */
export async function waitForHealthy(service: ServiceProcess, timeoutMs = 60_000): Promise<HealthReport> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  let dead = false;
  void service.exited.then(() => (dead = true));
  while (Date.now() < deadline && !dead) {
    try {
      const response = await fetch(`${service.url}/health`, { headers: { 'x-health-probe-secret': TEST_HEALTH_PROBE_SECRET } });
      const body = (await response.json()) as HealthReport;
      if (response.status === 200) return body;
      last = `${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `${service.name} did not become healthy (${dead ? 'process exited' : 'timed out'}; last: ${last}). Output:\n${service.output().slice(-4000)}`,
  );
}
