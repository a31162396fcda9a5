export const REBUILD_STATUSES = ['counting', 'catching-up', 'switched', 'failed', 'abandoned'] as const;
export type RebuildStatus = (typeof REBUILD_STATUSES)[number];

/** One rebuild as `analytics_rebuilds` keeps it; its id is the generation it builds. */
export interface RebuildRecord {
  _id: string;
  generation: string;
  status: RebuildStatus;
  /** The ops user who asked for it (pseudonymous id). */
  requestedBy: string;
  startedAt: string;
  /** Last report of the instance running it. */
  heartbeatAt: string;
  /** Case events to apply: counted at the start, raised by events appended meanwhile. Null while counting. */
  total: number | null;
  applied: number;
  elapsedMs: number;
  switchedAt: string | null;
  previousGeneration: string | null;
  error: string | null;
}

export interface RebuildProgress {
  id: string;
  status: RebuildStatus;
  applied: number;
  total: number | null;
  /** applied / total in percent, one decimal; null while counting. */
  percentage: number | null;
  /** Events applied per second so far. */
  ratePerSecond: number | null;
  elapsedMs: number;
  requestedBy: string;
  startedAt: string;
  switchedAt: string | null;
  generation: string;
  previousGeneration: string | null;
  error: string | null;
}

/** What `GET /admin/read-models/rebuild/:id` answers. */
export function progressOf(record: RebuildRecord): RebuildProgress {
  const { total, applied, elapsedMs } = record;
  const percentage = total === null ? null : total === 0 ? 100 : Math.min(100, Math.round((applied / total) * 1000) / 10);
  return {
    id: record._id,
    status: record.status,
    applied,
    total,
    percentage,
    ratePerSecond: elapsedMs > 0 ? Math.round((applied / elapsedMs) * 1000 * 10) / 10 : null,
    elapsedMs,
    requestedBy: record.requestedBy,
    startedAt: record.startedAt,
    switchedAt: record.switchedAt,
    generation: record.generation,
    previousGeneration: record.previousGeneration,
    error: record.error,
  };
}
