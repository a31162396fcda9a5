import type { Figures } from './measure';

/**
 * Markdown tables, so a run's output pastes straight into bench/README.md. Ratios compare each row with the
 * first row of its case, the raw baseline measured in the same run: throughput ratio < 1 and latency ratio > 1
 * mean the code under test costs that much more.
 */
export function comparisonTable(results: Figures[]): string {
  const lines = [
    '| case | contender | ops | ops/s | events/s | p50 ms | p95 ms | ops/s vs raw | p50 vs raw |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const baselines = new Map<string, Figures>();
  for (const row of results) {
    const raw = baselines.get(row.caseName) ?? row;
    baselines.set(row.caseName, raw);
    lines.push(
      `| ${row.caseName} | ${row.label} | ${row.ops} | ${fixed(row.opsPerSecond, 0)} | ${fixed(row.eventsPerSecond, 0)} | ` +
        `${fixed(row.p50Ms, 2)} | ${fixed(row.p95Ms, 2)} | ${ratio(row.opsPerSecond, raw.opsPerSecond)} | ${ratio(row.p50Ms, raw.p50Ms)} |`,
    );
  }
  return lines.join('\n');
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 && Number.isFinite(value) ? `${(value / baseline).toFixed(2)}×` : 'n/a';
}
