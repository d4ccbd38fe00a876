import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpoints, initialPeriod } from './endpoints';
import { forgetStarted, startFirstScreen, takeArrived, takeStarted } from './firstLoad';

function stubFetch() {
  const fetchMock = vi.fn(
    async (url: string, _init?: RequestInit) => new Response(JSON.stringify({ url }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  forgetStarted();
  vi.unstubAllGlobals();
});

describe('startFirstScreen', () => {
  it('sends every request of the first screen at once, with the token', () => {
    const fetchMock = stubFetch();
    startFirstScreen('abc', 'es');
    const urls = fetchMock.mock.calls.map(([url]) => url);
    expect(urls).toEqual([
      '/api/v2/tenant',
      '/api/v2/analytics/kpis?period=today',
      '/api/v2/analytics/resolution-split?period=today',
      '/api/v2/analytics/handoff-reasons?period=today',
      '/api/v2/analytics/top-intents?period=today',
      '/api/v2/analytics/volume?period=today',
      '/api/v2/analytics/sentiment-trend?period=today',
      '/api/v2/agents',
      '/api/v2/analytics/insights?period=today&lang=es',
    ]);
    const init = fetchMock.mock.calls[0]?.[1];
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer abc');
  });

  it('sends nothing without a token', () => {
    const fetchMock = stubFetch();
    startFirstScreen(null, 'en');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('takeStarted', () => {
  it("hands a started request's answer out once, to the same token only", async () => {
    stubFetch();
    startFirstScreen('abc', 'en');
    const volume = endpoints.analytics('volume', initialPeriod);

    expect(takeStarted('other', volume)).toBeUndefined();
    await expect(takeStarted('abc', volume)).resolves.toEqual({ url: '/api/v2/analytics/volume?period=today' });
    expect(takeStarted('abc', volume)).toBeUndefined();
    expect(takeStarted('abc', endpoints.analytics('volume', '7d'))).toBeUndefined();
  });

  it('passes a failed request on to the query that takes it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 401 })));
    startFirstScreen('expired', 'en');
    await expect(takeStarted('expired', endpoints.tenant())).rejects.toMatchObject({ status: 401 });
  });
});

describe('takeArrived', () => {
  it('hands an answer out once it has arrived, once, and then no request is taken again', async () => {
    stubFetch();
    startFirstScreen('abc', 'en');
    const kpis = endpoints.kpis(initialPeriod);
    expect(takeArrived('abc', kpis)).toBeUndefined();

    await vi.waitFor(() => expect(takeArrived('abc', endpoints.tenant())).toBeDefined());
    const before = Date.now();
    const arrived = takeArrived<{ url: string }>('abc', kpis);
    expect(arrived?.data).toEqual({ url: '/api/v2/analytics/kpis?period=today' });
    expect(arrived?.receivedAt).toBeLessThanOrEqual(before);
    expect(takeArrived('abc', kpis)).toBeUndefined();
    expect(takeStarted('abc', kpis)).toBeUndefined();
    expect(takeArrived('other', endpoints.agents())).toBeUndefined();
  });

  it('keeps a failed request for the query that takes it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(null, { status: 500 })));
    startFirstScreen('abc', 'en');
    const started = takeStarted('abc', endpoints.agents());
    await expect(started).rejects.toMatchObject({ status: 500 });
    expect(takeArrived('abc', endpoints.tenant())).toBeUndefined();
    await expect(takeStarted('abc', endpoints.tenant())).rejects.toMatchObject({ status: 500 });
  });
});
