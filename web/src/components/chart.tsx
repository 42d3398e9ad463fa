// One ECharts chart in a box: drawn on canvas once the chart code has loaded, so the figures around it show first.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'preact/hooks';

/** What a chart of this app may contain: bars and lines on a grid, with a legend and a tooltip. */
export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The app's colours, as styles.css names them. */
export const chartColors = { red: '#c62828', amber: '#b26a00', green: '#2e7d32', accent: '#0b5cad', grey: '#8c959f' } as const;

const font = 'system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/**
 * A chart for `option` (memoise it: a new object redraws), described by `label` for screen readers, which cannot
 * read a canvas. The chart code is a separate chunk, so a screen's numbers render before it arrives.
 */
export function Chart({ option, label, class: className = 'chart' }: { option: ChartOption; label: string; class?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();

  useEffect(() => {
    let instance: EChartsType | undefined;
    let unmounted = false;
    const resize = () => instance?.resize();
    void import('./echarts.js').then(({ init }) => {
      if (unmounted || !box.current) return;
      instance = init(box.current, undefined, { renderer: 'canvas' });
      setChart(instance);
    });
    window.addEventListener('resize', resize);
    return () => {
      unmounted = true;
      window.removeEventListener('resize', resize);
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    // Replaced, not merged: a series that is gone must not linger from the option before.
    chart?.setOption({ textStyle: { fontFamily: font }, ...option }, { notMerge: true });
  }, [chart, option]);

  return <div ref={box} class={className} role="img" aria-label={label} />;
}
