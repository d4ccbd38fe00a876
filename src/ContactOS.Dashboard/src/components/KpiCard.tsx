import type { KpiName, KpiValue } from '../api/types';
import { comparisonLabel, formatKpiDelta, formatKpiValue, kpiTrend, type TrendDirection } from '../format/kpis';
import { useLanguage } from '../i18n/LanguageContext';

const arrows: Record<TrendDirection, string> = { up: '▲', down: '▼', flat: '▬' };

interface KpiCardProps {
  name: KpiName;
  kpi: KpiValue;
  northStar?: boolean;
}

export function KpiCard({ name, kpi, northStar = false }: KpiCardProps) {
  const { locale, t } = useLanguage();
  const trend = kpiTrend(name, kpi);
  const text = t.kpis[name];
  return (
    <article className={northStar ? 'kpi-card kpi-card--north-star' : 'kpi-card'} data-testid={`kpi-${name}`}>
      <h3 className="kpi-card__label">{text.label}</h3>
      <p className="kpi-card__value" data-testid="kpi-value">
        {formatKpiValue(name, kpi.value, locale, t)}
      </p>
      <p className="kpi-card__caption" data-testid="kpi-caption">
        {text.caption}
      </p>
      {trend && (
        <p
          className={`kpi-trend kpi-trend--${trend.direction}`}
          data-testid="kpi-trend"
          data-direction={trend.direction}
        >
          <span aria-hidden="true">{arrows[trend.direction]}</span>
          <span className="visually-hidden">{t.trend[trend.direction]}</span>{' '}
          <span className="kpi-trend__delta">{formatKpiDelta(name, trend, locale, t)}</span>{' '}
          <span className="kpi-trend__comparison">{comparisonLabel(name, t)}</span>
        </p>
      )}
    </article>
  );
}
