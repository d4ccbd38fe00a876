import { useCallback, useEffect, useState } from 'react';
import { tabFromUrl, urlWithTab, type Tab } from './tabs';

/**
 * The selected tab, kept in the URL (`?tab=costs`): a reload opens the same tab, and each change is a history entry,
 * so Back and Forward move between the tabs a user opened.
 */
export function useSelectedTab(): [Tab, (tab: Tab) => void] {
  const [tab, setTab] = useState<Tab>(() => tabFromUrl(window.location.href));

  useEffect(() => {
    const onPopState = () => setTab(tabFromUrl(window.location.href));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const select = useCallback((next: Tab) => {
    if (next === tabFromUrl(window.location.href)) {
      return;
    }
    window.history.pushState(null, '', urlWithTab(window.location.href, next));
    setTab(next);
  }, []);

  return [tab, select];
}
