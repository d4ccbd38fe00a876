import { useLiveStatus } from '../live/LiveStatusContext';
import { useLanguage } from '../i18n/LanguageContext';
import { pollingSeconds } from './LiveNotice';

export function ConnectionIndicator() {
  const { state, firstAttempt } = useLiveStatus();
  const { t, locale } = useLanguage();
  const label = firstAttempt ? t.connection.connecting : t.connection[state];
  return (
    <p
      className={`connection connection--${state}`}
      data-testid="connection-indicator"
      data-state={state}
      role="status"
      title={t.connectionHints[state](pollingSeconds(locale))}
    >
      <span className="connection__dot" aria-hidden="true" />
      {label}
    </p>
  );
}
