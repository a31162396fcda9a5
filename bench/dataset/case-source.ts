/**
 * The cases of every tenant in one stream, in the order of registration across the tenants. Simulated in
 * this thread, or in worker threads (each owning whole tenants, so each tenant's cases come out exactly as in
 * this thread: its own generator, its own officers' workload) while this thread writes.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TenantCases, type GeneratedCase } from './tenant-cases';
import type { DatasetTenant } from './tenants';

export interface TenantShare {
  tenant: DatasetTenant;
  count: number;
}

export interface SimulationSettings {
  seed: number;
  now: number;
  years: number;
}

export interface CaseSource {
  /** The next case registered anywhere; undefined when every tenant's are out. */
  next(): Promise<GeneratedCase | undefined>;
  close(): Promise<void>;
}

/** Simulates in this thread. */
export function inThisThread(shares: TenantShare[], settings: SimulationSettings): CaseSource {
  const sources = shares.map(({ tenant, count }) => new TenantCases(tenant, count, settings.seed, settings.now, settings.years));
  return {
    async next() {
      let source: TenantCases | undefined;
      for (const candidate of sources) {
        const at = candidate.nextAt;
        if (at !== undefined && (source === undefined || at < (source.nextAt as number))) source = candidate;
      }
      return source?.next();
    },
    close: async () => undefined,
  };
}

/** What a worker is asked to simulate. */
export interface WorkerJob extends SimulationSettings {
  tenants: { slug: string; count: number }[];
  chunk: number;
  /** Chunks of a tenant a worker may have sent and not seen taken. */
  ahead: number;
}

export type WorkerMessage = { slug: string; cases: GeneratedCase[]; done: boolean } | { error: string };

/** The compiled worker next to this file; none when running from TypeScript (tests), which simulate in this thread. */
export const WORKER_FILE = __filename.endsWith('.js') ? join(__dirname, 'simulation-worker.js') : undefined;

interface Queue {
  cases: GeneratedCase[];
  at: number;
  taken: number;
  done: boolean;
  worker: Worker;
}

/** Simulates in `workers` threads, tenants dealt out by size; the merge waits for a tenant whose next case is not there yet. */
export function inWorkers(shares: TenantShare[], settings: SimulationSettings, workers: number, file: string): CaseSource {
  const chunk = 100;
  const groups: TenantShare[][] = Array.from({ length: Math.max(1, Math.min(workers, shares.length)) }, () => []);
  const load = groups.map(() => 0);
  for (const share of [...shares].sort((a, b) => b.count - a.count)) {
    const least = load.indexOf(Math.min(...load));
    groups[least].push(share);
    load[least] += share.count;
  }
  const queues = new Map<string, Queue>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const threads = groups.map((group) => {
    const worker = new Worker(file, {
      workerData: {
        ...settings,
        tenants: group.map(({ tenant, count }) => ({ slug: tenant.charter.slug, count })),
        chunk,
        ahead: 4,
      } satisfies WorkerJob,
    });
    for (const { tenant, count } of group) queues.set(tenant.charter.slug, { cases: [], at: 0, taken: 0, done: count === 0, worker });
    worker.on('message', (message: WorkerMessage) => {
      if ('error' in message) failure ??= new Error(`simulation worker: ${message.error}`);
      else {
        const queue = queues.get(message.slug) as Queue;
        queue.cases.push(...message.cases);
        queue.done = message.done;
      }
      wake?.();
    });
    worker.on('error', (error) => {
      failure ??= error;
      wake?.();
    });
    return worker;
  });

  const pending = (queue: Queue) => queue.cases.length - queue.at;
  return {
    async next() {
      for (;;) {
        if (failure) throw failure;
        // A tenant still producing with nothing queued could hold the earliest case: wait for it.
        const starving = [...queues.values()].some((queue) => !queue.done && pending(queue) === 0);
        if (!starving) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      let chosen: [string, Queue] | undefined;
      for (const entry of queues) {
        const queue = entry[1];
        if (pending(queue) === 0) continue;
        if (!chosen || queue.cases[queue.at].registeredAt < chosen[1].cases[chosen[1].at].registeredAt) chosen = entry;
      }
      if (!chosen) return undefined;
      const [slug, queue] = chosen;
      const generated = queue.cases[queue.at++];
      // Each chunk taken lets the worker send one more of this tenant's.
      if (++queue.taken % chunk === 0) queue.worker.postMessage({ took: slug });
      if (queue.at > 10 * chunk) {
        queue.cases = queue.cases.slice(queue.at);
        queue.at = 0;
      }
      return generated;
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}
