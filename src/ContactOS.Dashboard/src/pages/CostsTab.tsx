import { useAnalytics } from '../api/queries';
import type { CostsReport, Period } from '../api/types';
import {
  budgetOption,
  hasNoBudgetFigures,
  hasNoModelSpend,
  hasNoResolutionCost,
  modelName,
  modelSpendOption,
  resolutionCostOption,
} from '../charts/reportOptions';
import { Chart } from '../components/AnalyticsChartPanel';
import { DataTable } from '../components/DataTable';
import { Panel } from '../components/Panel';
import { Stat, Stats, UnsetStat } from '../components/Stats';
import { formatCount, formatDecimal, formatMoney, formatMonth, formatPercent, missingValue } from '../format/format';
import { useLanguage } from '../i18n/LanguageContext';

interface TabProps {
  period: Period;
  timeZone: string;
}

/** Model spend, cost per resolution, automation savings and the monthly budget, in the tenant's currency. */
export function CostsTab(props: TabProps) {
  return (
    <>
      <div className="dashboard__row dashboard__row--trends">
        <ModelSpendPanel {...props} />
        <ResolutionCostPanel {...props} />
      </div>
      <div className="dashboard__row dashboard__row--trends">
        <AutomationPanel {...props} />
        <BudgetPanel {...props} />
      </div>
    </>
  );
}

function useMoney(report: CostsReport) {
  const { locale } = useLanguage();
  return (amount: number | null) => formatMoney(amount, report.currency, locale);
}

function ModelSpendPanel({ period, timeZone }: TabProps) {
  const { t } = useLanguage();
  const query = useAnalytics('costs', period);
  return (
    <Panel
      title={t.reports.modelSpend}
      caption={t.reports.modelSpendCaption}
      query={query}
      isEmpty={hasNoModelSpend}
      skeleton="chart"
      testId="panel-model-spend"
    >
      {(data) => <ModelSpend data={data} timeZone={timeZone} />}
    </Panel>
  );
}

function ModelSpend({ data, timeZone }: { data: CostsReport; timeZone: string }) {
  const { t, locale } = useLanguage();
  const money = useMoney(data);
  const { perConversation } = data;
  return (
    <>
      <Stats>
        <Stat
          label={t.figures.meanCostPerConversation}
          value={money(perConversation.meanCost)}
          detail={`${money(perConversation.cost)} · ${formatCount(perConversation.conversations, locale)} ${t.columns.conversations.toLowerCase()}`}
          testId="stat-mean-cost"
        />
        <Stat
          label={t.figures.meanTokensPerConversation}
          value={perConversation.meanTokens === null ? missingValue : formatDecimal(perConversation.meanTokens, locale, 0)}
          detail={`${formatCount(perConversation.tokens, locale)} ${t.columns.tokens.toLowerCase()}`}
          testId="stat-mean-tokens"
        />
      </Stats>
      <Chart
        data={data}
        timeZone={timeZone}
        buildOption={modelSpendOption}
        ariaLabel={`${t.reports.modelSpend}. ${t.reportDescriptions.modelSpend}`}
        testId="chart-model-spend"
      />
      <DataTable
        testId="table-models"
        label={t.reports.modelSpend}
        columns={[t.columns.model, t.columns.messages, t.columns.tokens, t.columns.cost]}
        rows={data.models.map((model) => ({
          key: model.model,
          header: modelName(model.model, { t }),
          cells: [formatCount(model.messages, locale), formatCount(model.tokens, locale), money(model.cost)],
        }))}
      />
    </>
  );
}

function ResolutionCostPanel({ period, timeZone }: TabProps) {
  const { t } = useLanguage();
  const query = useAnalytics('costs', period);
  return (
    <Panel
      title={t.reports.resolutionCost}
      caption={t.reports.resolutionCostCaption}
      query={query}
      isEmpty={hasNoResolutionCost}
      skeleton="chart"
      testId="panel-resolution-cost"
    >
      {(data) => <ResolutionCost data={data} timeZone={timeZone} />}
    </Panel>
  );
}

function ResolutionCost({ data, timeZone }: { data: CostsReport; timeZone: string }) {
  const { t, locale } = useLanguage();
  const money = useMoney(data);
  const { aiResolution: ai, humanResolution: human } = data;
  return (
    <>
      <Stats>
        <Stat
          label={t.figures.costPerAiResolution}
          value={money(ai.costPerResolution)}
          detail={`${formatCount(ai.resolutions, locale)} · ${money(ai.cost)}`}
          testId="stat-cost-per-ai-resolution"
        />
        {human.costPerResolution === null && human.resolutions > 0 ? (
          <UnsetStat
            label={t.figures.costPerHumanResolution}
            hint={t.notSet.agentCostPerHour}
            testId="stat-cost-per-human-resolution"
          />
        ) : (
          <Stat
            label={t.figures.costPerHumanResolution}
            value={money(human.costPerResolution)}
            detail={`${formatCount(human.resolutions, locale)} · ${t.figures.handleHours(formatDecimal(human.handleHours, locale, 1))}`}
            testId="stat-cost-per-human-resolution"
          />
        )}
      </Stats>
      <Chart
        data={data}
        timeZone={timeZone}
        buildOption={resolutionCostOption}
        ariaLabel={`${t.reports.resolutionCost}. ${t.reportDescriptions.resolutionCost}`}
        testId="chart-resolution-cost"
      />
    </>
  );
}

function AutomationPanel({ period }: TabProps) {
  const { t } = useLanguage();
  const query = useAnalytics('costs', period);
  return (
    <Panel
      title={t.reports.automation}
      caption={t.reports.automationCaption}
      query={query}
      isEmpty={(data) => data.automation.started === 0}
      skeleton="list"
      testId="panel-automation"
    >
      {(data) => <Automation data={data} />}
    </Panel>
  );
}

function Automation({ data }: { data: CostsReport }) {
  const { t, locale } = useLanguage();
  const money = useMoney(data);
  const { automation } = data;
  return (
    <Stats>
      <Stat
        label={t.figures.automationRate}
        value={formatPercent(automation.rate, locale)}
        detail={t.figures.automated(formatCount(automation.automated, locale), formatCount(automation.started, locale))}
        testId="stat-automation-rate"
      />
      {automation.costSaved === null ? (
        <UnsetStat label={t.figures.costSaved} hint={t.notSet.costPerHumanConversation} testId="stat-cost-saved" />
      ) : (
        <Stat label={t.figures.costSaved} value={money(automation.costSaved)} testId="stat-cost-saved" tone="positive" />
      )}
      {automation.netSaved !== null && (
        <Stat
          label={t.figures.netSaved}
          value={money(automation.netSaved)}
          tone={automation.netSaved >= 0 ? 'positive' : 'negative'}
          testId="stat-net-saved"
        />
      )}
    </Stats>
  );
}

function BudgetPanel({ period, timeZone }: TabProps) {
  const { t, locale } = useLanguage();
  const query = useAnalytics('costs', period);
  return (
    <Panel
      title={t.reports.budget}
      caption={query.data ? t.reports.budgetCaption(formatMonth(query.data.budget.monthStart, timeZone, locale)) : undefined}
      query={query}
      isEmpty={hasNoBudgetFigures}
      emptyText={t.noSpendThisMonth}
      skeleton="chart"
      testId="panel-budget"
    >
      {(data) => <Budget data={data} timeZone={timeZone} />}
    </Panel>
  );
}

function Budget({ data, timeZone }: { data: CostsReport; timeZone: string }) {
  const { t } = useLanguage();
  const money = useMoney(data);
  const { budget } = data;
  return (
    <>
      <Stats>
        <Stat label={t.figures.spendToDate} value={money(budget.spendToDate)} testId="stat-spend-to-date" />
        <Stat
          label={t.figures.projectedMonthEnd}
          value={money(budget.projectedMonthEnd)}
          tone={budget.overBudget ? 'negative' : undefined}
          testId="stat-projected-month-end"
        />
        {budget.monthlyBudget === null ? (
          <UnsetStat label={t.figures.monthlyBudget} hint={t.notSet.monthlyBudget} testId="stat-monthly-budget" />
        ) : (
          <Stat label={t.figures.monthlyBudget} value={money(budget.monthlyBudget)} testId="stat-monthly-budget" />
        )}
      </Stats>
      {budget.overBudget !== null && (
        <p
          className={budget.overBudget ? 'budget-flag budget-flag--over' : 'budget-flag'}
          data-testid="budget-flag"
          data-over-budget={budget.overBudget}
        >
          {budget.overBudget ? t.figures.overBudget : t.figures.withinBudget}
        </p>
      )}
      <Chart
        data={data}
        timeZone={timeZone}
        buildOption={budgetOption}
        ariaLabel={`${t.reports.budget}. ${t.reportDescriptions.budget}`}
        testId="chart-budget"
      />
    </>
  );
}
