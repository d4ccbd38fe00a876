import { startFirstScreen } from './api/firstLoad';
import { readToken } from './auth/tokenStorage';
import { prepareFormats } from './format/format';
import { locales, preferredLanguage } from './i18n/languagePreference';
import { defaultTab, tabFromUrl } from './tabs/tabs';
import './styles.css';

// This entry is small and imports neither React nor ECharts, so it runs as soon as it arrives: the first screen's
// requests go out while the application's chunks (preloaded by index.html) are still downloading and compiling.
const token = readToken();
const language = preferredLanguage();
startFirstScreen(token, language, tabFromUrl(window.location.href) === defaultTab);
void import('./bootstrap');
// The main thread is idle while those chunks compile on other threads: it creates the dashboard's formats now (the
// sign-in screen, shown without a token, formats no numbers).
if (token) {
  prepareFormats(locales[language]);
}
