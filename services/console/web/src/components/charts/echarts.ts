// Only the parts of ECharts the dashboard draws, so its chunk stays small: bars, lines, a grid with axes,
// a legend, tooltips, decal patterns (aria) and the canvas renderer.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/**
 * Series colours, each at least 3:1 against white (WCAG 1.4.11) and told apart by a decal pattern too, so
 * colour is never the only way to tell two series apart.
 */
export const PALETTE = [
  '#0b4f8a',
  '#b35900',
  '#1d6b2f',
  '#a11919',
  '#6b3fa0',
  '#00707a',
  '#5c5f66',
  '#a3336b',
  '#6b4500',
  '#2f6fb5',
  '#3f7a00',
  '#7a2e2e',
];

/** What every chart shares: our palette and fonts, decal patterns, tooltips drawn in the canvas. */
export const BASE_OPTION = {
  color: PALETTE,
  textStyle: { fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif', color: '#1a1f2b' },
  // The canvas is hidden from assistive technology (each chart has its table), so no generated label; the
  // decals stay, for whoever does not tell the colours apart.
  aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
  // richText: the tooltip is drawn in the canvas; an HTML tooltip would carry inline styles the CSP refuses.
  tooltip: { renderMode: 'richText', trigger: 'axis', confine: true },
  animationDuration: 300,
};
