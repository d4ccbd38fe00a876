import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, isRetryable, isUnauthorized, requestJson } from './client';

function respond(status: number, body: unknown, contentType = 'application/json') {
  const fetchMock = vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('requestJson', () => {
  it('sends the bearer token and query string and returns the parsed body', async () => {
    const fetchMock = respond(200, { ai: 1 });
    const body = await requestJson<{ ai: number }>('/api/v2/analytics/resolution-split', {
      token: 'abc',
      query: { period: '7d' },
    });
    expect(body).toEqual({ ai: 1 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v2/analytics/resolution-split?period=7d');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer abc');
  });

  it('posts JSON bodies', async () => {
    const fetchMock = respond(200, { token: 't' });
    await requestJson('/api/v2/auth/dev-token', { method: 'POST', body: { tenant: 'acme', roles: ['viewer'] } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"tenant":"acme","roles":["viewer"]}');
  });

  it('turns a ProblemDetails response into an ApiError carrying the problem', async () => {
    respond(
      400,
      { title: 'Invalid period', status: 400, detail: 'period must be one of today, 7d, 30d, 90d.' },
      'application/problem+json',
    );
    const error = await requestJson('/api/v2/analytics/kpis').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).problem?.title).toBe('Invalid period');
    expect(isRetryable(error)).toBe(false);
  });

  it('recognises a 401 as an unauthorized session', async () => {
    respond(401, '', 'text/plain');
    const error = await requestJson('/api/v2/tenant', { token: 'expired' }).catch((caught: unknown) => caught);
    expect(isUnauthorized(error)).toBe(true);
  });

  it('retries server errors and network failures only', () => {
    expect(isRetryable(new ApiError(503, undefined))).toBe(true);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new ApiError(404, undefined))).toBe(false);
  });
});
