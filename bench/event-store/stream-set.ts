import { caseStream, newCaseId } from '../lib/events';

/**
 * Existing streams of one contender and the revision each is at, so every append can state its exact expected
 * revision. Worker w of n writes only to streams w, w+n, w+2n…, round robin: concurrent writers never meet on
 * a stream, so the benchmark measures throughput, not conflicts.
 */
export class StreamSet {
  readonly caseIds: string[];
  private readonly revisions: number[];
  private readonly cursors = new Map<number, number>();

  constructor(count: number) {
    this.caseIds = Array.from({ length: count }, () => newCaseId());
    this.revisions = this.caseIds.map(() => -1);
  }

  get streamNames(): string[] {
    return this.caseIds.map(caseStream);
  }

  /** The stream this worker writes next, and its current revision (-1: no events yet). */
  next(worker: number, workers: number): { index: number; caseId: string; streamName: string; revision: number } {
    const turn = this.cursors.get(worker) ?? 0;
    this.cursors.set(worker, turn + 1);
    const perWorker = Math.floor((this.caseIds.length - worker - 1) / workers) + 1;
    const index = worker + (turn % perWorker) * workers;
    const caseId = this.caseIds[index];
    return { index, caseId, streamName: caseStream(caseId), revision: this.revisions[index] };
  }

  /** Records that `count` events were appended to stream `index`. */
  appended(index: number, count: number): void {
    this.revisions[index] += count;
  }
}
