import { describe, expect, it } from 'vitest';
import type { JourneyContactEvent } from '../api/types';
import { dictionaries } from '../i18n/dictionary';
import { formatClock, formatDay, formatWeekday, localDate } from './format';
import { isConversationId, isScoredSentiment, journeyEventDetails, journeyTypeName } from './journey';

const base = { id: 'e', timestamp: '2026-11-22T10:15:00+01:00', conversationId: 'c1' };
const en = { t: dictionaries.en, locale: 'en-US' };
const es = { t: dictionaries.es, locale: 'es-ES' };
const details = (event: Partial<JourneyContactEvent> & { type: string }, context = en) =>
  journeyEventDetails({ ...base, ...event }, context);

describe('journey event details', () => {
  it('shows the main fields of each type', () => {
    expect(details({ type: 'conversation.started', channel: 'web' })).toBe('Channel: web');
    expect(details({ type: 'message', role: 'customer', text: 'My bill is wrong', tokens: 12, model: 'gpt-4o-mini' })).toBe(
      'Customer: “My bill is wrong” · gpt-4o-mini · 12 tokens',
    );
    expect(details({ type: 'intent.detected', intent: 'billing_question', confidence: 0.934 })).toBe(
      'Billing question · confidence 0.93',
    );
    expect(details({ type: 'tool.called', tool: 'lookup_invoice', success: false, latencyMs: 230 })).toBe(
      'lookup_invoice · failed · 230 ms',
    );
    expect(details({ type: 'handoff.requested', reason: 'billing' })).toBe('Billing');
    expect(details({ type: 'conversation.resolved', by: 'human' })).toBe('By a human agent');
    expect(details({ type: 'feedback', csat: 4, nps: 8 })).toBe('CSAT 4/5 · NPS 8');
    expect(details({ type: 'conversation.closed' })).toBe('');
  });

  it('names the agent assigned from the roster, and speaks Spanish', () => {
    const names = { ...es, agentName: (id: string) => (id === 'maria' ? 'María G.' : id) };
    expect(journeyEventDetails({ ...base, type: 'agent.assigned', agentId: 'maria' }, names)).toBe('Agente: María G.');
    expect(details({ type: 'message', role: 'ai', text: 'Hola' }, es)).toBe('IA: “Hola”');
    expect(details({ type: 'tool.called', tool: 'crm', success: true }, es)).toBe('crm · correcta');
    expect(journeyTypeName('handoff.requested', dictionaries.es)).toBe('Derivación solicitada');
    expect(journeyTypeName('something.new', dictionaries.en)).toBe('something.new');
  });

  it("tells the silo's score from the platform's", () => {
    expect(isScoredSentiment({ ...base, type: 'message', scoredSentiment: 2 })).toBe(true);
    expect(isScoredSentiment({ ...base, type: 'message', sentiment: 2, scoredSentiment: 2 })).toBe(false);
  });
});

describe('conversation ids', () => {
  it('accepts what ingestion accepts and refuses the rest before asking', () => {
    expect(isConversationId('acme-conv-000001')).toBe(true);
    expect(isConversationId('   ')).toBe(false);
    expect(isConversationId('a'.repeat(129))).toBe(false);
    expect(isConversationId('line\nbreak')).toBe(false);
  });
});

describe('tenant-local days and clocks', () => {
  it("takes today's date in the tenant time zone, not the browser's", () => {
    const instant = new Date('2026-11-22T23:30:00Z');
    expect(localDate(instant, 'Europe/Madrid')).toBe('2026-11-23');
    expect(localDate(instant, 'America/New_York')).toBe('2026-11-22');
  });

  it('writes a day, a weekday and a time of day in the language', () => {
    expect(formatDay('2026-11-22', 'en-US')).toBe('Sunday, November 22, 2026');
    expect(formatWeekday(6, 'es-ES', 'long')).toBe('domingo');
    expect(formatClock('2026-11-22T09:15:20Z', 'Asia/Kolkata', 'en-US', true)).toBe('14:45:20');
  });
});
