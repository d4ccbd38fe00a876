import type { ReactNode } from 'react';
import { useLanguage } from '../i18n/LanguageContext';

export function Stats({ children }: { children: ReactNode }) {
  return <dl className="stats">{children}</dl>;
}

export type StatTone = 'positive' | 'negative';

interface StatProps {
  label: string;
  value: string;
  detail?: string;
  tone?: StatTone;
  testId?: string;
}

/** One headline figure with its label and, under it, what it is made of. */
export function Stat({ label, value, detail, tone, testId }: StatProps) {
  return (
    <div className={tone ? `stat stat--${tone}` : 'stat'} data-testid={testId}>
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{value}</dd>
      {detail && <dd className="stat__detail">{detail}</dd>}
    </div>
  );
}

/** A figure that needs a tenant setting the organisation has not set: says so, and where to set it. */
export function UnsetStat({ label, hint, testId }: { label: string; hint: string; testId?: string }) {
  const { t } = useLanguage();
  return (
    <div className="stat stat--unset" data-testid={testId} data-unset="true">
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{t.notSet.value}</dd>
      <dd className="stat__detail">{hint}</dd>
    </div>
  );
}
