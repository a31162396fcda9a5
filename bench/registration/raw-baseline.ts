import { caseEvent, caseStream, newCaseId } from '../lib/events';
import { percentile, runFor } from '../lib/measure';
import { PLAIN_INSERT, RawPgEvents } from '../event-store/raw-pg';

export interface RawFigures {
  writers: number;
  appends: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * The raw baseline of issue 16: single-event appends with plain `pg` (bench/event-store/raw-pg.ts: begin,
 * one INSERT, commit), each to a new stream, on the same PostgreSQL in the same run, with as many writers as
 * the registrations it is compared with have connections.
 */
export class RawAppends {
  private constructor(private readonly raw: RawPgEvents) {}

  static async create(url: string): Promise<RawAppends> {
    return new RawAppends(await RawPgEvents.create(url, 'bench_raw'));
  }

  async measure(writers: number, seconds: number, dataBytes: number): Promise<RawFigures> {
    const append = async () => {
      const caseId = newCaseId();
      await this.raw.append(caseStream(caseId), [caseEvent(caseId, 0, dataBytes)], 0, PLAIN_INSERT);
    };
    await runFor(Math.min(1_000, seconds * 200), writers, append);
    const sample = await runFor(seconds * 1000, writers, append);
    const sorted = sample.latenciesMs.sort((a, b) => a - b);
    return {
      writers,
      appends: sorted.length,
      perSecond: (sorted.length * 1000) / sample.elapsedMs,
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
    };
  }

  close(): Promise<void> {
    return this.raw.close();
  }
}
