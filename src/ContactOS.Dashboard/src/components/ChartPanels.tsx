import type { Period } from '../api/types';
import {
  handoffReasonsOption,
  hasNoHandoffs,
  hasNoIntents,
  hasNoResolutions,
  hasNoSentiment,
  hasNoVolume,
  resolutionSplitOption,
  sentimentTrendOption,
  topIntentsOption,
  volumeOption,
} from '../charts/options';
import { formatPercent } from '../format/format';
import { useLanguage } from '../i18n/LanguageContext';
import { AnalyticsChartPanel } from './AnalyticsChartPanel';

interface ChartPanelProps {
  period: Period;
  timeZone: string;
}

export function ResolutionSplitPanel(props: ChartPanelProps) {
  const { t, locale } = useLanguage();
  return (
    <AnalyticsChartPanel
      {...props}
      view="resolution-split"
      title={t.panels.resolutionSplit}
      caption={t.panels.resolutionSplitCaption}
      testId="chart-resolution-split"
      isEmpty={hasNoResolutions}
      buildOption={resolutionSplitOption}
      describe={(data) =>
        t.chartDescriptions.resolutionSplit(formatPercent(data.aiShare, locale), formatPercent(data.humanShare, locale))
      }
    />
  );
}

export function HandoffReasonsPanel(props: ChartPanelProps) {
  const { t } = useLanguage();
  return (
    <AnalyticsChartPanel
      {...props}
      view="handoff-reasons"
      title={t.panels.handoffReasons}
      testId="chart-handoff-reasons"
      isEmpty={hasNoHandoffs}
      buildOption={handoffReasonsOption}
      describe={() => t.chartDescriptions.handoffReasons}
    />
  );
}

export function TopIntentsPanel(props: ChartPanelProps) {
  const { t } = useLanguage();
  return (
    <AnalyticsChartPanel
      {...props}
      view="top-intents"
      title={t.panels.topIntents}
      testId="chart-top-intents"
      isEmpty={hasNoIntents}
      buildOption={topIntentsOption}
      describe={() => t.chartDescriptions.topIntents}
    />
  );
}

export function VolumePanel(props: ChartPanelProps) {
  const { t } = useLanguage();
  return (
    <AnalyticsChartPanel
      {...props}
      view="volume"
      title={t.panels.volume}
      testId="chart-volume"
      isEmpty={hasNoVolume}
      buildOption={volumeOption}
      describe={(data) => t.chartDescriptions.volume[data.interval]}
    />
  );
}

export function SentimentTrendPanel(props: ChartPanelProps) {
  const { t } = useLanguage();
  return (
    <AnalyticsChartPanel
      {...props}
      view="sentiment-trend"
      title={t.panels.sentimentTrend}
      testId="chart-sentiment-trend"
      isEmpty={hasNoSentiment}
      buildOption={sentimentTrendOption}
      describe={(data) => t.chartDescriptions.sentimentTrend[data.interval]}
    />
  );
}
