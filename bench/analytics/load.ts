/**
 * Load from a second process: autocannon (pinned in package.json) as a child process on loopback, bounded
 * in time and count, its JSON summary read back.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { percentile } from '../lib/measure';

export interface LoadOptions {
  url: string;
  token: string;
  connections: number;
  /** How long the load lasts (autocannon's `-d`; its `-a` would make it ignore the duration). */
  seconds: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  /** Client-side latency, ms (autocannon's own percentiles: it has no p95). */
  p50: number;
  p97_5: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const AUTOCANNON = join(process.cwd(), 'node_modules', 'autocannon', 'autocannon.js');

export function autocannon(options: LoadOptions): Promise<LoadResult> {
  const args = [
    AUTOCANNON,
    '--json',
    '--no-progress',
    '-c',
    String(options.connections),
    '-d',
    String(options.seconds),
    '-t',
    '60',
    '-H',
    `authorization=Bearer ${options.token}`,
    options.url,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 2 ** 20, timeout: (options.seconds + 120) * 1000 }, (error, stdout) => {
      if (error) return reject(error);
      const summary = JSON.parse(stdout) as {
        requests: { total: number; average: number };
        latency: { p50: number; p97_5: number; p99: number };
        non2xx: number;
        errors: number;
        duration: number;
      };
      resolve({
        requests: summary.requests.total,
        requestsPerSecond: summary.requests.total / summary.duration,
        p50: summary.latency.p50,
        p97_5: summary.latency.p97_5,
        p99: summary.latency.p99,
        non2xx: summary.non2xx,
        errors: summary.errors,
      });
    });
  });
}

/** p50 and p95 of server times (ms). */
export function serverPercentiles(times: readonly number[]): { p50: number; p95: number; count: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), count: sorted.length };
}
