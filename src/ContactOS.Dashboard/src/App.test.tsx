import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { forgetStarted, startFirstScreen } from './api/firstLoad';
import { LanguageProvider } from './i18n/LanguageContext';
import { preferredLanguage } from './i18n/languagePreference';
import * as samples from './testing/sampleReports';
import { ThemeProvider } from './theme/ThemeContext';

// happy-dom has no canvas: the charts get a stand-in that takes options and draws nothing.
vi.mock('./charts/echarts', () => ({
  initChart: () => ({
    on: () => {},
    setOption: () => {},
    getOption: () => ({}),
    getWidth: () => 0,
    getHeight: () => 0,
    resize: () => {},
    dispose: () => {},
  }),
}));

type Route = (init: RequestInit) => { status: number; body?: unknown };

const window7 = { period: 'today', from: '2026-11-22T00:00:00+00:00', to: '2026-11-22T12:00:00+00:00' };

const signedInRoutes: Record<string, Route> = {
  'GET /api/v2/tenant': () => ({
    status: 200,
    body: { tenantId: 'acme', displayName: 'Acme Telecom', timeZone: 'Europe/Madrid' },
  }),
  'GET /api/v2/analytics/kpis': () => ({
    status: 200,
    body: {
      ...window7,
      aiResolutionRate: { value: 0.62, previous: 0.58 },
      totalConversations: { value: 1234, previous: 1100 },
      pending: { value: 7, previous: null },
      closedToday: { value: 300, previous: 280 },
      active: { value: 42, previous: null },
      satisfaction: { value: null, previous: 4.1 },
    },
  }),
  'GET /api/v2/analytics/resolution-split': () => ({
    status: 200,
    body: { ...window7, ai: 0, human: 0, aiShare: 0, humanShare: 0 },
  }),
  'GET /api/v2/analytics/handoff-reasons': () => ({ status: 200, body: { ...window7, reasons: [] } }),
  'GET /api/v2/analytics/top-intents': () => ({ status: 200, body: { ...window7, intents: [] } }),
  'GET /api/v2/analytics/volume': () => ({ status: 200, body: { ...window7, interval: 'hour', buckets: [] } }),
  'GET /api/v2/analytics/sentiment-trend': () => ({ status: 503, body: { title: 'Storage unavailable', status: 503 } }),
  'GET /api/v2/analytics/insights': () => ({
    status: 200,
    body: {
      ...window7,
      lang: 'en',
      positive: [{ rule: 'ai_resolution_rate_up', text: 'AI resolution rate rose 3.1 points to 64.0%.' }],
      attention: [],
    },
  }),
  'GET /api/v2/agents': () => ({
    status: 200,
    body: {
      agents: [
        { agentId: 'a-2', displayName: 'Carlos R.', status: 'offline', since: '2026-11-22T08:00:00+00:00' },
        { agentId: 'a-1', displayName: 'Ana García', status: 'online', since: '2026-11-22T09:12:00+00:00' },
      ],
      counts: { online: 1, busy: 0, offline: 1 },
    },
  }),
};

let routes: Record<string, Route>;
let requests: { key: string; authorization?: string }[];

beforeEach(() => {
  // No hub runs in these tests; the client's own log of the failed negotiation is expected.
  const logError = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('negotiation') && !String(args[0]).includes('Failed to start the connection')) {
      logError(...args);
    }
  });
  sessionStorage.clear();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  requests = [];
  routes = { ...signedInRoutes };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://localhost:5173/');
      const key = `${init.method ?? 'GET'} ${url.pathname}`;
      const headers = (init.headers ?? {}) as Record<string, string>;
      requests.push({ key, authorization: headers.Authorization });
      const { status, body } = routes[key]?.(init) ?? { status: 404 };
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
      });
    }),
  );
});

afterEach(() => {
  cleanup();
  forgetStarted();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The tenant settings of a tenant whose default language is `language`. */
function tenantSpeaking(language: string): Route {
  return () => ({
    status: 200,
    body: { tenantId: 'iberia', displayName: 'Iberia Seguros', timeZone: 'Europe/Madrid', language },
  });
}

function renderApp() {
  render(
    <ThemeProvider initialTheme="light">
      <LanguageProvider initialLanguage={preferredLanguage()}>
        <App />
      </LanguageProvider>
    </ThemeProvider>,
  );
}

describe('App', () => {
  it('signs in to a demo tenant and shows its dashboard', async () => {
    routes['GET /api/v2/auth/demo-tenants'] = () => ({
      status: 200,
      body: { tenants: [{ tenantId: 'acme', displayName: 'Acme Telecom' }] },
    });
    routes['POST /api/v2/auth/dev-token'] = (init) => {
      expect(JSON.parse(String(init.body))).toEqual({ tenant: 'acme', roles: ['viewer'] });
      return { status: 200, body: { token: 'demo-token' } };
    };
    renderApp();

    fireEvent.click(await screen.findByTestId('signin-tenant-acme'));

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('Acme Telecom');
    const kpiValue = (name: string) => within(screen.getByTestId(`kpi-${name}`)).getByTestId('kpi-value').textContent;
    await waitFor(() => expect(kpiValue('aiResolutionRate')).toBe('62.0%'));
    expect(kpiValue('totalConversations')).toBe('1,234');
    expect(kpiValue('satisfaction')).toBe('—');
    expect(sessionStorage.length).toBe(1);
    expect(requests.find((request) => request.key === 'GET /api/v2/tenant')?.authorization).toBe('Bearer demo-token');
  });

  it("renders the first screen's answers that arrived before it in its first render, without asking again", async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    startFirstScreen('valid', 'en');
    await waitFor(() => expect(requests).toHaveLength(9));
    await new Promise((resolve) => setTimeout(resolve, 0));
    renderApp();

    // No skeleton first: the tenant, the KPIs, the roster and the insights are there in the first render.
    expect(screen.getByTestId('tenant-name').textContent).toBe('Acme Telecom');
    expect(within(screen.getByTestId('kpi-aiResolutionRate')).getByTestId('kpi-value').textContent).toBe('62.0%');
    expect(screen.getByTestId('insights-positive').textContent).toContain('AI resolution rate rose 3.1 points');
    expect(screen.getAllByText('No data for this period')).toHaveLength(4);
    // The failed sentiment request is the only one the page sends again (its query takes the failure and retries).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy(), { timeout: 10_000 });
    const repeated = requests.slice(9).map((request) => request.key).filter((key) => !key.includes('/hubs/'));
    expect(new Set(repeated)).toEqual(new Set(['GET /api/v2/analytics/sentiment-trend']));
  }, 15_000);

  it('shows empty, error and loaded panels side by side', async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    renderApp();

    await waitFor(() => expect(screen.getAllByText('No data for this period')).toHaveLength(4));
    expect((await screen.findByTestId('insights-positive')).textContent).toContain(
      'AI resolution rate rose 3.1 points',
    );
    expect(screen.getByTestId('insights-attention').textContent).toContain('Nothing to report.');
    const roster = await screen.findByTestId('agents-roster');
    expect([...roster.querySelectorAll('.roster__name')].map((name) => name.textContent)).toEqual([
      'Ana García',
      'Carlos R.',
    ]);
    // The sentiment endpoint answers 503: retried, then shown as an error with a retry button.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy(), { timeout: 10_000 });
  }, 15_000);

  it('falls back to polling when the live hub cannot be reached', async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    renderApp();
    const indicator = await screen.findByTestId('connection-indicator');
    await waitFor(() => expect(indicator.dataset.state).toBe('polling'));
    expect(indicator.textContent).toBe('Polling');
    expect(screen.getByTestId('live-notice').textContent).toBe('Live updates unavailable — refreshing every 30 s');
  });

  it('says what each AI share is out of: all conversations for the KPI, resolved ones for the donut', async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    renderApp();

    await waitFor(() =>
      expect(within(screen.getByTestId('kpi-aiResolutionRate')).getByTestId('kpi-caption').textContent).toBe(
        'Resolved by AI, of all conversations started',
      ),
    );
    const donut = (await screen.findByText('Resolution split')).closest('section');
    expect(donut?.querySelector('[data-testid=panel-caption]')?.textContent).toBe('Share of resolved conversations');
  });

  it('names the insights for what they are: rules, not a model', async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    renderApp();

    const insights = (await screen.findByTestId('insights-positive')).closest('section');
    expect(insights?.querySelector('h2')?.textContent).toBe('Insights');
    expect(insights?.textContent).toContain('From rules comparing this period with the previous one');
    expect(insights?.textContent).not.toMatch(/AI-generated/i);
  });

  it("opens in the tenant's language when the user has not chosen one", async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    routes['GET /api/v2/tenant'] = tenantSpeaking('es');
    renderApp();

    expect(await screen.findByRole('button', { name: 'Cerrar sesión' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('es');
    await waitFor(() => expect(requests.some((request) => request.key === 'GET /api/v2/analytics/insights')).toBe(true));
    expect(localStorage.length).toBe(0);
  });

  it("keeps the language the user chose over the tenant's", async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    localStorage.setItem('contactos.dashboard.language', 'en');
    routes['GET /api/v2/tenant'] = tenantSpeaking('es');
    renderApp();

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('Iberia Seguros');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it("speaks the browser's language when the tenant settings carry none", async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('es-ES');
    renderApp();

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('Acme Telecom');
    expect(screen.getByRole('button', { name: 'Cerrar sesión' })).toBeTruthy();
  });

  it("speaks the tenant's language over the browser's", async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('es-ES');
    routes['GET /api/v2/tenant'] = tenantSpeaking('en');
    renderApp();

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('Iberia Seguros');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('returns to the sign-in screen when the API rejects the token', async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'expired');
    routes['GET /api/v2/tenant'] = () => ({ status: 401 });
    renderApp();

    expect((await screen.findByRole('alert')).textContent).toContain('Sign in again');
    expect(sessionStorage.length).toBe(0);
  });

  it('offers only the token field when demo mode is off, and signs in with a pasted token', async () => {
    renderApp();
    const field = await screen.findByLabelText('Access token (JWT)');
    await waitFor(() => expect(requests.some((request) => request.key === 'GET /api/v2/auth/demo-tenants')).toBe(true));
    expect(screen.queryByText('Demo tenants')).toBeNull();

    fireEvent.change(field, { target: { value: 'Bearer pasted-jwt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with token' }));

    expect((await screen.findByTestId('tenant-name')).textContent).toBe('Acme Telecom');
    expect(requests.find((request) => request.key === 'GET /api/v2/tenant')?.authorization).toBe('Bearer pasted-jwt');
  });

  it('signs out and forgets the token', async () => {
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Access token (JWT)')).toBeTruthy();
    expect(sessionStorage.length).toBe(0);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

const reportRoutes: Record<string, Route> = {
  'GET /api/v2/analytics/response-times': () => ({ status: 200, body: samples.responseTimes }),
  'GET /api/v2/analytics/quality': () => ({ status: 200, body: samples.quality }),
  'GET /api/v2/analytics/intents': () => ({ status: 200, body: samples.intents }),
  'GET /api/v2/analytics/tools': () => ({ status: 200, body: samples.tools }),
  'GET /api/v2/analytics/drop-off': () => ({ status: 200, body: { ...samples.dropOff, abandoned: 0, byLastIntent: [] } }),
  'GET /api/v2/analytics/costs': () => ({ status: 200, body: samples.costsWithoutSettings }),
};

/** The second-wave reports the page has asked for, by path, in order and without repeats. */
function reportsRequested(): string[] {
  const paths = requests.map((request) => request.key.replace('GET /api/v2/analytics/', ''));
  return [...new Set(paths.filter((path) => Object.hasOwn(reportRoutes, `GET /api/v2/analytics/${path}`)))];
}

describe('the tabs', () => {
  beforeEach(() => {
    Object.assign(routes, reportRoutes);
    sessionStorage.setItem('contactos.dashboard.token', 'valid');
  });

  it('fetch each tab\'s reports only when it is opened, and keep the tab in the URL', async () => {
    renderApp();
    await screen.findByTestId('insights-positive');
    expect(reportsRequested()).toEqual([]);
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByRole('tab', { name: 'Quality' }));

    expect(window.location.search).toBe('?tab=quality');
    expect(await screen.findByTestId('table-nps')).toBeTruthy();
    await waitFor(() => expect(reportsRequested().sort()).toEqual(['drop-off', 'intents', 'quality', 'tools']));
    expect(screen.queryByTestId('kpi-aiResolutionRate')).toBeNull();
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Quality' }).id);
    // Drop-off has no abandoned conversation in this period: it says so rather than drawing empty axes.
    expect(within(screen.getByTestId('panel-drop-off')).getByTestId('panel-empty').textContent).toBe('No data for this period');
    expect(within(screen.getByTestId('table-intents')).getAllByRole('row')).toHaveLength(6);
  });

  it('opens the tab the URL names, and follows Back and Forward', async () => {
    window.history.replaceState(null, '', '/?tab=costs');
    renderApp();

    expect(await screen.findByTestId('table-models')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Costs' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('tab', { name: 'Operations' }));
    expect(await screen.findByTestId('table-response-times')).toBeTruthy();

    act(() => {
      window.history.back();
    });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Costs' }).getAttribute('aria-selected')).toBe('true'));
    expect(window.location.search).toBe('?tab=costs');
    act(() => {
      window.history.forward();
    });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Operations' }).getAttribute('aria-selected')).toBe('true'));
  });

  it('moves between tabs with the arrow keys, Home and End, one tab in the focus order', async () => {
    renderApp();
    const overview = await screen.findByRole('tab', { name: 'Overview' });
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1]);

    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    const operations = screen.getByRole('tab', { name: 'Operations' });
    expect(operations.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(operations);
    fireEvent.keyDown(operations, { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Overview' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Costs' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Costs' }), { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    expect(window.location.search).toBe('');
  });

  it('says which figures need a setting the organisation has not set, in Spanish too', async () => {
    localStorage.setItem('contactos.dashboard.language', 'es');
    window.history.replaceState(null, '', '/?tab=costs');
    renderApp();

    const saved = await screen.findByTestId('stat-cost-saved');
    expect(saved.getAttribute('data-unset')).toBe('true');
    expect(saved.textContent).toContain('Sin configurar');
    expect(screen.getByTestId('stat-monthly-budget').textContent).toContain('presupuesto mensual');
    expect(screen.getByTestId('stat-cost-per-human-resolution').textContent).toContain('coste por hora de agente');
    expect(screen.getByTestId('stat-mean-cost').textContent).toContain('0,052');
    expect(screen.getByRole('tab', { name: 'Costes' })).toBeTruthy();
    expect(screen.queryByTestId('budget-flag')).toBeNull();
  });
});
