import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceNodeFlags } from '@civic/testing';
import { BenchSetupError } from './errors';

/**
 * A service as its own process, the way it runs under `npm start`: the entry point compiled with the benchmark
 * (bench/run.sh compiles services/ next to bench/ and libs/), so the load generator (in the benchmark's
 * process) and the service never share an event loop and the service's RSS is its own.
 */
export interface BenchService {
  name: string;
  url: string;
  pid: number;
  /** The last lines the service logged (its log goes to a temporary file, removed by stop()). */
  logTail(): string;
  /** The lines it logged at level error or above (pino: 50, 60). */
  errorLines(): string[];
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 60_000;

/**
 * `flags`: node flags added after the service's own (infra/node-flags.sh: source maps and its heap cap, as
 * `npm start` runs it), so they win: V8 settings, --cpu-prof. Default BENCH_SERVICE_NODE_FLAGS.
 */
export async function startService(
  name: string,
  env: Record<string, string>,
  flags = (process.env.BENCH_SERVICE_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean),
): Promise<BenchService> {
  const entry = join(__dirname, '..', '..', 'services', name, 'src', 'main.js');
  const folder = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const logFile = join(folder, `${name}.log`);
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [...serviceNodeFlags(name), ...flags, entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${env.HTTP_PORT}`;
  const logTail = () => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '';
    }
  };
  const errorLines = () => {
    try {
      return readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => /"level":(50|60)/.test(line))
        .map((line) => line.slice(0, 1_500));
    } catch {
      return [];
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    log.end();
    rmSync(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return { name, url, pid: child.pid ?? -1, logTail, errorLines, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = logTail();
  await stop();
  throw new BenchSetupError(`${name} did not become healthy; its log ends:\n${tail}`);
}
