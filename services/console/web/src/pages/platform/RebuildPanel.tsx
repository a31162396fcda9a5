import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { analytics } from '../../api/clients';
import { ApiError, unwrap } from '../../api/errors';
import type { RebuildProgress } from '../../api/kpis';
import { useFormat } from '../../format/useFormat';
import { useOpsFormat } from '../ops/useOpsFormat';

const POLL_MS = 1_000;
const RUNNING = new Set(['counting', 'catching-up']);

function isRunning(progress: RebuildProgress | undefined): boolean {
  return progress?.status !== undefined && RUNNING.has(progress.status);
}

/** A 409 names the rebuild already running: the page follows that one instead. */
function runningOf(error: unknown): RebuildProgress | undefined {
  if (typeof error !== 'object' || error === null || !('running' in error)) return undefined;
  const running = (error as { running?: unknown }).running;
  return typeof running === 'object' && running !== null && 'id' in running ? (running as RebuildProgress) : undefined;
}

/** Analytics' read-model rebuild: start it, then follow it to the switch with a progress bar and words. */
export function RebuildPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const numbers = useOpsFormat();
  const [started, setStarted] = useState<RebuildProgress | undefined>();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>();

  const progress = useQuery({
    queryKey: ['rebuild', started?.id],
    enabled: started?.id !== undefined,
    queryFn: async ({ signal }) =>
      unwrap(await analytics.GET('/admin/read-models/rebuild/{id}', { params: { path: { id: started?.id ?? '' } }, signal })),
    initialData: started,
    refetchInterval: (query) => (isRunning(query.state.data) ? POLL_MS : false),
  });

  const start = async () => {
    setStarting(true);
    setStartError(undefined);
    try {
      const result = await analytics.POST('/admin/read-models/rebuild', {});
      if (result.response.status === 409) {
        const running = runningOf(result.error);
        if (running) setStarted(running);
        else throw new ApiError(409, undefined);
      } else {
        setStarted(unwrap(result));
      }
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };

  const current = progress.data;
  const running = starting || isRunning(current);
  const percentage = current?.percentage ?? null;
  return (
    <section className="card rebuild" aria-labelledby="rebuild-title">
      <h2 id="rebuild-title">{t('ops.platform.rebuild.title')}</h2>
      <p className="muted">{t('ops.platform.rebuild.text')}</p>
      <button type="button" className="button" onClick={() => void start()} disabled={running}>
        {running ? t('ops.platform.rebuild.running') : t('ops.platform.rebuild.start')}
      </button>
      {current && (
        <div className="rebuild__progress">
          <label htmlFor="rebuild-bar">{t(`ops.platform.rebuild.status.${current.status ?? 'counting'}`)}</label>
          <progress
            id="rebuild-bar"
            max={current.total ?? undefined}
            value={current.total ? Math.min(current.applied ?? 0, current.total) : undefined}
          >
            {percentage === null ? '' : numbers.percent(percentage)}
          </progress>
          <p role="status" className="rebuild__text">
            {current.status === 'switched'
              ? t('ops.platform.rebuild.switched', {
                  applied: numbers.number(current.applied ?? 0),
                  at: current.switchedAt ? format.dateTime(current.switchedAt) : '',
                  seconds: numbers.number((current.elapsedMs ?? 0) / 1000),
                })
              : current.status === 'failed' || current.status === 'abandoned'
                ? t(`ops.platform.rebuild.${current.status}`, { error: current.error ?? '' })
                : current.total === null || current.total === undefined
                  ? t('ops.platform.rebuild.counting')
                  : t('ops.platform.rebuild.progress', {
                      applied: numbers.number(current.applied ?? 0),
                      total: numbers.number(current.total),
                      percentage: percentage === null ? '' : numbers.percent(percentage),
                      rate: numbers.number(current.ratePerSecond ?? 0),
                    })}
          </p>
        </div>
      )}
      {(startError !== undefined || progress.isError) && (
        <p role="alert" className="field__error">
          {startError instanceof ApiError && startError.status === 403 ? t('errors.forbidden') : t('ops.platform.rebuild.error')}
        </p>
      )}
    </section>
  );
}
