import { useState } from 'react';
import { useHeatmap } from '../api/queries';
import type { Period } from '../api/types';
import { conversationsHeatmapOption, describeHeatmap, hasNoHeatmapData, occupancyHeatmapOption } from '../charts/agentOptions';
import type { HeatmapMode } from '../i18n/agentViewsText';
import { useLanguage } from '../i18n/LanguageContext';
import { Chart } from './AnalyticsChartPanel';
import { Panel } from './Panel';

const heatmapModes: readonly HeatmapMode[] = ['conversations', 'occupancy'];
const optionOf = { conversations: conversationsHeatmapOption, occupancy: occupancyHeatmapOption };

/** Conversations started, or agent occupancy, by local weekday and hour, with the busiest cell said in words. */
export function HeatmapPanel({ period, timeZone }: { period: Period; timeZone: string }) {
  const { t, locale } = useLanguage();
  const text = t.agentViews.heatmap;
  const [mode, setMode] = useState<HeatmapMode>('conversations');
  const query = useHeatmap(period);
  return (
    <Panel
      title={text.title}
      caption={text.caption}
      query={query}
      isEmpty={hasNoHeatmapData}
      skeleton="chart"
      testId="panel-heatmap"
      controls={
        <div className="segmented" role="group" aria-label={text.modeLabel}>
          {heatmapModes.map((option) => (
            <button
              key={option}
              type="button"
              className="segmented__option"
              aria-pressed={option === mode}
              data-testid={`heatmap-mode-${option}`}
              onClick={() => setMode(option)}
            >
              {text.modes[option]}
            </button>
          ))}
        </div>
      }
    >
      {(data) => {
        const description = describeHeatmap(data, mode, { locale, t });
        return (
          <figure className="panel__figure" data-mode={mode}>
            <Chart
              data={data}
              timeZone={timeZone}
              buildOption={optionOf[mode]}
              ariaLabel={`${text.title}. ${description}`}
              testId="chart-heatmap"
            />
            <figcaption className="panel__figcaption" data-testid="heatmap-caption">
              {description}
              {mode === 'occupancy' && ` ${text.noOccupancy}.`}
            </figcaption>
          </figure>
        );
      }}
    </Panel>
  );
}
