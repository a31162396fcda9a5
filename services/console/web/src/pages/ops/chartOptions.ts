import type { ChartOption } from '../../components/charts/echarts';

// Option builders for the dashboard's charts: plain data in, an ECharts option out.

const AXIS_TEXT = { color: '#4a5262', fontSize: 12 };
const AXIS_LINE = { lineStyle: { color: '#6b7280' } };
const SPLIT_LINE = { lineStyle: { color: '#dde1e7' } };

export interface Series {
  name: string;
  data: (number | null)[];
}

function grid(withLegend: boolean) {
  return { left: 8, right: 16, top: 16, bottom: withLegend ? 40 : 8, containLabel: true };
}

/** Every category is labelled, unless two would overlap. */
function categoryAxis(labels: string[]) {
  return {
    type: 'category',
    data: labels,
    axisLabel: { ...AXIS_TEXT, interval: 0, hideOverlap: true },
    axisLine: AXIS_LINE,
    axisTick: { alignWithLabel: true },
  };
}

function valueAxis(extra: Record<string, unknown> = {}) {
  return { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT, splitLine: SPLIT_LINE, ...extra };
}

function legend() {
  return { type: 'scroll', bottom: 0, textStyle: { color: '#1a1f2b' }, pageTextStyle: { color: '#1a1f2b' } };
}

/** Bars per category; stacked when `stack` (the series add up, e.g. kinds in a month). */
export function barOption(labels: string[], series: Series[], stack = false): ChartOption {
  const withLegend = series.length > 1;
  return {
    grid: grid(withLegend),
    ...(withLegend ? { legend: legend() } : {}),
    xAxis: categoryAxis(labels),
    yAxis: valueAxis(),
    series: series.map((one) => ({
      type: 'bar',
      name: one.name,
      data: one.data,
      barMaxWidth: 48,
      ...(stack ? { stack: 'total' } : {}),
      emphasis: { focus: 'series' },
    })),
  };
}

/** A percentage per month (0–100); gaps where there is nothing to measure. */
export function percentLineOption(labels: string[], series: Series): ChartOption {
  return {
    grid: grid(false),
    xAxis: categoryAxis(labels),
    yAxis: valueAxis({ min: 0, max: 100, minInterval: undefined, axisLabel: { ...AXIS_TEXT, formatter: '{value} %' } }),
    series: [
      {
        type: 'line',
        name: series.name,
        data: series.data,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { width: 3 },
        label: { show: true, position: 'top', formatter: '{c} %', color: '#1a1f2b' },
      },
    ],
  };
}
