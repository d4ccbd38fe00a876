import type { Period } from '../api/types';
import { AgentsPanel } from '../components/AgentsPanel';
import {
  HandoffReasonsPanel,
  ResolutionSplitPanel,
  SentimentTrendPanel,
  TopIntentsPanel,
  VolumePanel,
} from '../components/ChartPanels';
import { InsightsPanel } from '../components/InsightsPanel';
import { KpiStrip } from '../components/KpiStrip';

interface TabProps {
  period: Period;
  timeZone: string;
}

/** The KPI strip, the five charts, the roster and the insights. */
export function OverviewTab({ period, timeZone }: TabProps) {
  const charts = { period, timeZone };
  return (
    <>
      <KpiStrip period={period} />
      <div className="dashboard__row dashboard__row--breakdowns">
        <ResolutionSplitPanel {...charts} />
        <HandoffReasonsPanel {...charts} />
        <TopIntentsPanel {...charts} />
      </div>
      <div className="dashboard__row dashboard__row--trends">
        <VolumePanel {...charts} />
        <SentimentTrendPanel {...charts} />
      </div>
      <div className="dashboard__row dashboard__row--people">
        <AgentsPanel timeZone={timeZone} />
        <InsightsPanel period={period} />
      </div>
    </>
  );
}
