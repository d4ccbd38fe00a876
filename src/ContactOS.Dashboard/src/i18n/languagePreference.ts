import type { Language } from '../api/types';

const storageKey = 'contactos.dashboard.language';

/** The BCP 47 locale used for numbers and dates in each interface language. */
export const locales: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

/** The interface language for a language tag ("es", "es-MX", "EN"), or null for one the dashboard does not speak. */
export function asLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'es' ? primary : null;
}

/** The language the user chose with the toggle in this browser, if they ever did. */
export function storedLanguage(): Language | null {
  return asLanguage(localStorage.getItem(storageKey));
}

interface LanguageSources {
  /** The user's own choice, which always wins. */
  stored: Language | null;
  /** The tenant's default language (its settings' `language`), absent when the API does not give one. */
  tenant?: string | null;
  /** The browser's language (`navigator.language`). */
  browser: string;
}

/**
 * The language the dashboard speaks: the user's explicit choice, else the tenant's default language (a Spanish
 * tenant's dashboard opens in Spanish), else the browser's; English when none of them is one the dashboard speaks.
 */
export function chooseLanguage({ stored, tenant, browser }: LanguageSources): Language {
  return stored ?? asLanguage(tenant) ?? asLanguage(browser) ?? 'en';
}

/** The language to start in, before the tenant is known: the user's choice, else the browser's. */
export function preferredLanguage(): Language {
  return chooseLanguage({ stored: storedLanguage(), browser: navigator.language });
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
}
