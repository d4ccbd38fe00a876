import { describe, expect, it } from 'vitest';
import { tabForKey, tabFromUrl, urlWithTab } from './tabs';

describe('the tab in the URL', () => {
  it('reads the tab a URL names, and the Overview for none or an unknown one', () => {
    expect(tabFromUrl('http://localhost:5080/?tab=quality')).toBe('quality');
    expect(tabFromUrl('/?tab=costs#top')).toBe('costs');
    expect(tabFromUrl('http://localhost:5080/')).toBe('overview');
    expect(tabFromUrl('http://localhost:5080/?tab=agents')).toBe('overview');
  });

  it('writes the tab beside the other parameters and leaves it out for the Overview', () => {
    expect(urlWithTab('http://localhost:5080/?x=1', 'operations')).toBe('/?x=1&tab=operations');
    expect(urlWithTab('http://localhost:5080/?tab=costs&x=1#h', 'overview')).toBe('/?x=1#h');
    expect(urlWithTab('/', 'quality')).toBe('/?tab=quality');
  });
});

describe('tabForKey', () => {
  it('moves with the arrows, wrapping round, and jumps with Home and End', () => {
    expect(tabForKey('overview', 'ArrowRight')).toBe('operations');
    expect(tabForKey('costs', 'ArrowRight')).toBe('overview');
    expect(tabForKey('overview', 'ArrowLeft')).toBe('costs');
    expect(tabForKey('quality', 'Home')).toBe('overview');
    expect(tabForKey('operations', 'End')).toBe('costs');
    expect(tabForKey('operations', 'Enter')).toBeUndefined();
  });
});
