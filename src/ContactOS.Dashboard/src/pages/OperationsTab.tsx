import { useAnalytics } from '../api/queries';
import type { Period } from '../api/types';
import { hasNoResponseTimes, percentiles, responseTimeCells, responseTimeNames, responseTimesOption } from '../charts/reportOptions';
import { AgentsPanel } from '../components/AgentsPanel';
import { Chart } from '../components/AnalyticsChartPanel';
import { DataTable } from '../components/DataTable';
import { Panel } from '../components/Panel';
import { useLanguage } from '../i18n/LanguageContext';

interface TabProps {
  period: Period;
  timeZone: string;
}

/** Response times and the agents roster. */
export function OperationsTab({ period, timeZone }: TabProps) {
  return (
    <>
      <ResponseTimesPanel period={period} timeZone={timeZone} />
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
