import { dictionaries } from '../i18n/dictionary';
import type { ChartContext } from '../charts/options';
import type { ChartPalette } from '../charts/palette';

/** A palette of plain colours for option builder tests (tests only). */
export const testPalette: ChartPalette = {
  ai: '#00f',
  human: '#f80',
  text: '#111',
  mutedText: '#666',
  gridLine: '#ddd',
  surface: '#fff',
  positive: '#0a0',
  negative: '#c00',
  neutral: '#888',
  warning: '#b70',
  sequence1: '#aaf',
  sequence2: '#77f',
  sequence3: '#44f',
  sequence4: '#11a',
  fontFamily: 'sans-serif',
};

export function testContext(language: 'en' | 'es' = 'en', timeZone = 'Europe/Madrid'): ChartContext {
  return {
    palette: testPalette,
    locale: language === 'en' ? 'en-US' : 'es-ES',
    t: dictionaries[language],
    timeZone,
  };
}
