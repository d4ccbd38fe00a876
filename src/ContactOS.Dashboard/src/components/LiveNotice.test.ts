import { describe, expect, it } from 'vitest';
import { dictionaries } from '../i18n/dictionary';
import { liveNoticeText } from './LiveNotice';

describe('liveNoticeText', () => {
  it('says the figures refresh every 30 s while the hub is unreachable', () => {
    expect(liveNoticeText({ state: 'polling', firstAttempt: false }, dictionaries.en, 'en-US')).toBe(
      'Live updates unavailable — refreshing every 30 s',
    );
    expect(liveNoticeText({ state: 'polling', firstAttempt: false }, dictionaries.es, 'es-ES')).toBe(
      'Actualizaciones en directo no disponibles — se actualiza cada 30 s',
    );
  });

  it('says so while reconnecting too, since the figures are polled meanwhile', () => {
    expect(liveNoticeText({ state: 'reconnecting', firstAttempt: false }, dictionaries.en, 'en-US')).toContain(
      'refreshing every 30 s',
    );
  });

  it('says nothing while live or while the first connection is still being made', () => {
    expect(liveNoticeText({ state: 'live', firstAttempt: false }, dictionaries.en, 'en-US')).toBeNull();
    expect(liveNoticeText({ state: 'reconnecting', firstAttempt: true }, dictionaries.en, 'en-US')).toBeNull();
  });
});
