import { useId } from 'react';
import { useLeaderboard } from '../api/queries';
import { agentSorts, type AgentSort, type Period } from '../api/types';
import { hasNoAgentFigures, leaderboardOption } from '../charts/agentOptions';
import { formatCount, formatDuration, formatOneDecimal, formatPercent, missingValue } from '../format/format';
import { useLanguage } from '../i18n/LanguageContext';
import { Chart } from './AnalyticsChartPanel';
import { DataTable } from './DataTable';
import { Panel } from './Panel';

interface AgentLeaderboardPanelProps {
  period: Period;
  timeZone: string;
  sort: AgentSort;
  onSortChange: (sort: AgentSort) => void;
  selectedAgent: string | null;
  onSelectAgent: (agentId: string) => void;
}

/** The agents ranked by the chosen figure: a bar chart of the top ones beside the full table. */
export function AgentLeaderboardPanel({
  period,
  timeZone,
  sort,
  onSortChange,
  selectedAgent,
  onSelectAgent,
}: AgentLeaderboardPanelProps) {
  const { t, locale } = useLanguage();
  const text = t.agentViews.leaderboard;
  const query = useLeaderboard(period, sort);
  const sortId = useId();
  const percent = (value: number | null) => (value === null ? missingValue : formatPercent(value, locale));
  return (
    <Panel
      title={text.title}
      caption={text.caption}
      query={query}
      isEmpty={hasNoAgentFigures}
      emptyText={text.empty}
      skeleton="chart"
      testId="panel-leaderboard"
      controls={
        <div className="field">
          <label className="field__label" htmlFor={sortId}>{text.sortLabel}</label>
          <select
            id={sortId}
            className="field__input"
            value={sort}
            data-testid="leaderboard-sort"
            onChange={(event) => onSortChange(event.target.value as AgentSort)}
          >
            {agentSorts.map((option) => (
              <option key={option} value={option}>
                {text.sorts[option]}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {(data) => (
        <div className="panel__split">
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={leaderboardOption}
            ariaLabel={`${text.title}. ${text.chartDescription(text.sorts[data.sort])}`}
            testId="chart-leaderboard"
          />
          <DataTable
            testId="table-leaderboard"
            label={text.title}
            columns={[
              text.columns.rank,
              text.columns.agent,
              text.columns.handled,
              text.columns.resolutions,
              text.columns.handleP50,
              text.columns.handleP90,
              text.columns.csat,
              text.columns.occupancy,
              text.columns.utilization,
            ]}
            rows={data.agents.map((agent, index) => ({
              key: agent.agentId,
              lead: formatCount(index + 1, locale),
              header: (
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={agent.agentId === selectedAgent}
                  aria-label={text.showDay(agent.displayName)}
                  data-agent-id={agent.agentId}
                  onClick={() => onSelectAgent(agent.agentId)}
                >
                  {agent.displayName}
                </button>
              ),
              cells: [
                formatCount(agent.handled, locale),
                formatCount(agent.resolutions, locale),
                formatDuration(agent.handleTime.p50, locale),
                formatDuration(agent.handleTime.p90, locale),
                agent.csat.mean === null
                  ? missingValue
                  : text.csatWithResponses(formatOneDecimal(agent.csat.mean, locale), formatCount(agent.csat.responses, locale)),
                percent(agent.occupancy),
                percent(agent.utilization),
              ],
            }))}
          />
        </div>
      )}
    </Panel>
  );
}
