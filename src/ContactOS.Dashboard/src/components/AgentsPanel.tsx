import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useAgents } from '../api/queries';
import type { Agent, AgentRoster, AgentStatus } from '../api/types';
import { formatCount, formatInstant, formatRelativeTime } from '../format/format';
import { useLanguage } from '../i18n/LanguageContext';
import { Panel } from './Panel';
import { useNow } from './useNow';

const statusOrder: readonly AgentStatus[] = ['online', 'busy', 'offline'];

/** Available agents first, then busy, then offline; alphabetical within a status. */
export function sortAgents(agents: Agent[], locale: string): Agent[] {
  return [...agents].sort(
    (a, b) =>
      statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
      a.displayName.localeCompare(b.displayName, locale),
  );
}

export function AgentsPanel({ timeZone }: { timeZone: string }) {
  const agents = useAgents();
  const { t } = useLanguage();
  return (
    <Panel title={t.panels.agents} query={agents} isEmpty={() => false} skeleton="list" className="panel--agents">
      {(roster) => <Roster roster={roster} timeZone={timeZone} />}
    </Panel>
  );
}

/** How many of the list's items end below its visible part, kept current as it scrolls, resizes or changes. */
function useItemsBelow(listRef: RefObject<HTMLUListElement | null>, itemCount: number): number {
  const [below, setBelow] = useState(0);
  const measure = useCallback(() => {
    const list = listRef.current;
    if (!list) {
      return;
    }
    const visibleBottom = list.getBoundingClientRect().bottom;
    let count = 0;
    for (const item of list.children) {
      // A pixel of slack: an item whose border sits on the edge is fully visible.
      if (item.getBoundingClientRect().bottom > visibleBottom + 1) {
        count += 1;
      }
    }
    setBelow(count);
  }, [listRef]);

  useEffect(() => {
    const list = listRef.current;
    if (!list) {
      return;
    }
    measure();
    const resizeObserver = new ResizeObserver(measure);
    resizeObserver.observe(list);
    list.addEventListener('scroll', measure, { passive: true });
    return () => {
      resizeObserver.disconnect();
      list.removeEventListener('scroll', measure);
    };
  }, [listRef, measure, itemCount]);

  return below;
}

function Roster({ roster, timeZone }: { roster: AgentRoster; timeZone: string }) {
  const { t, locale } = useLanguage();
  const now = useNow(30_000);
  const listRef = useRef<HTMLUListElement>(null);
  const below = useItemsBelow(listRef, roster.agents.length);
  const scrollDown = () => {
    const list = listRef.current;
    list?.scrollBy({ top: list.clientHeight * 0.8, behavior: 'smooth' });
  };
  return (
    <>
      <p className="roster-counts" data-testid="agents-counts">
        {statusOrder.map((status) => (
          <span key={status} className={`status-badge status-badge--${status}`}>
            {t.agents.statuses[status]} {formatCount(roster.counts[status], locale)}
          </span>
        ))}
      </p>
      <div className={below > 0 ? 'roster-frame roster-frame--more' : 'roster-frame'}>
        <ul className="roster" data-testid="agents-roster" aria-label={t.panels.agents} ref={listRef}>
          {roster.agents.length === 0 && <li className="roster__none">{t.agents.none}</li>}
          {sortAgents(roster.agents, locale).map((agent) => (
            <li key={agent.agentId} className="roster__agent">
              <span className="roster__name">{agent.displayName}</span>
              <span className={`status-badge status-badge--${agent.status}`}>{t.agents.statuses[agent.status]}</span>
              {agent.since === null ? (
                <span className="roster__since" title={t.agents.noStatus}>
                  —
                </span>
              ) : (
                <time
                  className="roster__since"
                  dateTime={agent.since}
                  title={`${t.agents.since} ${formatInstant(agent.since, timeZone, locale)}`}
                >
                  {formatRelativeTime(new Date(agent.since), now, locale)}
                </time>
              )}
            </li>
          ))}
        </ul>
        {below > 0 && (
          <button type="button" className="roster__more" data-testid="agents-more" onClick={scrollDown}>
            {t.agents.more(formatCount(below, locale))} <span aria-hidden="true">↓</span>
          </button>
        )}
      </div>
    </>
  );
}
