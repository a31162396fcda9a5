/**
 * A worker thread simulating whole tenants (case-source.ts `inWorkers`): each tenant's cases in registration
 * order, in chunks, at most `ahead` chunks of a tenant not yet taken by the writing thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerJob, WorkerMessage } from './case-source';
import { TenantCases, type GeneratedCase } from './tenant-cases';
import { loadTenants } from './tenants';

const job = workerData as WorkerJob;
const port = parentPort;
if (!port) throw new Error('simulation-worker.js runs as a worker thread');

// The tenants as the writing thread has them (the ids of the officers' event are that thread's business).
const tenants = loadTenants(() => ({
  commandId: 'worker',
  correlationId: 'worker',
  eventId: 'worker',
  now: new Date(job.now).toISOString(),
}));
const sources = job.tenants.map(({ slug, count }) => {
  const tenant = tenants.find((candidate) => candidate.charter.slug === slug);
  if (!tenant) throw new Error(`unknown tenant ${slug}`);
  return { slug, cases: new TenantCases(tenant, count, job.seed, job.now, job.years), credit: job.ahead };
});

function pump(): void {
  try {
    for (let progressed = true; progressed; ) {
      progressed = false;
      for (const source of sources) {
        if (source.credit <= 0 || source.cases.remaining === 0) continue;
        const chunk: GeneratedCase[] = [];
        for (let c = source.cases.next(); c; c = chunk.length < job.chunk ? source.cases.next() : undefined) chunk.push(c);
        source.credit -= 1;
        port?.postMessage({ slug: source.slug, cases: chunk, done: source.cases.remaining === 0 } satisfies WorkerMessage);
        progressed = true;
      }
    }
  } catch (error) {
    port?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerMessage);
  }
}

port.on('message', (message: { took: string }) => {
  const source = sources.find((candidate) => candidate.slug === message.took);
  if (source) source.credit += 1;
  setImmediate(pump);
});
pump();
