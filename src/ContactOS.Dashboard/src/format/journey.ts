import type { HandoffReason, JourneyContactEvent } from '../api/types';
import { handoffReasons } from '../api/types';
import type { Dictionary } from '../i18n/dictionary';
import { intentName } from '../i18n/intents';
import { formatCount, formatDecimal, formatLatency, humanizeIdentifier } from './format';

/** The longest conversation id ingestion accepts (docs/events.md): a longer one cannot exist. */
export const maxConversationIdLength = 128;

/** Whether the API could hold a conversation with this id: not blank, at most 128 characters, no control characters. */
export function isConversationId(id: string): boolean {
  return id.trim().length > 0 && id.length <= maxConversationIdLength && !/[\u0000-\u001f\u007f-\u009f]/.test(id);
}

/** An event type's name ("Intent detected"); an unknown type as sent. */
export function journeyTypeName(type: string, t: Dictionary): string {
  return t.agentViews.journey.types[type] ?? type;
}

function lookup(table: Readonly<Record<string, string>>, key: string | undefined): string {
  return key === undefined ? '' : (table[key] ?? humanizeIdentifier(key));
}

/**
 * The main fields of an event, by type, in one line: who wrote a message and what, the intent and its confidence,
 * the tool and its outcome, the handoff's reason, the agent assigned, who resolved, the ratings given.
 */
export function journeyEventDetails(
  event: JourneyContactEvent,
  context: { t: Dictionary; locale: string; agentName?: (agentId: string) => string },
): string {
  const { t, locale } = context;
  const text = t.agentViews.journey;
  const parts = (...items: (string | false | undefined)[]) => items.filter(Boolean).join(' · ');
  switch (event.type) {
    case 'conversation.started':
      return event.channel ? `${text.channel}: ${event.channel}` : '';
    case 'message':
      return parts(
        `${lookup(text.roles, event.role)}: ${event.text === undefined ? '' : `“${event.text}”`}`.trim(),
        event.model,
        event.tokens !== undefined && `${formatCount(event.tokens, locale)} ${text.tokens}`,
      );
    case 'intent.detected':
      return parts(
        event.intent && intentName(event.intent, t),
        event.confidence !== undefined && `${text.confidence} ${formatDecimal(event.confidence, locale)}`,
      );
    case 'tool.called':
      return parts(
        event.tool,
        event.success === undefined ? undefined : event.success ? text.succeeded : text.failed,
        event.latencyMs !== undefined && formatLatency(event.latencyMs, locale),
      );
    case 'handoff.requested':
      return event.reason && (handoffReasons as readonly string[]).includes(event.reason)
        ? t.handoffReasons[event.reason as HandoffReason]
        : (event.reason ?? '');
    case 'agent.assigned':
      return event.agentId ? `${text.agent}: ${context.agentName?.(event.agentId) ?? event.agentId}` : '';
    case 'conversation.resolved':
      return lookup(text.resolvedBy, event.by);
    case 'feedback':
      return parts(event.csat !== undefined && `CSAT ${event.csat}/5`, event.nps !== undefined && `NPS ${event.nps}`);
    case 'agent.status':
      return event.status ? lookup(t.agents.statuses, event.status) : '';
    default:
      return '';
  }
}

/** Whether the event's sentiment is the silo's score of its text rather than one the platform sent. */
export function isScoredSentiment(event: JourneyContactEvent): boolean {
  return event.sentiment === undefined && event.scoredSentiment !== undefined;
}
