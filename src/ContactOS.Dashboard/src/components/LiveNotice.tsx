import { pollIntervalMs } from '../api/queries';
import { formatCount } from '../format/format';
import type { Dictionary } from '../i18n/dictionary';
import { useLanguage } from '../i18n/LanguageContext';
import { useLiveStatus, type LiveStatus } from '../live/LiveStatusContext';

/** How often the figures refresh while the hub is out of reach, as the page says it: "30". */
export function pollingSeconds(locale: string): string {
  return formatCount(pollIntervalMs / 1000, locale);
}

/** What the page says while its figures are polled rather than pushed; null while live or still connecting. */
export function liveNoticeText({ state, firstAttempt }: LiveStatus, t: Dictionary, locale: string): string | null {
  if (state === 'live' || firstAttempt) {
    return null;
  }
  return t.liveNotices[state](pollingSeconds(locale));
}

/** A notice under the header, so nobody takes figures that refresh every half minute for live ones. */
export function LiveNotice() {
  const status = useLiveStatus();
  const { t, locale } = useLanguage();
  const text = liveNoticeText(status, t, locale);
  if (text === null) {
    return null;
  }
  return (
    <p className="notice live-notice" data-testid="live-notice" data-state={status.state} role="status">
      {text}
    </p>
  );
}
