import type { Language } from '../api/types';

const storageKey = 'contactos.dashboard.language';

/** The BCP 47 locale used for numbers and dates in each interface language. */
export const locales: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

/** The language the user last chose, else the browser's (Spanish for any 'es-*', English otherwise). */
export function preferredLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (stored === 'en' || stored === 'es') {
    return stored;
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
}
