/**
 * The analytics service as its own process, started as `npm start` starts it (node with the flags of
 * infra/node-flags.sh, here the copy compiled into dist-bench), so its memory is its own: RSS is read from
 * /proc/<pid>/status while the benchmark works it. Stopped with SIGTERM (SIGKILL if it does not go).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevIssuer, PLATFORM_OPERATOR } from '@civic/auth';
import { freePort, issuerEnvironment, kafkaBrokers, serviceNodeFlags, testClock, uniqueName } from '@civic/testing';
import { BenchSetupError } from '../lib/errors';

export interface ServiceProcess {
  url: string;
  issuer: DevIssuer;
  /** The process's resident memory now, MB. */
  rssMb(): number;
  /** Samples RSS every 100 ms until `stop`, which returns the peak (MB). */
  sampleRss(): { stop(): number };
  stop(): Promise<void>;
}

const MAIN = join(__dirname, '..', '..', 'services', 'analytics', 'src', 'main.js');

export async function startServiceProcess(options: {
  eventStoreUrl: string;
  mongoUri: string;
  now: string;
  env?: Record<string, string>;
}): Promise<ServiceProcess> {
  const issuer = await DevIssuer.start();
  const clock = testClock('bench-analytics-process', options.now);
  const port = await freePort();
  const env = {
    ...process.env,
    HTTP_PORT: String(port),
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: (await kafkaBrokers()).join(','),
    KAFKA_GROUP_ID: uniqueName('bench-analytics-process'),
    EVENT_STORE_URL: options.eventStoreUrl,
    MONGODB_URI: options.mongoUri,
    CLOCK_FILE: clock.file,
    ...issuerEnvironment(issuer),
    ...options.env,
  };
  // BENCH_SERVICE_NODE_FLAGS: extra node flags for the service alone (e.g. --max-old-space-size=128).
  const flags = (process.env.BENCH_SERVICE_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...serviceNodeFlags('analytics'), ...flags, MAIN], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await issuer.stop().catch(() => undefined);
    clock.remove();
  };
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return kb / 1024;
  };
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new BenchSetupError(`analytics exited with ${child.exitCode} at start`);
      const healthy = await fetch(`${url}/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) break;
      if (Date.now() > deadline) throw new BenchSetupError('analytics did not answer /health within a minute');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    issuer,
    rssMb,
    sampleRss() {
      let peak = rssMb();
      const timer = setInterval(() => {
        if (child.exitCode === null) peak = Math.max(peak, rssMb());
      }, 100);
      return {
        stop: () => {
          clearInterval(timer);
          if (child.exitCode === null) peak = Math.max(peak, rssMb());
          return peak;
        },
      };
    },
    stop,
  };
}

/** A rebuild asked over HTTP (`POST /admin/read-models/rebuild`) and watched to its switch. */
export async function rebuildOverHttp(service: ServiceProcess): Promise<{ applied: number; wallMs: number }> {
  const token = await service.issuer.sign({ ...PLATFORM_OPERATOR, roles: [...PLATFORM_OPERATOR.roles] });
  const headers = { authorization: `Bearer ${token}` };
  const started = performance.now();
  const response = await fetch(`${service.url}/admin/read-models/rebuild`, { method: 'POST', headers });
  if (response.status !== 202) throw new BenchSetupError(`POST /admin/read-models/rebuild: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const progress = (await (await fetch(`${service.url}/admin/read-models/rebuild/${id}`, { headers })).json()) as {
      status: string;
      applied: number;
      error: string | null;
    };
    if (progress.status === 'switched') return { applied: progress.applied, wallMs: performance.now() - started };
    if (progress.status === 'failed' || progress.status === 'abandoned')
      throw new BenchSetupError(`rebuild ${id}: ${progress.status} ${progress.error}`);
  }
}
