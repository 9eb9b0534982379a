import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the dashboards draw: bar and line charts on a grid, as SVG (crisp, and no canvas to rasterise).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSpec {
  kind: 'bar' | 'line';
  categories: string[];
  series: Array<{ name: string; values: number[] }>;
}

/**
 * One chart. It is a picture for sighted readers: screen readers are pointed at the table that follows it, which
 * holds the same figures (the `figure` around both says so).
 */
export function Chart({ spec, label }: { spec: ChartSpec; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: spec.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 48, right: 16, top: spec.series.length > 1 ? 32 : 16, bottom: 48 },
      xAxis: { type: 'category', data: spec.categories, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: spec.series.map((s) => ({ name: s.name, type: spec.kind, data: s.values })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [spec]);
  return <div ref={element} className="insight-chart" role="img" aria-label={label} />;
}
