import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../api/types';
import { dictionaries, type Dictionary } from './dictionary';
import { chooseLanguage, locales, storedLanguage, storeLanguage } from './languagePreference';

interface LanguageContextValue {
  language: Language;
  locale: string;
  t: Dictionary;
  /** The user's choice: kept for the next visit, and it outranks the tenant's default from then on. */
  setLanguage: (language: Language) => void;
  /** Speaks the tenant's default language (absent: the browser's), unless the user has chosen one. Not stored. */
  adoptTenantLanguage: (tenantLanguage: string | null | undefined) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function LanguageProvider({ initialLanguage, children }: { initialLanguage: Language; children: ReactNode }) {
  const [language, setLanguageState] = useState(initialLanguage);

  const apply = useCallback((next: Language) => {
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);

  const setLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      apply(next);
    },
    [apply],
  );

  const adoptTenantLanguage = useCallback(
    (tenantLanguage: string | null | undefined) =>
      apply(chooseLanguage({ stored: storedLanguage(), tenant: tenantLanguage, browser: navigator.language })),
    [apply],
  );

  const value = useMemo(
    () => ({ language, locale: locales[language], t: dictionaries[language], setLanguage, adoptTenantLanguage }),
    [language, setLanguage, adoptTenantLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) {
    throw new Error('useLanguage must be used inside a LanguageProvider.');
  }
  return value;
}
