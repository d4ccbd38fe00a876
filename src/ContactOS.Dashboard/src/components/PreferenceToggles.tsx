import { useLanguage } from '../i18n/LanguageContext';
import { useTheme } from '../theme/ThemeContext';

export function LanguageToggle() {
  const { language, setLanguage, t } = useLanguage();
  const other = language === 'en' ? 'es' : 'en';
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={() => setLanguage(other)}
      aria-label={t.header.languageToggle}
    >
      {other.toUpperCase()}
    </button>
  );
}

export function ThemeToggle() {
  const { theme, toggleTheme } = useTheme();
  const { t } = useLanguage();
  const label = theme === 'dark' ? t.header.themeToLight : t.header.themeToDark;
  return (
    <button type="button" className="button button--quiet" onClick={toggleTheme} aria-label={label} title={label}>
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  );
}
