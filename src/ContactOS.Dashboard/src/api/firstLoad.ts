import { requestJson, requestUrl } from './client';
import { firstScreenRequests, type ApiRequest } from './endpoints';
import type { Language } from './types';

const started = new Map<string, Promise<unknown>>();

function keyOf(token: string, request: ApiRequest): string {
  return `${token} ${requestUrl(request.path, request.query)}`;
}

/**
 * Sends the first screen's requests at once, from the page's small entry script, while React and the chart library
 * are still loading: the data and the code then arrive together instead of one after the other, and no request waits
 * for another (the charts used to wait for the tenant). Without a token (the sign-in screen) it sends nothing.
 */
export function startFirstScreen(token: string | null, language: Language): void {
  if (!token) {
    return;
  }
  for (const request of firstScreenRequests(language)) {
    const response = requestJson(request.path, { token, query: request.query });
    // Whoever takes it handles a failure; until then a failed request must not count as an unhandled rejection.
    response.catch(() => {});
    started.set(keyOf(token, request), response);
  }
}

/**
 * The response to a request that startFirstScreen sent with the same token, handed out once: the query that takes it
 * gets the first load's answer, and any later fetch (a refetch, a retry) makes a new request.
 */
export function takeStarted<T>(token: string, request: ApiRequest): Promise<T> | undefined {
  const key = keyOf(token, request);
  const response = started.get(key);
  started.delete(key);
  return response as Promise<T> | undefined;
}

/** Forgets every request not taken yet (tests, and a sign-out that drops the token they were sent with). */
export function forgetStarted(): void {
  started.clear();
}
