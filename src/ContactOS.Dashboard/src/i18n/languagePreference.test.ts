import { describe, expect, it } from 'vitest';
import { asLanguage, chooseLanguage } from './languagePreference';

describe('chooseLanguage', () => {
  it("opens a Spanish tenant's dashboard in Spanish when the user has not chosen a language", () => {
    expect(chooseLanguage({ stored: null, tenant: 'es', browser: 'en-US' })).toBe('es');
  });

  it("keeps the user's own choice over the tenant's language", () => {
    expect(chooseLanguage({ stored: 'en', tenant: 'es', browser: 'es-ES' })).toBe('en');
  });

  it("uses the browser's language when the tenant settings have no language", () => {
    expect(chooseLanguage({ stored: null, browser: 'es-MX' })).toBe('es');
    expect(chooseLanguage({ stored: null, tenant: null, browser: 'en-GB' })).toBe('en');
  });

  it("uses the browser's language when the tenant's is one the dashboard does not speak", () => {
    expect(chooseLanguage({ stored: null, tenant: 'fr', browser: 'es-ES' })).toBe('es');
    expect(chooseLanguage({ stored: null, tenant: '', browser: 'es-ES' })).toBe('es');
  });

  it('falls back to English when nothing names a language it speaks', () => {
    expect(chooseLanguage({ stored: null, tenant: 'de', browser: 'fr-FR' })).toBe('en');
  });
});

describe('asLanguage', () => {
  it('reads the primary subtag of a language tag', () => {
    expect(asLanguage('ES')).toBe('es');
    expect(asLanguage('es-419')).toBe('es');
    expect(asLanguage('en_US')).toBe('en');
    expect(asLanguage('pt-BR')).toBeNull();
    expect(asLanguage(undefined)).toBeNull();
  });
});
