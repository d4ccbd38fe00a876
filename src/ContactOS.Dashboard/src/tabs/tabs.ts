/** The analytics page's tabs, in their order on screen. */
export const tabs = ['overview', 'operations', 'quality', 'costs'] as const;
export type Tab = (typeof tabs)[number];

/** The page opens on this tab, and its URL carries no tab. */
export const defaultTab: Tab = 'overview';

const parameter = 'tab';

function isTab(value: string | null): value is Tab {
  return (tabs as readonly (string | null)[]).includes(value);
}

/** The tab a URL names (`?tab=quality`); the Overview when it names none or one that does not exist. */
export function tabFromUrl(url: string): Tab {
  const value = new URL(url, 'http://localhost/').searchParams.get(parameter);
  return isTab(value) ? value : defaultTab;
}

/** The URL with `tab` selected, its other parts kept; the Overview leaves the parameter out. Path, query and hash only. */
export function urlWithTab(url: string, tab: Tab): string {
  const parsed = new URL(url, 'http://localhost/');
  if (tab === defaultTab) {
    parsed.searchParams.delete(parameter);
  } else {
    parsed.searchParams.set(parameter, tab);
  }
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The tab after `tab` in the direction of an arrow key, wrapping round; Home and End go to the first and last. */
export function tabForKey(tab: Tab, key: string): Tab | undefined {
  const index = tabs.indexOf(tab);
  switch (key) {
    case 'ArrowRight':
      return tabs[(index + 1) % tabs.length];
    case 'ArrowLeft':
      return tabs[(index - 1 + tabs.length) % tabs.length];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[tabs.length - 1];
    default:
      return undefined;
  }
}
