import { useMemo } from 'react';
import { useTheme } from '../theme/ThemeContext';

/** Chart colours and font, read from the theme's CSS variables so that charts and the rest of the page agree. */
export interface ChartPalette {
  ai: string;
  human: string;
  text: string;
  mutedText: string;
  gridLine: string;
  surface: string;
  /** Good (promoters, successful calls), bad (detractors, failures, over budget), in between (passives). */
  positive: string;
  negative: string;
  neutral: string;
  /** Low confidence and other figures to watch. */
  warning: string;
  /** Four shades of one hue, light to dark, for ordered series such as p50, p90, p95, p99. */
  sequence1: string;
  sequence2: string;
  sequence3: string;
  sequence4: string;
  /** A concrete font list: canvas text cannot 'inherit'. */
  fontFamily: string;
}

const variables: Record<keyof ChartPalette, string> = {
  ai: '--chart-ai',
  human: '--chart-human',
  text: '--text',
  mutedText: '--text-muted',
  gridLine: '--border',
  surface: '--surface',
  positive: '--positive',
  negative: '--negative',
  neutral: '--neutral',
  warning: '--status-busy',
  sequence1: '--chart-seq-1',
  sequence2: '--chart-seq-2',
  sequence3: '--chart-seq-3',
  sequence4: '--chart-seq-4',
  fontFamily: '--font-sans',
};

function readChartPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const entries = Object.entries(variables).map(([key, variable]) => [key, style.getPropertyValue(variable).trim()]);
  return Object.fromEntries(entries) as ChartPalette;
}

/** Re-read whenever the theme changes; the theme is applied to the document before React renders. */
export function useChartPalette(): ChartPalette {
  const { theme } = useTheme();
  return useMemo(readChartPalette, [theme]);
}
