import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useAgents, useJourney } from '../api/queries';
import type { Journey } from '../api/types';
import { formatClock, formatCount, formatInstant, missingValue } from '../format/format';
import { isConversationId, isScoredSentiment, journeyEventDetails, journeyTypeName } from '../format/journey';
import { useLanguage } from '../i18n/LanguageContext';
import { DataTable } from './DataTable';
import { Panel } from './Panel';

/** Looks one conversation up by its id and lists its events in timeline order, with the sentiment each counts with. */
export function JourneyPanel({ timeZone }: { timeZone: string }) {
  const { t, locale } = useLanguage();
  const text = t.agentViews.journey;
  const [draft, setDraft] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const query = useJourney(asked);
  const roster = useAgents();
  const inputId = useId();
  const hintId = useId();
  const agentName = (agentId: string) => roster.data?.agents.find((agent) => agent.agentId === agentId)?.displayName ?? agentId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = isConversationId(draft);
    setInvalid(!valid);
    setAsked(valid ? draft : null);
  };

  return (
    <Panel
      title={text.title}
      caption={text.caption}
      query={query}
      isEmpty={(data: Journey) => data.events.length === 0}
      skeleton="list"
      testId="panel-journey"
      idleText={text.empty}
      describeError={(error) => {
        if (!(error instanceof ApiError)) {
          return undefined;
        }
        return error.status === 404 ? text.notFound(asked ?? '') : error.status === 400 ? text.badId : undefined;
      }}
      controls={
        <form className="lookup" onSubmit={submit} role="search" aria-label={text.title}>
          <div className="field field--grow">
            <label className="field__label" htmlFor={inputId}>{text.inputLabel}</label>
            <input
              id={inputId}
              className="field__input"
              type="text"
              value={draft}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={invalid}
              aria-describedby={invalid ? hintId : undefined}
              data-testid="journey-id"
              onChange={(event) => setDraft(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" data-testid="journey-submit">
            {text.submit}
          </button>
          {invalid && (
            <p id={hintId} className="lookup__error" role="alert" data-testid="journey-invalid">
              {text.badId}
            </p>
          )}
        </form>
      }
    >
      {(data) => (
        <>
          <p className="panel__note" data-testid="journey-summary">
            {data.conversationId} · {text.summary(formatCount(data.events.length, locale))}
          </p>
          <DataTable
            testId="table-journey"
            textual
            label={`${text.title}: ${data.conversationId}`}
            columns={[text.columns.time, text.columns.type, text.columns.details, text.columns.sentiment]}
            rows={data.events.map(({ position, sentiment, event }) => ({
              key: String(position),
              header: (
                <time dateTime={event.timestamp} title={formatInstant(event.timestamp, timeZone, locale)}>
                  {formatClock(event.timestamp, timeZone, locale, true)}
                </time>
              ),
              cells: [
                <span key="type" data-type={event.type}>
                  {journeyTypeName(event.type, t)}
                </span>,
                <span key="details" className="data-table__text">
                  {journeyEventDetails(event, { t, locale, agentName }) || missingValue}
                </span>,
                sentiment === null ? (
                  missingValue
                ) : (
                  <span key="sentiment" title={isScoredSentiment(event) ? text.scored : undefined}>
                    {sentiment}/5{isScoredSentiment(event) ? '*' : ''}
                  </span>
                ),
              ],
            }))}
          />
        </>
      )}
    </Panel>
  );
}
