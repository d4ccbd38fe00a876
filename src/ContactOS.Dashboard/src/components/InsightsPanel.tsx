import { useInsights } from '../api/queries';
import type { Insight, Insights, Period } from '../api/types';
import { useLanguage } from '../i18n/LanguageContext';
import { Panel } from './Panel';

type InsightTone = 'positive' | 'attention';

const toneMarks: Record<InsightTone, string> = { positive: '✓', attention: '!' };

function hasNoInsights(insights: Insights): boolean {
  return insights.positive.length === 0 && insights.attention.length === 0;
}

export function InsightsPanel({ period }: { period: Period }) {
  const { language, t } = useLanguage();
  const insights = useInsights(period, language);
  return (
    <Panel
      title={t.panels.insights}
      caption={t.panels.insightsCaption}
      query={insights}
      isEmpty={hasNoInsights}
      skeleton="list"
      className="panel--insights"
    >
      {(data) => (
        <div className="insights">
          <InsightList tone="positive" heading={t.panels.insightsPositive} items={data.positive} />
          <InsightList tone="attention" heading={t.panels.insightsAttention} items={data.attention} />
        </div>
      )}
    </Panel>
  );
}

function InsightList({ tone, heading, items }: { tone: InsightTone; heading: string; items: Insight[] }) {
  const { t } = useLanguage();
  return (
    <div className={`insights__group insights__group--${tone}`}>
      <h3 className="insights__heading">{heading}</h3>
      <ul className="insights__list" data-testid={`insights-${tone}`}>
        {items.length === 0 && <li className="insights__none">{t.states.nothingListed}</li>}
        {items.map((insight) => (
          <li key={insight.rule} className="insights__item">
            <span className="insights__mark" aria-hidden="true">
              {toneMarks[tone]}
            </span>
            <span>{insight.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
