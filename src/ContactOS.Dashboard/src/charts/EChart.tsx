import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '../i18n/LanguageContext';
import type { ChartOption } from './echarts';

type ChartLibrary = typeof import('./echarts');
type Chart = ReturnType<ChartLibrary['initChart']>;

/**
 * ECharts, loaded beside the rest of the page rather than before it: its chunk (most of the page's code) compiles
 * while React renders the panels, and the charts draw as soon as both are there. The chunk is preloaded by index.html
 * and asked for when this module is evaluated, before any chart mounts; each chart handles a failure.
 */
const chartLibrary: Promise<ChartLibrary> = import('./echarts');
chartLibrary.catch(() => {});

interface EChartProps {
  option: ChartOption;
  ariaLabel: string;
  testId: string;
}

/**
 * The values the chart holds, over all its series: data items that are neither null nor ECharts' '-' (no value). A
 * browser test reads it from the container's data-points to know that a drawn chart shows data, not empty axes.
 */
export function countDataPoints(option: object): number {
  const { series: declared } = option as { series?: unknown };
  const series = Array.isArray(declared) ? declared : declared ? [declared] : [];
  let count = 0;
  for (const entry of series as { data?: unknown }[]) {
    for (const item of Array.isArray(entry.data) ? entry.data : []) {
      const value = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as { value?: unknown }).value : item;
      if (value !== null && value !== undefined && value !== '-') {
        count += 1;
      }
    }
  }
  return count;
}

/**
 * One ECharts instance bound to a div: follows the container's size, and marks the container
 * data-rendered="true" once ECharts has finished drawing its data, with data-points the number of values it holds. The first drawing is not animated, so the
 * page shows its data at once; later changes (a new period, a live refresh) animate as the option says.
 */
export function EChart({ option, ariaLabel, testId }: EChartProps) {
  const { t } = useLanguage();
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const optionRef = useRef(option);
  const drawnRef = useRef(false);
  const [libraryFailed, setLibraryFailed] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) {
      return;
    }
    let disposed = false;
    let resizeObserver: ResizeObserver | undefined;
    chartLibrary.then(
      ({ initChart }) => {
        if (disposed) {
          return;
        }
        const chart = initChart(container);
        chart.on('finished', () => {
          container.setAttribute('data-rendered', 'true');
          container.setAttribute('data-points', String(countDataPoints(chart.getOption())));
        });
        // The observer reports the size once on observe; the chart was just sized to it, so only a change redraws.
        resizeObserver = new ResizeObserver(() => {
          if (container.clientWidth !== chart.getWidth() || container.clientHeight !== chart.getHeight()) {
            chart.resize();
          }
        });
        resizeObserver.observe(container);
        chartRef.current = chart;
        drawnRef.current = false;
        draw(chart, optionRef.current, drawnRef);
      },
      () => {
        if (!disposed) {
          setLibraryFailed(true);
        }
      },
    );
    return () => {
      disposed = true;
      resizeObserver?.disconnect();
      chartRef.current?.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    optionRef.current = option;
    if (chartRef.current) {
      draw(chartRef.current, option, drawnRef);
    }
  }, [option]);

  return (
    <div ref={containerRef} className="chart" role="img" aria-label={ariaLabel} data-testid={testId}>
      {libraryFailed ? <p className="panel__empty">{t.states.error}</p> : null}
    </div>
  );
}

function draw(chart: Chart, option: ChartOption, drawn: { current: boolean }) {
  // Options merge into the chart's, so the animation flag is given every time: off once, then the option's own.
  const animation = drawn.current && option.animation !== false;
  drawn.current = true;
  chart.setOption({ ...option, animation });
}
