import type { Period } from '../api/types';
import { useSession } from '../auth/SessionContext';
import { useLanguage } from '../i18n/LanguageContext';
import { ConnectionIndicator } from './ConnectionIndicator';
import { PeriodSelector } from './PeriodSelector';
import { LanguageToggle, ThemeToggle } from './PreferenceToggles';

interface HeaderProps {
  tenantName: string;
  period: Period;
  onPeriodChange: (period: Period) => void;
}

export function Header({ tenantName, period, onPeriodChange }: HeaderProps) {
  const { t } = useLanguage();
  const { signOut } = useSession();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__product">{t.productName}</span>
        <h1 className="app-header__tenant" data-testid="tenant-name">
          {tenantName}
        </h1>
      </div>
      <PeriodSelector value={period} onChange={onPeriodChange} />
      <div className="app-header__tools">
        <ConnectionIndicator />
        <LanguageToggle />
        <ThemeToggle />
        <button type="button" className="button" onClick={() => signOut('user')}>
          {t.header.signOut}
        </button>
      </div>
    </header>
  );
}
