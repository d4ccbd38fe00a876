import { useMemo, useState } from 'react';
import { useAgents, useAnalytics, useLeaderboard } from '../api/queries';
import type { Agent, AgentSort, Period } from '../api/types';
import { hasNoResponseTimes, percentiles, responseTimeCells, responseTimeNames, responseTimesOption } from '../charts/reportOptions';
import { AgentActivityPanel } from '../components/AgentActivityPanel';
import { AgentLeaderboardPanel } from '../components/AgentLeaderboardPanel';
import { AgentsPanel, sortAgents } from '../components/AgentsPanel';
import { Chart } from '../components/AnalyticsChartPanel';
import { DataTable } from '../components/DataTable';
import { HeatmapPanel } from '../components/HeatmapPanel';
import { Panel } from '../components/Panel';
import { localDate } from '../format/format';
import { useLanguage } from '../i18n/LanguageContext';

interface TabProps {
  period: Period;
  timeZone: string;
}

/**
 * Response times, the agent leaderboard, the weekday × hour heatmap, one agent's day and the roster. The agent whose
 * day is shown is the one chosen, else the leaderboard's first, else the roster's first.
 */
export function OperationsTab({ period, timeZone }: TabProps) {
  const { locale } = useLanguage();
  const [sort, setSort] = useState<AgentSort>('resolutions');
  const [chosenAgent, setChosenAgent] = useState<string | null>(null);
  const today = useMemo(() => localDate(new Date(), timeZone), [timeZone]);
  const [date, setDate] = useState(today);
  // The same queries the leaderboard and roster panels read: shared, not fetched twice.
  const leaderboard = useLeaderboard(period, sort);
  const roster = useAgents();
  const agents = useMemo(() => {
    const known: Pick<Agent, 'agentId' | 'displayName'>[] = sortAgents(roster.data?.agents ?? [], locale);
    const listed = new Set(known.map((agent) => agent.agentId));
    const others = (leaderboard.data?.agents ?? []).filter((agent) => !listed.has(agent.agentId));
    return [...known, ...others].sort((a, b) => a.displayName.localeCompare(b.displayName, locale));
  }, [roster.data, leaderboard.data, locale]);
  const agentId = chosenAgent ?? leaderboard.data?.agents[0]?.agentId ?? agents[0]?.agentId ?? null;
  const chooseAgent = (id: string) => setChosenAgent(id);

  return (
    <>
      <ResponseTimesPanel period={period} timeZone={timeZone} />
      <AgentLeaderboardPanel
        period={period}
        timeZone={timeZone}
        sort={sort}
        onSortChange={setSort}
        selectedAgent={agentId}
        onSelectAgent={(id) => {
          chooseAgent(id);
          document.querySelector('[data-testid=panel-activity]')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        }}
      />
      <div className="dashboard__row dashboard__row--trends">
        <HeatmapPanel period={period} timeZone={timeZone} />
        <AgentActivityPanel
          timeZone={timeZone}
          agents={agents}
          agentId={agentId}
          onAgentChange={chooseAgent}
          date={date}
          today={today}
          onDateChange={setDate}
        />
      </div>
      <div className="dashboard__row dashboard__row--people">
        <AgentsPanel timeZone={timeZone} />
      </div>
    </>
  );
}

function ResponseTimesPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('response-times', period);
  return (
    <Panel
      title={t.reports.responseTimes}
      caption={t.reports.responseTimesCaption}
      query={query}
      isEmpty={hasNoResponseTimes}
      skeleton="chart"
      testId="panel-response-times"
    >
      {(data) => (
        <div className="panel__split">
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={responseTimesOption}
            ariaLabel={`${t.reports.responseTimes}. ${t.reportDescriptions.responseTimes}`}
            testId="chart-response-times"
          />
          <DataTable
            testId="table-response-times"
            label={t.reports.responseTimes}
            columns={[t.columns.time, t.columns.count, t.columns.mean, ...percentiles]}
            rows={responseTimeNames.map((name) => ({
              key: name,
              header: t.times[name],
              cells: responseTimeCells(data[name], locale),
            }))}
          />
        </div>
      )}
    </Panel>
  );
}
