import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LanguageProvider, preferredLanguage } from './i18n/LanguageContext';
import { ThemeProvider, applyTheme, preferredTheme } from './theme/ThemeContext';
import './styles.css';

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
