import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

type EChartsInstance = ReturnType<typeof import('echarts/core').init>;

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}

/** A chart that loads ECharts on first render. */
export function EChart({ option, height = 280, testId }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts.ts').then(({ echarts }) => {
      if (disposed || !host.current) return;
      chart.current = echarts.init(host.current);
      chart.current.setOption(option);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(host.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The instance is created once; option changes are applied below.
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={host} data-testid={testId} style={{ width: '100%', height }} />;
}
