import type { Period } from '../api/types';
import { useKpis } from '../api/queries';
import { kpiOrder } from '../format/kpis';
import { useLanguage } from '../i18n/LanguageContext';
import { KpiCard } from './KpiCard';
import { ErrorState } from './Panel';

export function KpiStrip({ period }: { period: Period }) {
  const kpis = useKpis(period);
  const { t } = useLanguage();
  const report = kpis.data;

  if (!report && kpis.isError) {
    return (
      <section className="kpi-strip kpi-strip--error" aria-label={t.periodNames[period]}>
        <ErrorState onRetry={() => void kpis.refetch()} />
      </section>
    );
  }

  return (
    <section className="kpi-strip" aria-label={t.periodNames[period]} aria-busy={!report}>
      {kpiOrder.map((name, index) =>
        report ? (
          <KpiCard key={name} name={name} kpi={report[name]} northStar={index === 0} />
        ) : (
          <div
            key={name}
            className={index === 0 ? 'kpi-card kpi-card--north-star skeleton' : 'kpi-card skeleton'}
            data-testid={`kpi-${name}`}
            aria-hidden="true"
          />
        ),
      )}
    </section>
  );
}
