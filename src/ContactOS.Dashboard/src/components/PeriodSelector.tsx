import { periods, type Period } from '../api/types';
import { useLanguage } from '../i18n/LanguageContext';

interface PeriodSelectorProps {
  value: Period;
  onChange: (period: Period) => void;
}

export function PeriodSelector({ value, onChange }: PeriodSelectorProps) {
  const { t } = useLanguage();
  return (
    <div className="segmented" role="group" aria-label={t.header.period}>
      {periods.map((period) => (
        <button
          key={period}
          type="button"
          className="segmented__option"
          aria-pressed={period === value}
          aria-label={t.periodNames[period]}
          data-testid={`period-${period}`}
          onClick={() => onChange(period)}
        >
          {t.periods[period]}
        </button>
      ))}
    </div>
  );
}
