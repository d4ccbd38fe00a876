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
