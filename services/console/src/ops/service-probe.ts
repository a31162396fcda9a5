import { parsePrometheusText, type PromText } from '@civic/platform';
import type { ServiceProbe } from './platform-health';

/** Each request gets this long, its body included: the ops view must answer even when a service hangs. */
export const PROBE_TIMEOUT_MS = 2_000;

export interface ProbeOptions {
  /** The signed-in person's access token: with the ops or platform-operator role, /health names each dependency. */
  bearer?: string;
  timeoutMs?: number;
}

/** `/health` and `/metrics` of one service, in parallel; what fails or is late is left out, never thrown. */
export async function probeService(name: string, baseUrl: string, options: ProbeOptions = {}): Promise<ServiceProbe> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const [health, metrics] = await Promise.all([
    readHealth(`${baseUrl}/health`, timeoutMs, options.bearer),
    readMetrics(`${baseUrl}/metrics`, timeoutMs),
  ]);
  return { name, ...(health ? { health } : {}), ...(metrics ? { metrics } : {}) };
}

/** A 503 still carries the dependencies' statuses: it is read like a 200. */
async function readHealth(url: string, timeoutMs: number, bearer: string | undefined): Promise<ServiceProbe['health']> {
  try {
    const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
    const answer = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error', headers });
    return { ok: answer.ok, body: (await answer.json()) as unknown };
  } catch {
    return undefined;
  }
}

async function readMetrics(url: string, timeoutMs: number): Promise<PromText | undefined> {
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    return answer.ok ? parsePrometheusText(await answer.text()) : undefined;
  } catch {
    return undefined;
  }
}
