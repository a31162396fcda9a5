import { useTranslation } from 'react-i18next';
import type { Kpis } from '../../api/kpis';
import { useOpsFormat } from './useOpsFormat';

/** The period's headline figures as text: what the charts below break down. */
export function KeyFigures({ total }: { total: Kpis }) {
  const { t } = useTranslation();
  const format = useOpsFormat();
  const none = t('ops.figures.none');
  const figures: { id: string; label: string; value: string; note?: string }[] = [
    { id: 'received', label: t('ops.figures.received'), value: format.number(total.received ?? 0) },
    {
      id: 'onTime',
      label: t('ops.figures.onTime'),
      value: total.onTimeRate === null || total.onTimeRate === undefined ? none : format.percent(total.onTimeRate),
      note: t('ops.figures.onTimeOf', { onTime: total.answeredOnTime ?? 0, count: total.answeredWithTerm ?? 0 }),
    },
    {
      id: 'days',
      label: t('ops.figures.medianDays'),
      value:
        total.daysToAnswer?.median === null || total.daysToAnswer?.median === undefined ? none : format.number(total.daysToAnswer.median),
      ...(total.daysToAnswer?.p90 !== null && total.daysToAnswer?.p90 !== undefined
        ? { note: t('ops.figures.p90', { days: format.number(total.daysToAnswer.p90) }) }
        : {}),
    },
    {
      id: 'open',
      label: t('ops.figures.open'),
      value: format.number(total.backlog?.open ?? 0),
      note: t('ops.figures.overdue', { count: total.backlog?.overdue ?? 0 }),
    },
    { id: 'breaches', label: t('ops.figures.breaches'), value: format.number(total.breaches ?? 0) },
    {
      id: 'satisfaction',
      label: t('ops.figures.satisfaction'),
      value:
        total.satisfaction?.average === null || total.satisfaction?.average === undefined
          ? none
          : t('ops.figures.outOfFive', { average: format.number(total.satisfaction.average) }),
      note: t('ops.figures.ratings', { count: total.satisfaction?.ratings ?? 0 }),
    },
  ];
  return (
    <dl className="key-figures">
      {figures.map((figure) => (
        <div key={figure.id} className="key-figures__item">
          <dt>{figure.label}</dt>
          <dd>
            <span className={figure.value === none ? 'key-figures__value key-figures__value--none' : 'key-figures__value'}>
              {figure.value}
            </span>
            {figure.note && <span className="key-figures__note">{figure.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
