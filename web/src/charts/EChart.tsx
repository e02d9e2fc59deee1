import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { prefersReducedMotion } from '../theme/motion.ts';

type EChartsInstance = ReturnType<typeof import('echarts/core').init>;

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  testId?: string;
}

/** The option as drawn: without the growing animation when the system asks for less motion. */
const shown = (option: EChartsCoreOption): EChartsCoreOption => (prefersReducedMotion() ? { ...option, animation: false } : option);

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
      chart.current.setOption(shown(option));
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
    chart.current?.setOption(shown(option), true);
  }, [option]);

  return <div ref={host} data-testid={testId} style={{ width: '100%', height }} />;
}
