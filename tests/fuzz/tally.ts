import { readFileSync } from 'node:fs';

/** A 5xx as schemathesis recorded it: the operation, the status and a curl that sends the same request again. */
export interface ServerError {
  operation: string;
  status: number;
  phase: string;
  curl: string;
}

/** What one schemathesis run sent and got back, read from its NDJSON event report. */
export interface Tally {
  requests: number;
  byStatus: Map<number, number>;
  /** Requests with a method the document does not list (the coverage phase's probes): answered 404 by the router. */
  undeclaredMethods: number;
  serverErrors: ServerError[];
  /** Failed checks other than not_a_server_error, by check and operation: reported, not failed on. */
  conformance: Map<string, Map<string, number>>;
  /** Phases as schemathesis finished them: success, failure, skip (with the reason). */
  phases: Map<string, string>;
  /** Requests per documented operation and status, to see which operations never got past validation. */
  byOperation: Map<string, Map<number, number>>;
}

interface RecordedRequest {
  method: string;
  uri: string;
  headers?: Record<string, string[]>;
  body?: { $base64?: string } | null;
}

interface Recorder {
  label?: string;
  cases?: Record<string, { value?: { method?: string; path?: string } }>;
  checks?: Record<string, { name: string; status: string }[]>;
  interactions?: Record<string, { request: RecordedRequest; response?: { status_code: number } | null }>;
}

type Event = {
  ScenarioFinished?: { phase: string; recorder: Recorder };
  PhaseFinished?: { phase: { name: string; skip_reason?: string | null }; status: string };
};

export const emptyTally = (): Tally => ({
  requests: 0,
  byStatus: new Map(),
  undeclaredMethods: 0,
  serverErrors: [],
  conformance: new Map(),
  phases: new Map(),
  byOperation: new Map(),
});

const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The request as a curl command (schemathesis prints the same for its failures; the NDJSON has the parts). */
export function curlOf(request: RecordedRequest): string {
  const parts = ['curl', '-X', request.method];
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    for (const value of values) parts.push('-H', quote(`${name}: ${value}`));
  }
  let note = '';
  const encoded = request.body?.$base64;
  if (encoded) {
    const bytes = Buffer.from(encoded, 'base64');
    const text = bytes.toString('utf8');
    // A body that is not UTF-8 cannot be pasted into a shell: it is given as base64, to decode into a file.
    if (Buffer.from(text, 'utf8').equals(bytes)) parts.push('--data-binary', quote(text));
    else {
      parts.push('--data-binary', '@body.bin');
      note = ` # body.bin: echo ${encoded} | base64 -d > body.bin`;
    }
  }
  parts.push(quote(request.uri));
  return parts.join(' ') + note;
}

/** Adds what one NDJSON report holds to `tally`; `declared` lists the document's `METHOD /path` operations. */
export function tallyReport(file: string, declared: Set<string>, tally: Tally = emptyTally()): Tally {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as Event;
    if (event.PhaseFinished) {
      const { phase, status } = event.PhaseFinished;
      tally.phases.set(phase.name, phase.skip_reason ? `${status} (${phase.skip_reason})` : status);
    }
    const scenario = event.ScenarioFinished;
    if (!scenario) continue;
    const { cases = {}, checks = {}, interactions = {} } = scenario.recorder;
    for (const [id, interaction] of Object.entries(interactions)) {
      const status = interaction.response?.status_code;
      if (status === undefined) continue;
      const value = cases[id]?.value;
      const operation = value?.method && value.path ? `${value.method} ${value.path}` : (scenario.recorder.label ?? '?');
      tally.requests += 1;
      bump(tally.byStatus, status);
      if (declared.has(operation)) {
        const perOperation = tally.byOperation.get(operation) ?? new Map<number, number>();
        tally.byOperation.set(operation, perOperation);
        bump(perOperation, status);
      } else tally.undeclaredMethods += 1;
      if (status >= 500) tally.serverErrors.push({ operation, status, phase: scenario.phase, curl: curlOf(interaction.request) });
      for (const check of checks[id] ?? []) {
        if (check.status !== 'failure' || check.name === 'not_a_server_error') continue;
        const byOperation = tally.conformance.get(check.name) ?? new Map<string, number>();
        tally.conformance.set(check.name, byOperation);
        bump(byOperation, operation);
      }
    }
  }
  return tally;
}

/** The tallies of several runs added up (the phases and operations of each are kept per run, not merged). */
export function addTallies(tallies: Tally[]): Tally {
  const total = emptyTally();
  for (const tally of tallies) {
    total.requests += tally.requests;
    total.undeclaredMethods += tally.undeclaredMethods;
    for (const [status, count] of tally.byStatus) bump(total.byStatus, status, count);
    total.serverErrors.push(...tally.serverErrors);
  }
  return total;
}
