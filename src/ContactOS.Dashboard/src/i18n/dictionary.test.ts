import { describe, expect, it } from 'vitest';
import { dictionaries } from './dictionary';

/** Every text a dictionary holds, functions called with a sample argument. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (typeof value === 'function') {
    return [String((value as (...args: string[]) => unknown)('12', '34'))];
  }
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(texts);
  }
  return [];
}

describe('the Spanish dictionary', () => {
  const spanish = texts(dictionaries.es);

  it('calls a handoff "derivación" everywhere, as the Spanish insights do', () => {
    expect(spanish.filter((text) => /traspas/i.test(text))).toEqual([]);
    expect(spanish.filter((text) => /derivaci/i.test(text)).length).toBeGreaterThanOrEqual(3);
  });

  it('says "organización", never "tenant"', () => {
    expect(spanish.filter((text) => /tenant/i.test(text))).toEqual([]);
  });

  it('names every intent the English dictionary names', () => {
    expect(Object.keys(dictionaries.es.intents).sort()).toEqual(Object.keys(dictionaries.en.intents).sort());
  });
});
