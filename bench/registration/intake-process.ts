import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchSetupError } from '../lib/errors';

/**
 * intake as its own process, the way it runs under `npm start`: the entry point compiled with the benchmark
 * (bench/run.sh compiles services/ next to bench/ and libs/), so the load generator (autocannon, in the
 * benchmark's process) and intake never share an event loop and intake's RSS is its own.
 */
export interface IntakeProcess {
  url: string;
  pid: number;
  /** The last lines intake logged (its log goes to a temporary file, removed by stop()). */
  logTail(): string;
  /** The lines intake logged at level error or above (pino: 50, 60). */
  errorLines(): string[];
  stop(): Promise<void>;
}

const ENTRY = join(__dirname, '..', '..', 'services', 'intake', 'src', 'main.js');
const HEALTH_TIMEOUT_MS = 60_000;

export async function startIntake(env: Record<string, string>): Promise<IntakeProcess> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  const logFile = join(folder, 'intake.log');
  const log = createWriteStream(logFile);
  // Node's own flags for intake (V8 heap settings, --cpu-prof), from BENCH_INTAKE_NODE_FLAGS.
  const flags = (process.env.BENCH_INTAKE_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', ...flags, ENTRY], {
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
      if (response.status === 200) return { url, pid: child.pid ?? -1, logTail, errorLines, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = logTail();
  await stop();
  throw new BenchSetupError(`intake did not become healthy; its log ends:\n${tail}`);
}
