import { useLayoutEffect, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { initialPeriod } from '../api/endpoints';
import { useTenant } from '../api/queries';
import type { Period, Tenant } from '../api/types';
import { useSession } from '../auth/SessionContext';
import { Header } from '../components/Header';
import { LiveNotice } from '../components/LiveNotice';
import { ErrorState, Skeleton } from '../components/Panel';
import { TabBar, TabPanel } from '../components/Tabs';
import { useLanguage } from '../i18n/LanguageContext';
import { LiveStatusContext } from '../live/LiveStatusContext';
import { useLiveConnection } from '../live/useLiveConnection';
import type { Tab } from '../tabs/tabs';
import { useSelectedTab } from '../tabs/useSelectedTab';
import { CostsTab } from './CostsTab';
import { OperationsTab } from './OperationsTab';
import { OverviewTab } from './OverviewTab';
import { QualityTab } from './QualityTab';

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

const tabContent: Record<Tab, (props: { period: Period; timeZone: string }) => ReactNode> = {
  overview: OverviewTab,
  operations: OperationsTab,
  quality: QualityTab,
  costs: CostsTab,
};

function Dashboard({ tenant, period, onPeriodChange }: DashboardProps) {
  const [tab, selectTab] = useSelectedTab();
  const Content = tabContent[tab];
  return (
    <div className="app">
      <Header tenantName={tenant.displayName} period={period} onPeriodChange={onPeriodChange} />
      <main className="dashboard">
        <LiveNotice />
        <TabBar selected={tab} onSelect={selectTab} />
        <TabPanel tab={tab}>
          <Content period={period} timeZone={tenant.timeZone} />
        </TabPanel>
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
