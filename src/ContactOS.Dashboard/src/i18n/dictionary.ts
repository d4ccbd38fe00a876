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
  /** The indicator's hint, given the polling interval in seconds as shown ("30"). */
  connectionHints: Record<ConnectionState, (seconds: string) => string>;
  /** The notice under the header while figures are polled rather than pushed, given the interval in seconds. */
  liveNotices: Record<Exclude<ConnectionState, 'live'>, (seconds: string) => string>;
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
    /** What the donut's shares are a share of: resolved conversations only, unlike the AI Resolution KPI. */
    resolutionSplitCaption: string;
    handoffReasons: string;
    topIntents: string;
    volume: string;
    sentimentTrend: string;
    agents: string;
    insights: string;
    insightsCaption: string;
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
  /** Display names of the intents the platforms are known to send, by id; others are shown humanised. */
  intents: Readonly<Record<string, string>>;
  agents: {
    since: string;
    noStatus: string;
    statuses: Record<AgentStatus, string>;
    none: string;
    /** The roster's notice of agents below the visible part of the list. */
    more: (count: string) => string;
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
    live: () => 'Figures update as conversations happen.',
    reconnecting: (seconds) => `The live connection dropped; figures refresh every ${seconds} seconds until it is back.`,
    polling: (seconds) => `No live connection; figures refresh every ${seconds} seconds.`,
  },
  liveNotices: {
    reconnecting: (seconds) => `Live updates interrupted, reconnecting — refreshing every ${seconds} s meanwhile`,
    polling: (seconds) => `Live updates unavailable — refreshing every ${seconds} s`,
  },
  kpis: {
    aiResolutionRate: { label: 'AI Resolution', caption: 'Resolved by AI, of all conversations started' },
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
    resolutionSplitCaption: 'Share of resolved conversations',
    handoffReasons: 'Handoff reasons',
    topIntents: 'Top 5 intents',
    volume: 'Conversation volume',
    sentimentTrend: 'Sentiment trend',
    agents: 'Human agents',
    insights: 'Insights',
    insightsCaption: 'From rules comparing this period with the previous one',
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
      hour: 'Line chart of average AI and human sentiment per hour, on a scale from 1 to 5.',
      day: 'Line chart of average AI and human sentiment per day, on a scale from 1 to 5.',
    },
  },
  handoffReasons: {
    complex_request: 'Complex request',
    billing: 'Billing',
    complaint: 'Complaint',
    loop_guard: 'Loop guard',
    other: 'Other',
  },
  intents: {
    billing_question: 'Billing question',
    cancel: 'Cancellation',
    change_address: 'Change of address',
    delivery_delay: 'Delivery delay',
    modify_plan: 'Plan change',
    order_status: 'Order status',
    password_reset: 'Password reset',
    payment_issue: 'Payment issue',
    refund_request: 'Refund request',
    service_check: 'Service check',
    store_hours: 'Store hours',
    technical_support: 'Technical support',
    upgrade_plan: 'Plan upgrade',
    validate_document: 'Document validation',
  },
  agents: {
    since: 'Since',
    noStatus: 'No status reported yet: busy with the conversations assigned to this agent',
    statuses: { online: 'Online', busy: 'Busy', offline: 'Offline' },
    none: 'No human agents yet.',
    more: (count) => `${count} more below`,
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
    intro: 'Elige una organización de demostración o pega un token de acceso emitido para tu organización.',
    demoHeading: 'Organizaciones de demostración',
    demoLoading: 'Cargando organizaciones de demostración…',
    demoFailed: 'No se pudo iniciar sesión en la organización de demostración. Inténtalo de nuevo.',
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
    live: () => 'Las cifras se actualizan a medida que ocurren las conversaciones.',
    reconnecting: (seconds) =>
      `Se perdió la conexión en directo; las cifras se actualizan cada ${seconds} segundos hasta que vuelva.`,
    polling: (seconds) => `Sin conexión en directo; las cifras se actualizan cada ${seconds} segundos.`,
  },
  liveNotices: {
    reconnecting: (seconds) =>
      `Actualizaciones en directo interrumpidas, reconectando — mientras tanto se actualiza cada ${seconds} s`,
    polling: (seconds) => `Actualizaciones en directo no disponibles — se actualiza cada ${seconds} s`,
  },
  kpis: {
    aiResolutionRate: { label: 'Resolución IA', caption: 'Resueltas por IA, del total de conversaciones iniciadas' },
    totalConversations: { label: 'Conversaciones totales', caption: 'Este periodo' },
    pending: { label: 'Pendientes', caption: 'Esperando derivación' },
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
    resolutionSplitCaption: 'Del total de conversaciones resueltas',
    handoffReasons: 'Motivos de derivación',
    topIntents: 'Top 5 intenciones',
    volume: 'Volumen de conversaciones',
    sentimentTrend: 'Tendencia de sentimiento',
    agents: 'Agentes humanos',
    insights: 'Observaciones',
    insightsCaption: 'Según reglas que comparan este periodo con el anterior',
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
    handoffReasons: 'Gráfico de barras de derivaciones a agentes humanos por motivo.',
    topIntents: 'Gráfico de barras de las cinco intenciones más frecuentes.',
    volume: {
      hour: 'Gráfico de barras apiladas de conversaciones resueltas por IA y por humanos por hora.',
      day: 'Gráfico de barras apiladas de conversaciones resueltas por IA y por humanos por día.',
    },
    sentimentTrend: {
      hour: 'Gráfico de líneas del sentimiento medio de IA y humanos por hora, en una escala de 1 a 5.',
      day: 'Gráfico de líneas del sentimiento medio de IA y humanos por día, en una escala de 1 a 5.',
    },
  },
  handoffReasons: {
    complex_request: 'Solicitud compleja',
    billing: 'Facturación',
    complaint: 'Queja',
    loop_guard: 'Protección contra bucles',
    other: 'Otro',
  },
  intents: {
    billing_question: 'Consulta de facturación',
    cancel: 'Baja',
    change_address: 'Cambio de dirección',
    delivery_delay: 'Retraso en la entrega',
    modify_plan: 'Cambio de tarifa',
    order_status: 'Estado del pedido',
    password_reset: 'Restablecer contraseña',
    payment_issue: 'Problema con el pago',
    refund_request: 'Solicitud de reembolso',
    service_check: 'Comprobación del servicio',
    store_hours: 'Horario de tienda',
    technical_support: 'Soporte técnico',
    upgrade_plan: 'Mejora de tarifa',
    validate_document: 'Validación de documento',
  },
  agents: {
    since: 'Desde',
    noStatus: 'Aún no ha informado de su estado: ocupado con las conversaciones que tiene asignadas',
    statuses: { online: 'Conectado', busy: 'Ocupado', offline: 'Desconectado' },
    none: 'Todavía no hay agentes humanos.',
    more: (count) => `${count} más abajo`,
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
