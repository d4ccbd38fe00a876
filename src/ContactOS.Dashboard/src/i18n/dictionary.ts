import type { AgentStatus, BucketInterval, HandoffReason, KpiName, Language, Period } from '../api/types';
import type { ConnectionState } from '../live/connectionState';

interface KpiText {
  label: string;
  caption: string;
}

export interface Dictionary {
  productName: string;
  signIn: {
    heading: string;
    intro: string;
    demoHeading: string;
    demoLoading: string;
    demoFailed: string;
    tokenLabel: string;
    tokenHint: string;
    submit: string;
    signingIn: string;
    rejected: string;
  };
  header: {
    signOut: string;
    period: string;
    languageToggle: string;
    themeToDark: string;
    themeToLight: string;
  };
  periods: Record<Period, string>;
  periodNames: Record<Period, string>;
  connection: Record<ConnectionState, string> & { connecting: string };
  connectionHints: Record<ConnectionState, string>;
  kpis: Record<KpiName, KpiText>;
  trend: {
    vsPrevious: string;
    vsYesterday: string;
    up: string;
    down: string;
    flat: string;
    points: string;
  };
  satisfactionScale: string;
  panels: {
    resolutionSplit: string;
    handoffReasons: string;
    topIntents: string;
    volume: string;
    sentimentTrend: string;
    agents: string;
    insights: string;
    insightsPositive: string;
    insightsAttention: string;
  };
  series: {
    ai: string;
    human: string;
    aiResolved: string;
    humanResolved: string;
    aiSentiment: string;
    humanSentiment: string;
  };
  chartDescriptions: {
    resolutionSplit: (aiShare: string, humanShare: string) => string;
    handoffReasons: string;
    topIntents: string;
    volume: Record<BucketInterval, string>;
    sentimentTrend: Record<BucketInterval, string>;
  };
  handoffReasons: Record<HandoffReason, string>;
  agents: {
    since: string;
    statuses: Record<AgentStatus, string>;
    none: string;
  };
  states: {
    loading: string;
    empty: string;
    error: string;
    retry: string;
    nothingListed: string;
    tenantError: string;
  };
}

const en: Dictionary = {
  productName: 'ContactOS Analytics',
  signIn: {
    heading: 'Sign in',
    intro: 'Choose a demo tenant or paste an access token issued for your organisation.',
    demoHeading: 'Demo tenants',
    demoLoading: 'Loading demo tenants…',
    demoFailed: 'Could not sign in to the demo tenant. Try again.',
    tokenLabel: 'Access token (JWT)',
    tokenHint: 'The token stays in this browser tab only and is removed when you sign out.',
    submit: 'Sign in with token',
    signingIn: 'Signing in…',
    rejected: 'Your session has expired or the token was rejected. Sign in again.',
  },
  header: {
    signOut: 'Sign out',
    period: 'Period',
    languageToggle: 'Ver en español',
    themeToDark: 'Switch to dark theme',
    themeToLight: 'Switch to light theme',
  },
  periods: { today: 'Today', '7d': '7d', '30d': '30d', '90d': '90d' },
  periodNames: { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' },
  connection: { live: 'Live', reconnecting: 'Reconnecting…', polling: 'Polling', connecting: 'Connecting…' },
  connectionHints: {
    live: 'Figures update as conversations happen.',
    reconnecting: 'The live connection dropped; figures refresh every 30 seconds until it is back.',
    polling: 'No live connection; figures refresh every 30 seconds.',
  },
  kpis: {
    aiResolutionRate: { label: 'AI Resolution', caption: 'Primary metric' },
    totalConversations: { label: 'Total Conversations', caption: 'This period' },
    pending: { label: 'Pending', caption: 'Awaiting handoff' },
    closedToday: { label: 'Closed Today', caption: 'Resolved' },
    active: { label: 'Active', caption: 'In progress' },
    satisfaction: { label: 'Satisfaction', caption: '1-5 score' },
  },
  trend: {
    vsPrevious: 'vs previous period',
    vsYesterday: 'vs yesterday',
    up: 'Up',
    down: 'Down',
    flat: 'No change',
    points: 'pts',
  },
  satisfactionScale: '/ 5',
  panels: {
    resolutionSplit: 'Resolution split',
    handoffReasons: 'Handoff reasons',
    topIntents: 'Top 5 intents',
    volume: 'Conversation volume',
    sentimentTrend: 'Sentiment trend',
    agents: 'Human agents',
    insights: 'AI-generated insights',
    insightsPositive: "What's going well",
    insightsAttention: 'Needs attention',
  },
  series: {
    ai: 'AI',
    human: 'Human',
    aiResolved: 'AI resolved',
    humanResolved: 'Human resolved',
    aiSentiment: 'AI sentiment',
    humanSentiment: 'Human sentiment',
  },
  chartDescriptions: {
    resolutionSplit: (aiShare, humanShare) => `Donut chart of resolutions: AI ${aiShare}, human ${humanShare}.`,
    handoffReasons: 'Bar chart of handoffs to human agents by reason.',
    topIntents: 'Bar chart of the five most frequent intents.',
    volume: {
      hour: 'Stacked bar chart of AI-resolved and human-resolved conversations per hour.',
      day: 'Stacked bar chart of AI-resolved and human-resolved conversations per day.',
    },
    sentimentTrend: {
      hour: 'Line chart of average AI and human sentiment per hour, on a scale from 2 to 5.',
      day: 'Line chart of average AI and human sentiment per day, on a scale from 2 to 5.',
    },
  },
  handoffReasons: {
    complex_request: 'Complex request',
    billing: 'Billing',
    complaint: 'Complaint',
    loop_guard: 'Loop guard',
    other: 'Other',
  },
  agents: {
    since: 'Since',
    statuses: { online: 'Online', busy: 'Busy', offline: 'Offline' },
    none: 'No human agents yet.',
  },
  states: {
    loading: 'Loading…',
    empty: 'No data for this period',
    error: 'This panel could not be loaded.',
    retry: 'Retry',
    nothingListed: 'Nothing to report.',
    tenantError: 'Your organisation could not be loaded.',
  },
};

const es: Dictionary = {
  productName: 'ContactOS Analytics',
  signIn: {
    heading: 'Iniciar sesión',
    intro: 'Elige un tenant de demostración o pega un token de acceso emitido para tu organización.',
    demoHeading: 'Tenants de demostración',
    demoLoading: 'Cargando tenants de demostración…',
    demoFailed: 'No se pudo iniciar sesión en el tenant de demostración. Inténtalo de nuevo.',
    tokenLabel: 'Token de acceso (JWT)',
    tokenHint: 'El token solo se guarda en esta pestaña y se elimina al cerrar sesión.',
    submit: 'Entrar con el token',
    signingIn: 'Iniciando sesión…',
    rejected: 'Tu sesión ha caducado o el token fue rechazado. Vuelve a iniciar sesión.',
  },
  header: {
    signOut: 'Cerrar sesión',
    period: 'Periodo',
    languageToggle: 'View in English',
    themeToDark: 'Cambiar a tema oscuro',
    themeToLight: 'Cambiar a tema claro',
  },
  periods: { today: 'Hoy', '7d': '7 d', '30d': '30 d', '90d': '90 d' },
  periodNames: { today: 'Hoy', '7d': 'Últimos 7 días', '30d': 'Últimos 30 días', '90d': 'Últimos 90 días' },
  connection: { live: 'En directo', reconnecting: 'Reconectando…', polling: 'Sondeo', connecting: 'Conectando…' },
  connectionHints: {
    live: 'Las cifras se actualizan a medida que ocurren las conversaciones.',
    reconnecting: 'Se perdió la conexión en directo; las cifras se actualizan cada 30 segundos hasta que vuelva.',
    polling: 'Sin conexión en directo; las cifras se actualizan cada 30 segundos.',
  },
  kpis: {
    aiResolutionRate: { label: 'Resolución IA', caption: 'Métrica principal' },
    totalConversations: { label: 'Conversaciones totales', caption: 'Este periodo' },
    pending: { label: 'Pendientes', caption: 'Esperando traspaso' },
    closedToday: { label: 'Cerradas hoy', caption: 'Resueltas' },
    active: { label: 'Activas', caption: 'En curso' },
    satisfaction: { label: 'Satisfacción', caption: 'Puntuación 1-5' },
  },
  trend: {
    vsPrevious: 'vs periodo anterior',
    vsYesterday: 'vs ayer',
    up: 'Sube',
    down: 'Baja',
    flat: 'Sin cambios',
    points: 'p. p.',
  },
  satisfactionScale: '/ 5',
  panels: {
    resolutionSplit: 'Reparto de resolución',
    handoffReasons: 'Motivos de traspaso',
    topIntents: 'Top 5 intenciones',
    volume: 'Volumen de conversaciones',
    sentimentTrend: 'Tendencia de sentimiento',
    agents: 'Agentes humanos',
    insights: 'Insights generados por IA',
    insightsPositive: 'Lo que va bien',
    insightsAttention: 'Requiere atención',
  },
  series: {
    ai: 'IA',
    human: 'Humano',
    aiResolved: 'Resueltas por IA',
    humanResolved: 'Resueltas por humanos',
    aiSentiment: 'Sentimiento IA',
    humanSentiment: 'Sentimiento humano',
  },
  chartDescriptions: {
    resolutionSplit: (aiShare, humanShare) =>
      `Gráfico de anillo de resoluciones: IA ${aiShare}, humanos ${humanShare}.`,
    handoffReasons: 'Gráfico de barras de traspasos a agentes humanos por motivo.',
    topIntents: 'Gráfico de barras de las cinco intenciones más frecuentes.',
    volume: {
      hour: 'Gráfico de barras apiladas de conversaciones resueltas por IA y por humanos por hora.',
      day: 'Gráfico de barras apiladas de conversaciones resueltas por IA y por humanos por día.',
    },
    sentimentTrend: {
      hour: 'Gráfico de líneas del sentimiento medio de IA y humanos por hora, en una escala de 2 a 5.',
      day: 'Gráfico de líneas del sentimiento medio de IA y humanos por día, en una escala de 2 a 5.',
    },
  },
  handoffReasons: {
    complex_request: 'Solicitud compleja',
    billing: 'Facturación',
    complaint: 'Queja',
    loop_guard: 'Bucle detectado',
    other: 'Otro',
  },
  agents: {
    since: 'Desde',
    statuses: { online: 'Conectado', busy: 'Ocupado', offline: 'Desconectado' },
    none: 'Todavía no hay agentes humanos.',
  },
  states: {
    loading: 'Cargando…',
    empty: 'No hay datos para este periodo',
    error: 'No se pudo cargar este panel.',
    retry: 'Reintentar',
    nothingListed: 'Nada que destacar.',
    tenantError: 'No se pudo cargar tu organización.',
  },
};

export const dictionaries: Record<Language, Dictionary> = { en, es };
