import { useTranslation } from 'react-i18next';
import type { CaseKind, Channel } from '../../api/cases';
import type { KpiAnswer } from '../../api/kpis';
import { BACKLOG_AGES, RATINGS } from '../../api/kpis';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { useCaseLabels } from '../../components/useCaseLabels';
import { barOption, percentLineOption } from './chartOptions';
import type { Breakdown } from './useDashboard';
import { useOpsFormat } from './useOpsFormat';

interface Props {
  trend: KpiAnswer;
  kinds: Breakdown<CaseKind>;
  channels: Breakdown<Channel>;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The dashboard's charts, each with its summary in words and its table. */
export function DashboardCharts({ trend, kinds, channels }: Props) {
  const { t } = useTranslation();
  const format = useOpsFormat();
  const labels = useCaseLabels();
  const groups = trend.groups ?? [];
  const total = trend.total ?? {};
  const months = groups.map((group) => group.key ?? '');
  const monthLabels = months.map(format.month);
  // On the axis the year goes under the month, so a year of months fits a phone.
  const axisMonths = monthLabels.map((label) => label.replace(' ', '\n'));
  const first = months[0];
  const last = months.at(-1);
  const period = first && last ? `${format.longMonth(first)} – ${format.longMonth(last)}` : '';

  const receivedBy = <Key extends string>(breakdown: Breakdown<Key>, name: (key: Key) => string, what: 'kind' | 'channel') => {
    const series = breakdown.series.map((one) => ({ name: name(one.key), data: one.counts, total: sum(one.counts) }));
    const ranked = [...series].sort((a, b) => b.total - a.total);
    const top = ranked
      .slice(0, 3)
      .map((one) => `${one.name} ${format.number(one.total)}`)
      .join(', ');
    return {
      option: barOption(axisMonths, series, true),
      empty: series.length === 0,
      summary:
        series.length === 0
          ? t('ops.charts.nothingReceived', { period })
          : t(`ops.charts.${what}.summary`, { period, count: sum(series.map((one) => one.total)), top }),
      table: {
        caption: t(`ops.charts.${what}.caption`, { period }),
        columns: [t(`ops.charts.${what}.column`), ...monthLabels, t('ops.charts.total')],
        rows: series.map((one) => ({ label: one.name, values: [...one.data.map(format.number), format.number(one.total)] })),
      },
    };
  };

  const byKind = receivedBy(kinds, labels.kind, 'kind');
  const byChannel = receivedBy(channels, labels.channel, 'channel');

  const onTime = groups.map((group) => group.kpis?.onTimeRate ?? null);
  const measured = onTime.filter((rate): rate is number => rate !== null).length;
  const onTimeOption = percentLineOption(axisMonths, { name: t('ops.charts.onTime.series'), data: onTime });

  const backlog = total.backlog?.byAge ?? {};
  const backlogCounts = BACKLOG_AGES.map((age) => backlog[age] ?? 0);
  const ageLabels = BACKLOG_AGES.map((age) => t(`ops.charts.backlog.ages.${age}`));

  const breachSeries = [
    { name: t('ops.charts.deadlines.breaches'), data: groups.map((group) => group.kpis?.breaches ?? 0) },
    { name: t('ops.charts.deadlines.escalations'), data: groups.map((group) => group.kpis?.escalations ?? 0) },
    { name: t('ops.charts.deadlines.extensions'), data: groups.map((group) => group.kpis?.extensions ?? 0) },
    { name: t('ops.charts.deadlines.redirects'), data: groups.map((group) => group.kpis?.redirects ?? 0) },
  ];

  const satisfaction = total.satisfaction ?? {};
  const ratingCounts = RATINGS.map((rating) => satisfaction.distribution?.[rating] ?? 0);
  const ratingLabels = RATINGS.map((rating) => t('ops.charts.satisfaction.stars', { count: Number(rating) }));

  return (
    <div className="chart-grid">
      <ChartFigure
        title={t('ops.charts.kind.title')}
        summary={byKind.summary}
        option={byKind.option}
        table={byKind.table}
        empty={byKind.empty}
        wide
      />
      <ChartFigure
        title={t('ops.charts.channel.title')}
        summary={byChannel.summary}
        option={byChannel.option}
        table={byChannel.table}
        empty={byChannel.empty}
        wide
      />
      <ChartFigure
        title={t('ops.charts.onTime.title')}
        summary={
          total.onTimeRate === null || total.onTimeRate === undefined
            ? t('ops.charts.onTime.none', { period })
            : t('ops.charts.onTime.summary', {
                period,
                rate: format.percent(total.onTimeRate),
                onTime: total.answeredOnTime ?? 0,
                count: total.answeredWithTerm ?? 0,
                months: measured,
              })
        }
        option={onTimeOption}
        empty={measured === 0}
        table={{
          caption: t('ops.charts.onTime.caption', { period }),
          columns: [t('ops.charts.month'), t('ops.charts.onTime.rate'), t('ops.charts.onTime.onTime'), t('ops.charts.onTime.withTerm')],
          rows: groups.map((group, index) => ({
            label: monthLabels[index] ?? '',
            values: [
              group.kpis?.onTimeRate === null || group.kpis?.onTimeRate === undefined ? '—' : format.percent(group.kpis.onTimeRate),
              group.kpis?.answeredOnTime ?? 0,
              group.kpis?.answeredWithTerm ?? 0,
            ],
          })),
        }}
      />
      <ChartFigure
        title={t('ops.charts.backlog.title')}
        summary={t('ops.charts.backlog.summary', {
          count: total.backlog?.open ?? 0,
          overdue: total.backlog?.overdue ?? 0,
          oldest: ageLabels[backlogCounts.findLastIndex((count) => count > 0)] ?? '—',
        })}
        option={barOption(ageLabels, [{ name: t('ops.charts.backlog.series'), data: backlogCounts }])}
        empty={(total.backlog?.open ?? 0) === 0}
        table={{
          caption: t('ops.charts.backlog.caption'),
          columns: [t('ops.charts.backlog.age'), t('ops.charts.backlog.series')],
          rows: ageLabels.map((label, index) => ({ label, values: [backlogCounts[index] ?? 0] })),
        }}
      />
      <ChartFigure
        title={t('ops.charts.deadlines.title')}
        summary={t('ops.charts.deadlines.summary', {
          period,
          breaches: total.breaches ?? 0,
          escalations: total.escalations ?? 0,
          extensions: total.extensions ?? 0,
          redirects: total.redirects ?? 0,
        })}
        option={barOption(axisMonths, breachSeries)}
        empty={breachSeries.every((one) => one.data.every((count) => count === 0))}
        table={{
          caption: t('ops.charts.deadlines.caption', { period }),
          columns: [t('ops.charts.month'), ...breachSeries.map((one) => one.name)],
          rows: monthLabels.map((label, index) => ({ label, values: breachSeries.map((one) => one.data[index] ?? 0) })),
        }}
      />
      <ChartFigure
        title={t('ops.charts.satisfaction.title')}
        summary={
          satisfaction.ratings
            ? t('ops.charts.satisfaction.summary', {
                period,
                count: satisfaction.ratings,
                average: format.number(satisfaction.average ?? 0),
                recommendations: satisfaction.recommendations ?? 0,
              })
            : t('ops.charts.satisfaction.none', { period })
        }
        option={barOption(ratingLabels, [{ name: t('ops.charts.satisfaction.series'), data: ratingCounts }])}
        empty={!satisfaction.ratings}
        table={{
          caption: t('ops.charts.satisfaction.caption', { period }),
          columns: [t('ops.charts.satisfaction.rating'), t('ops.charts.satisfaction.series')],
          rows: ratingLabels.map((label, index) => ({ label, values: [ratingCounts[index] ?? 0] })),
        }}
      />
    </div>
  );
}
