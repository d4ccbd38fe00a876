import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useLanguage } from '../i18n/LanguageContext';
import { tabForKey, tabs, type Tab } from '../tabs/tabs';

const tabId = (tab: Tab) => `tab-${tab}`;
const panelId = (tab: Tab) => `tabpanel-${tab}`;

interface TabBarProps {
  selected: Tab;
  onSelect: (tab: Tab) => void;
}

/**
 * The page's tabs, as the ARIA tabs pattern has them: one tab in the focus order (the selected one), the arrow keys,
 * Home and End moving between tabs and opening the one they move to.
 */
export function TabBar({ selected, onSelect }: TabBarProps) {
  const { t } = useLanguage();
  const buttons = useRef(new Map<Tab, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(selected, event.key);
    if (next) {
      event.preventDefault();
      onSelect(next);
      buttons.current.get(next)?.focus();
    }
  };
  return (
    <div className="tabs" role="tablist" aria-label={t.tabs.label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          ref={(button) => {
            if (button) {
              buttons.current.set(tab, button);
            } else {
              buttons.current.delete(tab);
            }
          }}
          type="button"
          role="tab"
          id={tabId(tab)}
          className="tabs__tab"
          aria-selected={tab === selected}
          aria-controls={tab === selected ? panelId(tab) : undefined}
          tabIndex={tab === selected ? 0 : -1}
          data-testid={tabId(tab)}
          onClick={() => onSelect(tab)}
        >
          {t.tabs[tab]}
        </button>
      ))}
    </div>
  );
}

/** The selected tab's content; the others are not rendered, so they fetch nothing until opened. */
export function TabPanel({ tab, children }: { tab: Tab; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={panelId(tab)}
      aria-labelledby={tabId(tab)}
      className="tabpanel"
      tabIndex={0}
      data-testid={panelId(tab)}
    >
      {children}
    </div>
  );
}
