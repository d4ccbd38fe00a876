import { useLayoutEffect, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { initialPeriod } from '../api/endpoints';
import { useTenant } from '../api/queries';
import type { Period, Tenant } from '../api/types';
import { useSession } from '../auth/SessionContext';
import { AgentsPanel } from '../components/AgentsPanel';
import {
  HandoffReasonsPanel,
  ResolutionSplitPanel,
  SentimentTrendPanel,
  TopIntentsPanel,
  VolumePanel,
} from '../components/ChartPanels';
import { Header } from '../components/Header';
import { InsightsPanel } from '../components/InsightsPanel';
import { KpiStrip } from '../components/KpiStrip';
import { LiveNotice } from '../components/LiveNotice';
import { ErrorState, Skeleton } from '../components/Panel';
import { useLanguage } from '../i18n/LanguageContext';
import { LiveStatusContext } from '../live/LiveStatusContext';
import { useLiveConnection } from '../live/useLiveConnection';

export function AnalyticsPage() {
  const { token } = useSession();
  const [period, setPeriod] = useState<Period>(initialPeriod);
  const liveStatus = useLiveConnection(token, period);
  const tenant = useTenant();
  const { adoptTenantLanguage } = useLanguage();
  const tenantLoaded = tenant.data !== undefined;
  const tenantLanguage = tenant.data?.language;
  // Before the dashboard first paints, so a Spanish tenant's page never flashes in English.
  useLayoutEffect(() => {
    if (tenantLoaded) {
      adoptTenantLanguage(tenantLanguage);
    }
  }, [tenantLoaded, tenantLanguage, adoptTenantLanguage]);

  return (
    <LiveStatusContext.Provider value={liveStatus}>
      {tenant.data ? (
        <Dashboard tenant={tenant.data} period={period} onPeriodChange={setPeriod} />
      ) : (
        <TenantPending tenant={tenant} />
      )}
    </LiveStatusContext.Provider>
  );
}

interface DashboardProps {
  tenant: Tenant;
  period: Period;
  onPeriodChange: (period: Period) => void;
}

function Dashboard({ tenant, period, onPeriodChange }: DashboardProps) {
  const charts = { period, timeZone: tenant.timeZone };
  return (
    <div className="app">
      <Header tenantName={tenant.displayName} period={period} onPeriodChange={onPeriodChange} />
      <main className="dashboard">
        <LiveNotice />
        <KpiStrip period={period} />
        <div className="dashboard__row dashboard__row--breakdowns">
          <ResolutionSplitPanel {...charts} />
          <HandoffReasonsPanel {...charts} />
          <TopIntentsPanel {...charts} />
        </div>
        <div className="dashboard__row dashboard__row--trends">
          <VolumePanel {...charts} />
          <SentimentTrendPanel {...charts} />
        </div>
        <div className="dashboard__row dashboard__row--people">
          <AgentsPanel timeZone={tenant.timeZone} />
          <InsightsPanel period={period} />
        </div>
      </main>
    </div>
  );
}

function TenantPending({ tenant }: { tenant: UseQueryResult<Tenant> }) {
  const { t } = useLanguage();
  const { signOut } = useSession();
  return (
    <main className="page-status">
      {tenant.isError ? (
        <>
          <ErrorState message={t.states.tenantError} onRetry={() => void tenant.refetch()} />
          <button type="button" className="button button--quiet" onClick={() => signOut('user')}>
            {t.header.signOut}
          </button>
        </>
      ) : (
        <Skeleton shape="list" />
      )}
    </main>
  );
}
