import { useEffect, useRef } from 'react';
import { initChart, type ChartOption } from './echarts';

interface EChartProps {
  option: ChartOption;
  ariaLabel: string;
  testId: string;
}

/**
 * One ECharts instance bound to a div: follows the container's size, and marks the container
 * data-rendered="true" once ECharts has finished drawing its data. The first drawing is not animated, so the
 * page shows its data at once; later changes (a new period, a live refresh) animate as the option says.
 */
export function EChart({ option, ariaLabel, testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof initChart> | null>(null);
  const drawnRef = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return;
    }
    const chart = initChart(container);
    chart.on('finished', () => container.setAttribute('data-rendered', 'true'));
    // The observer reports the size once on observe; the chart was just sized to it, so only a change redraws.
    const resizeObserver = new ResizeObserver(() => {
      if (container.clientWidth !== chart.getWidth() || container.clientHeight !== chart.getHeight()) {
        chart.resize();
      }
    });
    resizeObserver.observe(container);
    chartRef.current = chart;
    drawnRef.current = false;
    return () => {
      resizeObserver.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) {
      return;
    }
    // Options merge into the chart's, so the animation flag is given every time: off once, then the option's own.
    const animation = drawnRef.current && option.animation !== false;
    drawnRef.current = true;
    chart.setOption({ ...option, animation });
  }, [option]);

  return <div ref={containerRef} className="chart" role="img" aria-label={ariaLabel} data-testid={testId} />;
}
