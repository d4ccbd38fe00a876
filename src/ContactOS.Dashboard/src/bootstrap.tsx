import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LanguageProvider } from './i18n/LanguageContext';
import { preferredLanguage } from './i18n/languagePreference';
import { ThemeProvider, applyTheme, preferredTheme } from './theme/ThemeContext';

const theme = preferredTheme();
const language = preferredLanguage();
applyTheme(theme);
document.documentElement.lang = language;

const root = document.getElementById('root');
if (!root) {
  throw new Error('The page has no #root element to render the dashboard into.');
}

createRoot(root).render(
  <StrictMode>
    <ThemeProvider initialTheme={theme}>
      <LanguageProvider initialLanguage={language}>
        <App />
      </LanguageProvider>
    </ThemeProvider>
  </StrictMode>,
);
