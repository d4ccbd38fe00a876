import { useAnalytics } from '../api/queries';
import type { Period } from '../api/types';
import {
  confidenceOption,
  csatOption,
  dropOffOption,
  durationCells,
  formatRateFigure,
  hasNoConfidence,
  hasNoCsat,
  hasNoDropOff,
  hasNoIntentDetections,
  hasNoNps,
  hasNoQualityRates,
  hasNoToolCalls,
  hasNoToolLatency,
  intentsOption,
  npsOption,
  percentiles,
  qualityRate,
  qualityRatesOption,
  segments,
  toolCallsOption,
  toolLatencyOption,
} from '../charts/reportOptions';
import { Chart } from '../components/AnalyticsChartPanel';
import { DataTable } from '../components/DataTable';
import { JourneyPanel } from '../components/JourneyPanel';
import { Panel } from '../components/Panel';
import { Stat, Stats } from '../components/Stats';
import { formatCount, formatDecimal, formatLatency, formatNps, formatOneDecimal, formatPercent, missingValue } from '../format/format';
import { qualityRates } from '../i18n/dictionary';
import { intentName } from '../i18n/intents';
import { useLanguage } from '../i18n/LanguageContext';

interface TabProps {
  period: Period;
  timeZone: string;
}

/** CSAT, NPS, the resolution and service rates, intents and their confidence, tools, drop-off and a conversation's journey. */
export function QualityTab(props: TabProps) {
  return (
    <>
      <div className="dashboard__row dashboard__row--trends">
        <CsatPanel {...props} />
        <NpsPanel {...props} />
      </div>
      <QualityRatesPanel {...props} />
      <div className="dashboard__row dashboard__row--trends">
        <IntentsPanel {...props} />
        <ConfidencePanel {...props} />
      </div>
      <div className="dashboard__row dashboard__row--trends">
        <ToolCallsPanel {...props} />
        <ToolLatencyPanel {...props} />
      </div>
      <div className="dashboard__row dashboard__row--trends">
        <DropOffPanel {...props} />
        <JourneyPanel timeZone={props.timeZone} />
      </div>
    </>
  );
}

function CsatPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('quality', period);
  return (
    <Panel
      title={t.reports.csat}
      caption={t.reports.csatCaption}
      query={query}
      isEmpty={hasNoCsat}
      skeleton="chart"
      testId="panel-csat"
    >
      {(data) => (
        <>
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={csatOption}
            ariaLabel={`${t.reports.csat}. ${t.reportDescriptions.csat}`}
            testId="chart-csat"
          />
          <DataTable
            testId="table-csat"
            label={t.reports.csat}
            columns={[t.columns.segment, t.columns.meanCsat, t.columns.satisfiedShare, t.columns.responses]}
            rows={segments.map((segment) => {
              const figures = data.csat[segment];
              return {
                key: segment,
                header: t.segments[segment],
                cells: [
                  figures.mean === null ? missingValue : formatOneDecimal(figures.mean, locale),
                  figures.satisfiedShare === null ? missingValue : formatPercent(figures.satisfiedShare, locale),
                  formatCount(figures.responses, locale),
                ],
              };
            })}
          />
        </>
      )}
    </Panel>
  );
}

function NpsPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('quality', period);
  return (
    <Panel
      title={t.reports.nps}
      caption={t.reports.npsCaption}
      query={query}
      isEmpty={hasNoNps}
      skeleton="chart"
      testId="panel-nps"
    >
      {(data) => (
        <>
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={npsOption}
            ariaLabel={`${t.reports.nps}. ${t.reportDescriptions.nps}`}
            testId="chart-nps"
          />
          <DataTable
            testId="table-nps"
            label={t.reports.nps}
            columns={[
              t.columns.segment,
              t.columns.score,
              t.columns.promoters,
              t.columns.passives,
              t.columns.detractors,
              t.columns.responses,
            ]}
            rows={segments.map((segment) => {
              const figures = data.nps[segment];
              return {
                key: segment,
                header: t.segments[segment],
                cells: [
                  formatNps(figures.score, locale),
                  formatCount(figures.promoters, locale),
                  formatCount(figures.passives, locale),
                  formatCount(figures.detractors, locale),
                  formatCount(figures.responses, locale),
                ],
              };
            })}
          />
        </>
      )}
    </Panel>
  );
}

function QualityRatesPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('quality', period);
  const hours = (value: number) => formatDecimal(value, locale, 1);
  return (
    <Panel
      title={t.reports.qualityRates}
      caption={query.data ? t.reports.qualityRatesCaption(hours(query.data.reopenWindowHours), hours(query.data.abandonAfterHours)) : undefined}
      query={query}
      isEmpty={hasNoQualityRates}
      skeleton="chart"
      testId="panel-quality-rates"
    >
      {(data) => (
        <div className="panel__split">
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={qualityRatesOption}
            ariaLabel={`${t.reports.qualityRates}. ${t.reportDescriptions.qualityRates}`}
            testId="chart-quality-rates"
          />
          <DataTable
            testId="table-quality-rates"
            label={t.reports.qualityRates}
            columns={[t.columns.rate, ...segments.map((segment) => t.segments[segment])]}
            rows={qualityRates.map((rate) => ({
              key: rate,
              header: (
                <>
                  {t.rates[rate]}
                  <span className="data-table__hint">{t.rateHints[rate]}</span>
                </>
              ),
              cells: segments.map((segment) => formatRateFigure(qualityRate(data, rate, segment), { locale, t })),
            }))}
          />
        </div>
      )}
    </Panel>
  );
}

function IntentsPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('intents', period);
  return (
    <Panel
      title={t.reports.intents}
      caption={query.data ? t.reports.intentsCaption(formatCount(query.data.detections, locale)) : undefined}
      query={query}
      isEmpty={hasNoIntentDetections}
      skeleton="chart"
      testId="panel-intents"
    >
      {(data) => (
        <>
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={intentsOption}
            ariaLabel={`${t.reports.intents}. ${t.reportDescriptions.intents}`}
            testId="chart-intents"
          />
          <DataTable
            testId="table-intents"
            label={t.reports.intents}
            columns={[t.columns.intent, t.columns.conversations, t.columns.detections, t.columns.meanConfidence]}
            rows={data.intents.map((intent) => ({
              key: intent.intent,
              header: intentName(intent.intent, t),
              cells: [
                formatCount(intent.conversations, locale),
                formatCount(intent.detections, locale),
                intent.meanConfidence === null ? missingValue : formatDecimal(intent.meanConfidence, locale),
              ],
            }))}
          />
        </>
      )}
    </Panel>
  );
}

function ConfidencePanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('intents', period);
  return (
    <Panel
      title={t.reports.confidence}
      caption={t.reports.confidenceCaption}
      query={query}
      isEmpty={hasNoConfidence}
      skeleton="chart"
      testId="panel-confidence"
    >
      {(data) => (
        <>
          <Stats>
            <Stat
              label={t.figures.lowConfidence(formatDecimal(data.lowConfidenceThreshold, locale))}
              value={formatPercent(data.lowConfidence.value, locale)}
              detail={t.figures.outOf(formatCount(data.lowConfidence.count, locale), formatCount(data.lowConfidence.of, locale))}
              testId="stat-low-confidence"
            />
            <Stat
              label={t.figures.fallback(data.fallbackIntents.join(', '))}
              value={formatPercent(data.fallback.value, locale)}
              detail={t.figures.outOf(formatCount(data.fallback.count, locale), formatCount(data.fallback.of, locale))}
              testId="stat-fallback"
            />
          </Stats>
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={confidenceOption}
            ariaLabel={`${t.reports.confidence}. ${t.reportDescriptions.confidence}`}
            testId="chart-confidence"
          />
        </>
      )}
    </Panel>
  );
}

function ToolCallsPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('tools', period);
  const latency = (value: number | null) => formatLatency(value, locale);
  return (
    <Panel title={t.reports.toolCalls} query={query} isEmpty={hasNoToolCalls} skeleton="chart" testId="panel-tool-calls">
      {(data) => (
        <>
          <Chart
            data={data}
            timeZone={timeZone}
            buildOption={toolCallsOption}
            ariaLabel={`${t.reports.toolCalls}. ${t.reportDescriptions.toolCalls}`}
            testId="chart-tool-calls"
          />
          <DataTable
            testId="table-tools"
            label={t.reports.toolCalls}
            columns={[t.columns.tool, t.columns.calls, t.columns.successRate, t.columns.count, t.columns.mean, ...percentiles]}
            rows={data.tools.map((tool) => ({
              key: tool.tool,
              header: tool.tool,
              cells: [
                formatCount(tool.calls, locale),
                tool.successRate === null ? missingValue : formatPercent(tool.successRate, locale),
                ...durationCells(tool.latencyMs, locale, latency),
              ],
            }))}
          />
        </>
      )}
    </Panel>
  );
}

function ToolLatencyPanel({ period, timeZone }: TabProps) {
  const { t } = useLanguage();
  const query = useAnalytics('tools', period);
  return (
    <Panel
      title={t.reports.toolLatency}
      caption={t.reports.toolLatencyCaption}
      query={query}
      isEmpty={hasNoToolLatency}
      skeleton="chart"
      testId="panel-tool-latency"
    >
      {(data) => (
        <Chart
          data={data}
          timeZone={timeZone}
          buildOption={toolLatencyOption}
          ariaLabel={`${t.reports.toolLatency}. ${t.reportDescriptions.toolLatency}`}
          testId="chart-tool-latency"
        />
      )}
    </Panel>
  );
}

function DropOffPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('drop-off', period);
  return (
    <Panel
      title={t.reports.dropOff}
      caption={
        query.data
          ? t.reports.dropOffCaption(formatCount(query.data.abandoned, locale), formatCount(query.data.started, locale))
          : undefined
      }
      query={query}
      isEmpty={hasNoDropOff}
      skeleton="chart"
      testId="panel-drop-off"
    >
      {(data) => (
        <Chart
          data={data}
          timeZone={timeZone}
          buildOption={dropOffOption}
          ariaLabel={`${t.reports.dropOff}. ${t.reportDescriptions.dropOff}`}
          testId="chart-drop-off"
        />
      )}
    </Panel>
  );
}
