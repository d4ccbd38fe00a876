import type {
  AgentStatus,
  BucketInterval,
  HandoffReason,
  KpiName,
  Language,
  Period,
  ResponseTimeName,
  Segment,
} from '../api/types';
import type { ConnectionState } from '../live/connectionState';
import type { Tab } from '../tabs/tabs';
import { agentViewsText, type AgentViewsText } from './agentViewsText';

/** The quality rates, in the order the Quality tab lists them. */
export const qualityRates = [
  'firstContactResolution',
  'feedbackResponseRate',
  'reopenRate',
  'transferRate',
  'abandonment',
] as const;
export type QualityRate = (typeof qualityRates)[number];

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
  tabs: { label: string } & Record<Tab, string>;
  segments: Record<Segment, string>;
  times: Record<ResponseTimeName, string>;
  rates: Record<QualityRate, string>;
  /** What each rate is out of, per segment where it differs. */
  rateHints: Record<QualityRate, string>;
  reports: {
    responseTimes: string;
    responseTimesCaption: string;
    csat: string;
    csatCaption: string;
    nps: string;
    npsCaption: string;
    qualityRates: string;
    qualityRatesCaption: (reopenHours: string, abandonHours: string) => string;
    intents: string;
    intentsCaption: (detections: string) => string;
    confidence: string;
    confidenceCaption: string;
    toolCalls: string;
    toolLatency: string;
    toolLatencyCaption: string;
    dropOff: string;
    dropOffCaption: (abandoned: string, started: string) => string;
    modelSpend: string;
    modelSpendCaption: string;
    resolutionCost: string;
    resolutionCostCaption: string;
    automation: string;
    automationCaption: string;
    budget: string;
    budgetCaption: (month: string) => string;
  };
  columns: {
    time: string;
    segment: string;
    count: string;
    mean: string;
    responses: string;
    meanCsat: string;
    satisfiedShare: string;
    promoters: string;
    passives: string;
    detractors: string;
    score: string;
    rate: string;
    intent: string;
    conversations: string;
    detections: string;
    meanConfidence: string;
    tool: string;
    calls: string;
    successRate: string;
    model: string;
    messages: string;
    tokens: string;
    cost: string;
  };
  figures: {
    /** "4 of 33". */
    outOf: (count: string, of: string) => string;
    lowConfidence: (threshold: string) => string;
    fallback: (intents: string) => string;
    meanCostPerConversation: string;
    meanTokensPerConversation: string;
    costPerAiResolution: string;
    costPerHumanResolution: string;
    automationRate: string;
    automated: (automated: string, started: string) => string;
    costSaved: string;
    netSaved: string;
    spendToDate: string;
    projectedMonthEnd: string;
    monthlyBudget: string;
    overBudget: string;
    withinBudget: string;
    handleHours: (hours: string) => string;
  };
  /** Figures that need a tenant setting the organisation has not set. */
  notSet: {
    value: string;
    agentCostPerHour: string;
    costPerHumanConversation: string;
    monthlyBudget: string;
  };
  reportSeries: {
    meanCsat: string;
    promoters: string;
    passives: string;
    detractors: string;
    succeeded: string;
    failed: string;
    notReported: string;
    conversations: string;
    detections: string;
    cost: string;
    modelCost: string;
    agentCost: string;
    spendToDate: string;
    projectedMonthEnd: string;
    monthlyBudget: string;
  };
  reportDescriptions: {
    responseTimes: string;
    csat: string;
    nps: string;
    qualityRates: string;
    intents: string;
    confidence: string;
    toolCalls: string;
    toolLatency: string;
    dropOff: string;
    modelSpend: string;
    resolutionCost: string;
    budget: string;
  };
  /** Shown for conversations abandoned before any intent was detected, and for messages without a model. */
  noIntent: string;
  unknownModel: string;
  /** A budget panel with nothing spent this month and no budget set. */
  noSpendThisMonth: string;
  agentViews: AgentViewsText;
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
  tabs: {
    label: 'Analytics views',
    overview: 'Overview',
    operations: 'Operations',
    quality: 'Quality',
    costs: 'Costs',
  },
  segments: { ai: 'AI', human: 'Human', all: 'All' },
  times: {
    firstResponse: 'First response',
    humanFirstResponse: 'Human first response',
    handleTime: 'Handle time',
    resolutionTime: 'Resolution time',
  },
  rates: {
    firstContactResolution: 'First-contact resolution',
    feedbackResponseRate: 'Feedback response rate',
    reopenRate: 'Reopen rate',
    transferRate: 'Transfer rate',
    abandonment: 'Abandonment',
  },
  rateHints: {
    firstContactResolution: 'Resolved without reopening or transfer, of resolved',
    feedbackResponseRate: 'Ended conversations with feedback',
    reopenRate: 'Resolved conversations the customer wrote to again',
    transferRate: 'AI: handed to a human, of started. Human: passed between agents, of assigned',
    abandonment: 'AI: of never handed off. Human: of handed off',
  },
  reports: {
    responseTimes: 'Response times',
    responseTimesCaption: 'Percentiles per time, logarithmic scale; mean and counts in the table',
    csat: 'CSAT',
    csatCaption: 'Mean customer rating, 1-5, and the share rating 4 or 5',
    nps: 'NPS',
    npsCaption: 'Promoters (9-10), passives (7-8) and detractors (0-6) of those who answered',
    qualityRates: 'Resolution and service rates',
    qualityRatesCaption: (reopenHours, abandonHours) =>
      `Reopened: a customer message within ${reopenHours} h of resolution. Abandoned: closed unresolved, or silent for ${abandonHours} h`,
    intents: 'Intents',
    intentsCaption: (detections) => `${detections} detections; bars show conversations, the table mean confidence`,
    confidence: 'Intent confidence',
    confidenceCaption: 'Detections by confidence; bars below the threshold are highlighted',
    toolCalls: 'Tool calls',
    toolLatency: 'Tool latency',
    toolLatencyCaption: 'Percentiles of calls that reported a latency',
    dropOff: 'Drop-off by last intent',
    dropOffCaption: (abandoned, started) => `${abandoned} abandoned of ${started} conversations started`,
    modelSpend: 'Spend by model',
    modelSpendCaption: 'Model spend by message time in this period',
    resolutionCost: 'Cost per resolution',
    resolutionCostCaption: 'Model spend, plus agent time for human resolutions',
    automation: 'Automation',
    automationCaption: 'Conversations resolved by AI and what they saved',
    budget: 'Monthly budget',
    budgetCaption: (month) => `${month}, whatever the period selected`,
  },
  columns: {
    time: 'Time',
    segment: 'Segment',
    count: 'Count',
    mean: 'Mean',
    responses: 'Responses',
    meanCsat: 'Mean',
    satisfiedShare: 'Rated 4-5',
    promoters: 'Promoters',
    passives: 'Passives',
    detractors: 'Detractors',
    score: 'NPS',
    rate: 'Rate',
    intent: 'Intent',
    conversations: 'Conversations',
    detections: 'Detections',
    meanConfidence: 'Mean confidence',
    tool: 'Tool',
    calls: 'Calls',
    successRate: 'Success rate',
    model: 'Model',
    messages: 'Messages',
    tokens: 'Tokens',
    cost: 'Cost',
  },
  figures: {
    outOf: (count, of) => `${count} of ${of}`,
    lowConfidence: (threshold) => `Low confidence (below ${threshold})`,
    fallback: (intents) => `Fallback (${intents})`,
    meanCostPerConversation: 'Mean cost per conversation',
    meanTokensPerConversation: 'Mean tokens per conversation',
    costPerAiResolution: 'Per AI resolution',
    costPerHumanResolution: 'Per human resolution',
    automationRate: 'Automation rate',
    automated: (automated, started) => `${automated} resolved by AI of ${started} started`,
    costSaved: 'Cost saved',
    netSaved: 'Net saved (after model spend)',
    spendToDate: 'Spend to date',
    projectedMonthEnd: 'Projected month end',
    monthlyBudget: 'Monthly budget',
    overBudget: 'Over budget',
    withinBudget: 'Within budget',
    handleHours: (hours) => `${hours} h of agent time`,
  },
  notSet: {
    value: 'Not set',
    agentCostPerHour: 'Set the agent cost per hour in the organisation settings to include agent time.',
    costPerHumanConversation: 'Set the cost per human conversation in the organisation settings to see the savings.',
    monthlyBudget: 'Set a monthly budget in the organisation settings to track spend against it.',
  },
  reportSeries: {
    meanCsat: 'Mean CSAT',
    promoters: 'Promoters',
    passives: 'Passives',
    detractors: 'Detractors',
    succeeded: 'Succeeded',
    failed: 'Failed',
    notReported: 'Not reported',
    conversations: 'Conversations',
    detections: 'Detections',
    cost: 'Cost',
    modelCost: 'Model',
    agentCost: 'Agent time',
    spendToDate: 'Spend to date',
    projectedMonthEnd: 'Projected month end',
    monthlyBudget: 'Monthly budget',
  },
  reportDescriptions: {
    responseTimes: 'Grouped bar chart of the 50th, 90th, 95th and 99th percentiles of each response time.',
    csat: 'Bar chart of mean CSAT for AI, human and all conversations.',
    nps: 'Stacked bar chart of promoters, passives and detractors for AI, human and all conversations.',
    qualityRates: 'Bar chart of resolution and service rates for AI and human conversations.',
    intents: 'Bar chart of conversations per intent.',
    confidence: 'Histogram of intent detections by confidence.',
    toolCalls: 'Stacked bar chart of successful, failed and unreported calls per tool.',
    toolLatency: 'Grouped bar chart of latency percentiles per tool.',
    dropOff: 'Bar chart of abandoned conversations by their last intent.',
    modelSpend: 'Bar chart of spend per model.',
    resolutionCost: 'Stacked bar chart of cost per AI and per human resolution.',
    budget: 'Bar chart of spend to date and projected month end against the monthly budget.',
  },
  noIntent: 'No intent',
  unknownModel: 'Unknown model',
  noSpendThisMonth: 'No model spend this month yet',
  agentViews: agentViewsText.en,
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
  tabs: {
    label: 'Vistas de analítica',
    overview: 'Resumen',
    operations: 'Operaciones',
    quality: 'Calidad',
    costs: 'Costes',
  },
  segments: { ai: 'IA', human: 'Humano', all: 'Total' },
  times: {
    firstResponse: 'Primera respuesta',
    humanFirstResponse: 'Primera respuesta del agente',
    handleTime: 'Tiempo de gestión',
    resolutionTime: 'Tiempo de resolución',
  },
  rates: {
    firstContactResolution: 'Resolución en el primer contacto',
    feedbackResponseRate: 'Tasa de respuesta a encuestas',
    reopenRate: 'Tasa de reapertura',
    transferRate: 'Tasa de transferencia',
    abandonment: 'Abandono',
  },
  rateHints: {
    firstContactResolution: 'Resueltas sin reapertura ni transferencia, del total de resueltas',
    feedbackResponseRate: 'Conversaciones finalizadas con valoración del cliente',
    reopenRate: 'Resueltas en las que el cliente volvió a escribir',
    transferRate: 'IA: derivadas a un agente, de las iniciadas. Humano: pasadas entre agentes, de las asignadas',
    abandonment: 'IA: de las nunca derivadas. Humano: de las derivadas',
  },
  reports: {
    responseTimes: 'Tiempos de respuesta',
    responseTimesCaption: 'Percentiles de cada tiempo, en escala logarítmica; la media y los recuentos, en la tabla',
    csat: 'CSAT',
    csatCaption: 'Valoración media del cliente, de 1 a 5, y porcentaje que valora con 4 o 5',
    nps: 'NPS',
    npsCaption: 'Promotores (9-10), pasivos (7-8) y detractores (0-6) de quienes respondieron',
    qualityRates: 'Tasas de resolución y servicio',
    qualityRatesCaption: (reopenHours, abandonHours) =>
      `Reabierta: mensaje del cliente en las ${reopenHours} h siguientes a la resolución. Abandonada: cerrada sin resolver o sin actividad durante ${abandonHours} h`,
    intents: 'Intenciones',
    intentsCaption: (detections) =>
      `${detections} detecciones; las barras muestran conversaciones y la tabla, la confianza media`,
    confidence: 'Confianza de las intenciones',
    confidenceCaption: 'Detecciones por nivel de confianza; se destacan las barras por debajo del umbral',
    toolCalls: 'Llamadas a herramientas',
    toolLatency: 'Latencia de las herramientas',
    toolLatencyCaption: 'Percentiles de las llamadas que informaron de su latencia',
    dropOff: 'Abandono por última intención',
    dropOffCaption: (abandoned, started) => `${abandoned} abandonadas de ${started} conversaciones iniciadas`,
    modelSpend: 'Gasto por modelo',
    modelSpendCaption: 'Gasto en modelos según la hora de cada mensaje en este periodo',
    resolutionCost: 'Coste por resolución',
    resolutionCostCaption: 'Gasto en modelos, más el tiempo del agente en las resoluciones humanas',
    automation: 'Automatización',
    automationCaption: 'Conversaciones resueltas por IA y el ahorro que suponen',
    budget: 'Presupuesto mensual',
    budgetCaption: (month) => `${month}, sea cual sea el periodo seleccionado`,
  },
  columns: {
    time: 'Tiempo',
    segment: 'Segmento',
    count: 'Recuento',
    mean: 'Media',
    responses: 'Respuestas',
    meanCsat: 'Media',
    satisfiedShare: 'Valoración 4-5',
    promoters: 'Promotores',
    passives: 'Pasivos',
    detractors: 'Detractores',
    score: 'NPS',
    rate: 'Tasa',
    intent: 'Intención',
    conversations: 'Conversaciones',
    detections: 'Detecciones',
    meanConfidence: 'Confianza media',
    tool: 'Herramienta',
    calls: 'Llamadas',
    successRate: 'Tasa de éxito',
    model: 'Modelo',
    messages: 'Mensajes',
    tokens: 'Tokens',
    cost: 'Coste',
  },
  figures: {
    outOf: (count, of) => `${count} de ${of}`,
    lowConfidence: (threshold) => `Confianza baja (menos de ${threshold})`,
    fallback: (intents) => `Sin entender (${intents})`,
    meanCostPerConversation: 'Coste medio por conversación',
    meanTokensPerConversation: 'Tokens de media por conversación',
    costPerAiResolution: 'Por resolución de IA',
    costPerHumanResolution: 'Por resolución humana',
    automationRate: 'Tasa de automatización',
    automated: (automated, started) => `${automated} resueltas por IA de ${started} iniciadas`,
    costSaved: 'Ahorro',
    netSaved: 'Ahorro neto (descontado el gasto en modelos)',
    spendToDate: 'Gasto hasta hoy',
    projectedMonthEnd: 'Previsión a fin de mes',
    monthlyBudget: 'Presupuesto mensual',
    overBudget: 'Por encima del presupuesto',
    withinBudget: 'Dentro del presupuesto',
    handleHours: (hours) => `${hours} h de tiempo de agente`,
  },
  notSet: {
    value: 'Sin configurar',
    agentCostPerHour:
      'Configura el coste por hora de agente en los ajustes de la organización para incluir el tiempo de los agentes.',
    costPerHumanConversation:
      'Configura el coste por conversación atendida por un agente en los ajustes de la organización para ver el ahorro.',
    monthlyBudget: 'Configura un presupuesto mensual en los ajustes de la organización para controlar el gasto.',
  },
  reportSeries: {
    meanCsat: 'CSAT medio',
    promoters: 'Promotores',
    passives: 'Pasivos',
    detractors: 'Detractores',
    succeeded: 'Correctas',
    failed: 'Fallidas',
    notReported: 'Sin informar',
    conversations: 'Conversaciones',
    detections: 'Detecciones',
    cost: 'Coste',
    modelCost: 'Modelo',
    agentCost: 'Tiempo de agente',
    spendToDate: 'Gasto hasta hoy',
    projectedMonthEnd: 'Previsión a fin de mes',
    monthlyBudget: 'Presupuesto mensual',
  },
  reportDescriptions: {
    responseTimes: 'Gráfico de barras agrupadas de los percentiles 50, 90, 95 y 99 de cada tiempo de respuesta.',
    csat: 'Gráfico de barras del CSAT medio de IA, humanos y el total.',
    nps: 'Gráfico de barras apiladas de promotores, pasivos y detractores de IA, humanos y el total.',
    qualityRates: 'Gráfico de barras de las tasas de resolución y servicio de IA y humanos.',
    intents: 'Gráfico de barras de conversaciones por intención.',
    confidence: 'Histograma de detecciones de intención por nivel de confianza.',
    toolCalls: 'Gráfico de barras apiladas de llamadas correctas, fallidas y sin informar por herramienta.',
    toolLatency: 'Gráfico de barras agrupadas de los percentiles de latencia por herramienta.',
    dropOff: 'Gráfico de barras de conversaciones abandonadas por su última intención.',
    modelSpend: 'Gráfico de barras del gasto por modelo.',
    resolutionCost: 'Gráfico de barras apiladas del coste por resolución de IA y humana.',
    budget: 'Gráfico de barras del gasto hasta hoy y la previsión a fin de mes frente al presupuesto mensual.',
  },
  noIntent: 'Sin intención',
  unknownModel: 'Modelo desconocido',
  noSpendThisMonth: 'Todavía no hay gasto en modelos este mes',
  agentViews: agentViewsText.es,
};

export const dictionaries: Record<Language, Dictionary> = { en, es };
