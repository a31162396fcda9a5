import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { percentile } from '../lib/measure';
import { nthRequest, type RegistrationRequest } from './submissions';

export interface LoadFigures {
  phase: string;
  connections: number | 'open';
  /** 201 Created. */
  registered: number;
  /** Any other answer, or no answer (connection error, timeout). */
  failed: number;
  statusCounts: Record<string, number>;
  elapsedMs: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** 201s per tenant, for the check that every one of them drew exactly one registry number. */
  registeredByTenant: Map<string, number>;
  /** Requests per tenant that got no answer (timed out, connection lost): intake may still have registered them. */
  unansweredByTenant: Map<string, number>;
  /** Requests per tenant answered with anything but 201: one that failed after drawing its number leaves that number without a case. */
  failedByTenant: Map<string, number>;
  /** Open loop: it stopped offering early because this many requests were waiting for an answer. */
  saturatedAt?: { seconds: number; outstanding: number };
}

export interface ClosedLoop {
  url: string;
  tokens: Map<string, string>;
  connections: number;
  seconds: number;
  maxRequests: number;
  phase: string;
}

/**
 * Closed loop with autocannon: `connections` keep-alive connections, each sending its next registration as
 * soon as the last one is answered, until `seconds` or `maxRequests` answers, whichever comes first. Each
 * request is built by `setupRequest`: the next tenant in turn, a fresh Idempotency-Key and body.
 * Latencies are autocannon's per-request response times; the rate counts 201s over the time from the start
 * to the last answer (autocannon itself only notices the end on its next one-second tick).
 */
export async function closedLoop({ url, tokens, connections, seconds, maxRequests, phase }: ClosedLoop): Promise<LoadFigures> {
  let sent = 0;
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const registeredByTenant = new Map<string, number>();
  const failedByTenant = new Map<string, number>();
  // Built per tenant: those not answered were in flight when the loop stopped (or never sent), and may be registered.
  const builtByTenant = new Map<string, number>();
  let answered = 0;
  let lastAnswerAt = 0;
  const started = performance.now();
  let finish: (error: unknown, result: autocannon.Result) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url,
      connections,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          setupRequest: (req: autocannon.Request, context: object) => {
            const next = nthRequest(sent, tokens);
            sent += 1;
            count(builtByTenant, next.tenant);
            // Which tenant this connection's request is for: a connection has one request in flight at a time.
            (context as { tenant?: string }).tenant = next.tenant;
            return { ...req, path: next.path, headers: next.headers, body: next.body };
          },
        },
      ],
    },
    (error, result) => finish(error, result),
  );
  instance.on('response', (client, statusCode, _bytes, ms) => {
    answered += 1;
    lastAnswerAt = performance.now();
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    latencies.push(ms);
    // The context of the request just answered: the next one is built only after this event.
    const tenant = (client as unknown as { requestIterator?: { context?: { tenant?: string } } }).requestIterator?.context?.tenant;
    if (tenant) count(statusCode === 201 ? registeredByTenant : failedByTenant, tenant);
    if (answered >= maxRequests) instance.stop();
  });
  const result = await finished;
  const failed = result.errors + Object.entries(statusCounts).reduce((sum, [code, n]) => sum + (code === '201' ? 0 : n), 0);
  const unanswered = new Map<string, number>();
  for (const [tenant, built] of builtByTenant) {
    const rest = built - (registeredByTenant.get(tenant) ?? 0) - (failedByTenant.get(tenant) ?? 0);
    if (rest > 0) unanswered.set(tenant, rest);
  }
  return {
    ...figures(phase, connections, latencies, statusCounts, failed, registeredByTenant, (lastAnswerAt || performance.now()) - started),
    unansweredByTenant: unanswered,
    failedByTenant,
  };
}

export interface OpenLoop {
  url: string;
  tokens: Map<string, string>;
  rate: number;
  seconds: number;
  phase: string;
  /** Stop offering once this many requests wait for an answer: intake cannot keep up, and the run stays bounded. */
  maxOutstanding: number;
}

/**
 * Open loop: one registration every 1/rate s on a fixed schedule, sent whether or not the earlier ones were
 * answered, each timed from the moment it was due (so a slow answer never delays the next request and the
 * latencies include any queueing: no coordinated omission). autocannon's own rate limit (`overallRate`) is
 * not used: it lets each connection send its share at the start of every second, so the requests would
 * arrive in bursts of `connections` rather than evenly.
 */
export async function openLoop({ url, tokens, rate, seconds, phase, maxOutstanding }: OpenLoop): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const target = new URL(url);
  const total = Math.round(rate * seconds);
  const intervalMs = 1000 / rate;
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const registeredByTenant = new Map<string, number>();
  const unansweredByTenant = new Map<string, number>();
  const failedByTenant = new Map<string, number>();
  let failed = 0;
  let outstanding = 0;
  let saturatedAt: LoadFigures['saturatedAt'];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < total; n += 1) {
    const dueAt = started + n * intervalMs;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (outstanding >= maxOutstanding) {
      saturatedAt = { seconds: (performance.now() - started) / 1000, outstanding };
      break;
    }
    const next = nthRequest(n, tokens);
    outstanding += 1;
    pending.push(
      send(agent, target, next).then(
        (status) => {
          outstanding -= 1;
          latencies.push(performance.now() - dueAt);
          statusCounts[status] = (statusCounts[status] ?? 0) + 1;
          count(status === 201 ? registeredByTenant : failedByTenant, next.tenant);
          if (status !== 201) failed += 1;
        },
        () => {
          outstanding -= 1;
          failed += 1;
          statusCounts.error = (statusCounts.error ?? 0) + 1;
          count(unansweredByTenant, next.tenant);
        },
      ),
    );
  }
  await Promise.all(pending);
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return {
    ...figures(phase, 'open', latencies, statusCounts, failed, registeredByTenant, elapsedMs),
    unansweredByTenant,
    failedByTenant,
    ...(saturatedAt ? { saturatedAt } : {}),
  };
}

function send(agent: Agent, target: URL, next: RegistrationRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: next.path,
        headers: { ...next.headers, 'content-length': Buffer.byteLength(next.body) },
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(next.body);
  });
}

function figures(
  phase: string,
  connections: number | 'open',
  latencies: number[],
  statusCounts: Record<string, number>,
  failed: number,
  registeredByTenant: Map<string, number>,
  elapsedMs: number,
): Omit<LoadFigures, 'unansweredByTenant' | 'failedByTenant'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const registered = statusCounts['201'] ?? 0;
  return {
    phase,
    connections,
    registered,
    failed,
    statusCounts,
    elapsedMs,
    perSecond: (registered * 1000) / elapsedMs,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    registeredByTenant,
  };
}

function count(counts: Map<string, number>, tenant: string): void {
  counts.set(tenant, (counts.get(tenant) ?? 0) + 1);
}
