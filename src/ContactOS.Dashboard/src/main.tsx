import { startFirstScreen } from './api/firstLoad';
import { readToken } from './auth/tokenStorage';
import { preferredLanguage } from './i18n/languagePreference';
import './styles.css';

// This entry is small and imports neither React nor ECharts, so it runs as soon as it arrives: the first screen's
// requests go out while the application's chunks (preloaded by index.html) are still downloading and compiling.
startFirstScreen(readToken(), preferredLanguage());
void import('./bootstrap');
