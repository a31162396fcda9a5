import { useEffect, useRef } from 'react';
import { BASE_OPTION, echarts, type ChartOption } from './echarts';

/**
 * One ECharts chart: initialised on its element, given each new option, resized with the window, disposed on
 * unmount. The canvas is hidden from assistive technology: whoever uses it puts the same figures next to it as
 * text or a table.
 */
export function EChart({ option, height = 320 }: { option: ChartOption; height?: 240 | 280 | 320 | 360 }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...BASE_OPTION, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={element} className={`chart chart--${height}`} aria-hidden="true" />;
}
