import { requestJson, requestUrl } from './client';
import { firstScreenRequests, type ApiRequest } from './endpoints';
import type { Language } from './types';

/** A first-screen answer that has arrived, and when. */
export interface ArrivedAnswer<T> {
  data: T;
  receivedAt: number;
}

/** A first-screen request: its answer as a promise and, once it has arrived, the answer itself. */
interface StartedRequest {
  response: Promise<unknown>;
  answer?: ArrivedAnswer<unknown>;
}

const started = new Map<string, StartedRequest>();

function keyOf(token: string, request: ApiRequest): string {
  return `${token} ${requestUrl(request.path, request.query)}`;
}

/**
 * Sends the first screen's requests at once, from the page's small entry script, while React and the chart library
 * are still loading: the data and the code then arrive together instead of one after the other, and no request waits
 * for another (the charts used to wait for the tenant). Without a token (the sign-in screen) it sends nothing; on a tab
 * other than the Overview (a reload of `?tab=costs`) it sends only the tenant's, since that tab asks for its own.
 */
export function startFirstScreen(token: string | null, language: Language, overview = true): void {
  if (!token) {
    return;
  }
  for (const request of firstScreenRequests(language, overview)) {
    const entry: StartedRequest = { response: requestJson(request.path, { token, query: request.query }) };
    entry.response.then(
      (data) => {
        entry.answer = { data, receivedAt: Date.now() };
      },
      // Whoever takes it handles a failure; until then a failed request must not count as an unhandled rejection.
      () => {},
    );
    started.set(keyOf(token, request), entry);
  }
}

/**
 * The response to a request that startFirstScreen sent with the same token, handed out once: the query that takes it
 * gets the first load's answer, and any later fetch (a refetch, a retry) makes a new request.
 */
export function takeStarted<T>(token: string, request: ApiRequest): Promise<T> | undefined {
  const key = keyOf(token, request);
  const entry = started.get(key);
  started.delete(key);
  return entry?.response as Promise<T> | undefined;
}

/**
 * The answer to a request that startFirstScreen sent with the same token, if it has arrived already, handed out once
 * (as takeStarted would). A query created after its answer arrived starts with that data: the page's first render then
 * draws every panel whose data is in, in one pass, instead of a skeleton first and each panel later in a render of
 * its own.
 */
export function takeArrived<T>(token: string, request: ApiRequest): ArrivedAnswer<T> | undefined {
  const key = keyOf(token, request);
  const answer = started.get(key)?.answer;
  if (answer) {
    started.delete(key);
  }
  return answer as ArrivedAnswer<T> | undefined;
}

/** Forgets every request not taken yet (tests, and a sign-out that drops the token they were sent with). */
export function forgetStarted(): void {
  started.clear();
}
