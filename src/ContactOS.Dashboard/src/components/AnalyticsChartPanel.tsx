import { useMemo } from 'react';
import { useAnalytics, type AnalyticsView, type AnalyticsResponse } from '../api/queries';
import type { Period } from '../api/types';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import type { ChartContext } from '../charts/options';
import { useChartPalette } from '../charts/palette';
import { useLanguage } from '../i18n/LanguageContext';
import { Panel } from './Panel';

interface AnalyticsChartPanelProps<V extends AnalyticsView> {
  view: V;
  period: Period;
  timeZone: string;
  title: string;
  caption?: string;
  testId: string;
  isEmpty: (data: AnalyticsResponse<V>) => boolean;
  /** A module-level function, so the option is rebuilt only when data, theme, language or time zone change. */
  buildOption: (data: AnalyticsResponse<V>, context: ChartContext) => ChartOption;
  describe: (data: AnalyticsResponse<V>) => string;
}

export function AnalyticsChartPanel<V extends AnalyticsView>(props: AnalyticsChartPanelProps<V>) {
  const query = useAnalytics(props.view, props.period);
  return (
    <Panel title={props.title} caption={props.caption} query={query} isEmpty={props.isEmpty} skeleton="chart">
      {(data) => (
        <Chart
          data={data}
          timeZone={props.timeZone}
          buildOption={props.buildOption}
          ariaLabel={`${props.title}. ${props.describe(data)}`}
          testId={props.testId}
        />
      )}
    </Panel>
  );
}

export interface ChartProps<T> {
  data: T;
  timeZone: string;
  buildOption: (data: T, context: ChartContext) => ChartOption;
  ariaLabel: string;
  testId: string;
}

/** A chart of one panel's data, its option rebuilt only when data, theme, language or time zone change. */
export function Chart<T>({ data, timeZone, buildOption, ariaLabel, testId }: ChartProps<T>) {
  const palette = useChartPalette();
  const { locale, t } = useLanguage();
  const option = useMemo(
    () => buildOption(data, { palette, locale, t, timeZone }),
    [buildOption, data, palette, locale, t, timeZone],
  );
  return <EChart option={option} ariaLabel={ariaLabel} testId={testId} />;
}
