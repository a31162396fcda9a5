/** What one contender (the raw baseline or the code under test) does once per operation. */
export interface Contender {
  label: string;
  /** `worker` is 0…concurrency-1, so concurrent writers can keep to streams of their own. */
  op(worker: number): Promise<void>;
}

export interface BenchCase {
  name: string;
  /** Events written or read by one operation, for events/s. */
  eventsPerOp: number;
  concurrency: number;
}

export interface Timing {
  warmupMs: number;
  /** Measured time per contender, split over the rounds. */
  measureMs: number;
  rounds: number;
}

export interface Figures {
  caseName: string;
  label: string;
  ops: number;
  elapsedMs: number;
  opsPerSecond: number;
  eventsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

interface Sample {
  latenciesMs: number[];
  elapsedMs: number;
}

/** `concurrency` loops calling `op` back to back until the time is up; each call's latency is kept. */
export async function runFor(durationMs: number, concurrency: number, op: (worker: number) => Promise<void>): Promise<Sample> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < end) {
        const before = performance.now();
        await op(worker);
        latenciesMs.push(performance.now() - before);
      }
    }),
  );
  return { latenciesMs, elapsedMs: performance.now() - start };
}

/**
 * Warms every contender up, then measures them in alternating rounds (A B, B A, …) so that a drift of the
 * machine during the run (other work on the shared servers, autovacuum, a growing table) weighs on both.
 */
export async function compare(benchCase: BenchCase, contenders: Contender[], timing: Timing): Promise<Figures[]> {
  const samples = new Map<Contender, Sample[]>(contenders.map((c) => [c, []]));
  for (const contender of contenders) await runFor(timing.warmupMs, benchCase.concurrency, (w) => contender.op(w));
  for (let round = 0; round < timing.rounds; round += 1) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      samples.get(contender)?.push(await runFor(timing.measureMs / timing.rounds, benchCase.concurrency, (w) => contender.op(w)));
    }
  }
  return contenders.map((contender) => figures(benchCase, contender.label, samples.get(contender) ?? []));
}

export function figures(benchCase: BenchCase, label: string, samples: Sample[]): Figures {
  const latencies = samples.flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
  const elapsedMs = samples.reduce((sum, s) => sum + s.elapsedMs, 0);
  const ops = latencies.length;
  return {
    caseName: benchCase.name,
    label,
    ops,
    elapsedMs,
    opsPerSecond: (ops * 1000) / elapsedMs,
    eventsPerSecond: (ops * benchCase.eventsPerOp * 1000) / elapsedMs,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
