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

function Roster({ roster, timeZone }: { roster: AgentRoster; timeZone: string }) {
  const { t, locale } = useLanguage();
  const now = useNow(30_000);
  return (
    <>
      <p className="roster-counts">
        {statusOrder.map((status) => (
          <span key={status} className={`status-badge status-badge--${status}`}>
            {t.agents.statuses[status]} {formatCount(roster.counts[status], locale)}
          </span>
        ))}
      </p>
      <ul className="roster" data-testid="agents-roster" aria-label={t.panels.agents}>
        {roster.agents.length === 0 && <li className="roster__none">{t.agents.none}</li>}
        {sortAgents(roster.agents, locale).map((agent) => (
          <li key={agent.agentId} className="roster__agent">
            <span className="roster__name">{agent.displayName}</span>
            <span className={`status-badge status-badge--${agent.status}`}>{t.agents.statuses[agent.status]}</span>
            <time
              className="roster__since"
              dateTime={agent.since}
              title={`${t.agents.since} ${formatInstant(agent.since, timeZone, locale)}`}
            >
              {formatRelativeTime(new Date(agent.since), now, locale)}
            </time>
          </li>
        ))}
      </ul>
    </>
  );
}
