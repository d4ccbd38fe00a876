import { useId } from 'react';
import { ApiError } from '../api/client';
import { useAgentActivity } from '../api/queries';
import type { Agent } from '../api/types';
import { activityOption, activityStatuses, activityTotals, hasNoActivity } from '../charts/agentOptions';
import { formatClock, formatDay, formatDuration } from '../format/format';
import { useLanguage } from '../i18n/LanguageContext';
import { Chart } from './AnalyticsChartPanel';
import { DataTable } from './DataTable';
import { Panel } from './Panel';
import { Stat, Stats } from './Stats';

interface AgentActivityPanelProps {
  timeZone: string;
  /** The agents to choose from: the roster's, with the leaderboard's who have not reported a status. */
  agents: Pick<Agent, 'agentId' | 'displayName'>[];
  agentId: string | null;
  onAgentChange: (agentId: string) => void;
  /** The tenant-local day shown, YYYY-MM-DD. */
  date: string;
  /** Today in the tenant's time zone: the latest day there is to show. */
  today: string;
  onDateChange: (date: string) => void;
}

/** One agent's statuses over one local day: a timeline, the time per status and the intervals as a table. */
export function AgentActivityPanel({ timeZone, agents, agentId, onAgentChange, date, today, onDateChange }: AgentActivityPanelProps) {
  const { t, locale } = useLanguage();
  const text = t.agentViews.activity;
  const query = useAgentActivity(agentId, date);
  const agentFieldId = useId();
  const dateFieldId = useId();
  return (
    <Panel
      title={text.title}
      caption={text.caption}
      query={query}
      isEmpty={hasNoActivity}
      emptyText={text.empty}
      idleText={text.chooseAgent}
      describeError={(error) => (error instanceof ApiError && error.status === 404 ? text.notFound : undefined)}
      skeleton="chart"
      testId="panel-activity"
      controls={
        <>
          <div className="field">
            <label className="field__label" htmlFor={agentFieldId}>{text.agentLabel}</label>
            <select
              id={agentFieldId}
              className="field__input"
              value={agentId ?? ''}
              data-testid="activity-agent"
              onChange={(event) => onAgentChange(event.target.value)}
            >
              {agentId === null && <option value="">{text.chooseAgent}</option>}
              {agents.map((agent) => (
                <option key={agent.agentId} value={agent.agentId}>
                  {agent.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={dateFieldId}>{text.dateLabel}</label>
            <input
              id={dateFieldId}
              className="field__input"
              type="date"
              value={date}
              max={today}
              required
              data-testid="activity-date"
              onChange={(event) => event.target.value && onDateChange(event.target.value)}
            />
          </div>
        </>
      }
    >
      {(data) => {
        const totals = activityTotals(data);
        return (
          <>
            <Stats>
              {activityStatuses.map((status) => (
                <Stat
                  key={status}
                  label={t.agents.statuses[status]}
                  value={formatDuration(totals[status], locale)}
                  testId={`activity-total-${status}`}
                />
              ))}
            </Stats>
            <div className="chart-short">
              <Chart
                data={data}
                timeZone={timeZone}
                buildOption={activityOption}
                ariaLabel={`${text.title}. ${text.description(data.displayName, formatDay(data.date, locale))}`}
                testId="chart-activity"
              />
            </div>
            <details className="panel__details">
              <summary>{text.intervals}</summary>
              <DataTable
                testId="table-activity"
                label={text.intervals}
                columns={[text.columns.from, text.columns.to, text.columns.status, text.columns.duration]}
                rows={data.intervals.map((interval) => ({
                  key: interval.from,
                  header: formatClock(interval.from, timeZone, locale),
                  cells: [
                    formatClock(interval.to, timeZone, locale),
                    t.agents.statuses[interval.status],
                    formatDuration(interval.seconds, locale),
                  ],
                }))}
              />
            </details>
          </>
        );
      }}
    </Panel>
  );
}
