import { humanizeIdentifier } from '../format/format';
import type { Dictionary } from './dictionary';

/** An intent's display name in the interface language; an intent the dictionary does not know is shown humanised. */
export function intentName(intent: string, t: Dictionary): string {
  const known = Object.hasOwn(t.intents, intent) ? t.intents[intent] : undefined;
  return known ?? humanizeIdentifier(intent);
}
