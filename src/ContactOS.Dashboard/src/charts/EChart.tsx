import { useEffect, useRef } from 'react';
import { initChart, type ChartOption } from './echarts';

interface EChartProps {
  option: ChartOption;
  ariaLabel: string;
  testId: string;
}

/**
 * One ECharts instance bound to a div: follows the container's size, and marks the container
 * data-rendered="true" once ECharts has finished drawing its data.
 */
export function EChart({ option, ariaLabel, testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof initChart> | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return;
    }
    const chart = initChart(container);
    chart.on('finished', () => container.setAttribute('data-rendered', 'true'));
    const resizeObserver = new ResizeObserver(() => chart.resize());
    resizeObserver.observe(container);
    chartRef.current = chart;
    return () => {
      resizeObserver.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option);
  }, [option]);

  return <div ref={containerRef} className="chart" role="img" aria-label={ariaLabel} data-testid={testId} />;
}
