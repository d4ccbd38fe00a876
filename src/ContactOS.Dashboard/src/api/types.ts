export const periods = ['today', '7d', '30d', '90d'] as const;
export type Period = (typeof periods)[number];

export type Language = 'en' | 'es';

export interface KpiValue {
  value: number | null;
  previous: number | null;
}

export interface PeriodWindow {
  period: Period;
  from: string;
  to: string;
}

export interface KpiReport extends PeriodWindow {
  aiResolutionRate: KpiValue;
  totalConversations: KpiValue;
  pending: KpiValue;
  closedToday: KpiValue;
  active: KpiValue;
  satisfaction: KpiValue;
}

export type KpiName = Exclude<keyof KpiReport, keyof PeriodWindow>;

export interface ResolutionSplit extends PeriodWindow {
  ai: number;
  human: number;
  aiShare: number;
  humanShare: number;
}

export const handoffReasons = ['complex_request', 'billing', 'complaint', 'loop_guard', 'other'] as const;
export type HandoffReason = (typeof handoffReasons)[number];

export interface HandoffReasons extends PeriodWindow {
  reasons: { reason: HandoffReason; count: number }[];
}

export interface TopIntents extends PeriodWindow {
  intents: { intent: string; count: number }[];
}

export type BucketInterval = 'hour' | 'day';

export interface VolumeSeries extends PeriodWindow {
  interval: BucketInterval;
  buckets: { start: string; ai: number; human: number }[];
}

export interface SentimentTrend extends PeriodWindow {
  interval: BucketInterval;
  buckets: { start: string; ai: number | null; human: number | null }[];
}

export interface Insight {
  rule: string;
  text: string;
}

export interface Insights extends PeriodWindow {
  lang: Language;
  positive: Insight[];
  attention: Insight[];
}

export type AgentStatus = 'online' | 'busy' | 'offline';

export interface Agent {
  agentId: string;
  displayName: string;
  status: AgentStatus;
  /** In the tenant's time zone; null for an agent known only from assignments (no status reported yet). */
  since: string | null;
}

export interface AgentRoster {
  agents: Agent[];
  counts: Record<AgentStatus, number>;
}

export interface Tenant {
  tenantId: string;
  displayName: string;
  timeZone: string;
  /** The tenant's default interface language ("es", "en"); older servers do not send it. */
  language?: string | null;
}

export interface DemoTenant {
  tenantId: string;
  displayName: string;
}

export interface LiveMessage {
  tenantId: string;
  period: Period;
  kpis: KpiReport;
  agents: AgentRoster;
  at: string;
}

// The second wave (docs/analytics.md, "The second wave"): the camelCase JSON of the records in
// src/ContactOS.Grains/Queries/SecondWaveReports.cs. Times are in seconds, tool latency in milliseconds, money in the
// tenant's currency; a nullable figure is null when nothing was measured or a tenant setting it needs is not set.

/** A duration's distribution: exact count and mean, nearest-rank percentiles within 1 %. */
export interface DurationSummary {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

/** `count` of `of`, as a 0-1 fraction; 0 when `of` is 0. */
export interface RateFigure {
  count: number;
  of: number;
  value: number;
}

/** A figure for the conversations resolved by AI, by a human, and for all it applies to. */
export interface SegmentFigures<T> {
  ai: T;
  human: T;
  all: T;
}

export type Segment = keyof SegmentFigures<unknown>;

export interface ResponseTimesReport extends PeriodWindow {
  firstResponse: DurationSummary;
  humanFirstResponse: DurationSummary;
  handleTime: DurationSummary;
  resolutionTime: DurationSummary;
}

export type ResponseTimeName = Exclude<keyof ResponseTimesReport, keyof PeriodWindow>;

export interface CsatFigures {
  responses: number;
  mean: number | null;
  satisfiedShare: number | null;
}

export interface NpsFigures {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  score: number | null;
}

export interface QualityReport extends PeriodWindow {
  reopenWindowHours: number;
  abandonAfterHours: number;
  csat: SegmentFigures<CsatFigures>;
  nps: SegmentFigures<NpsFigures>;
  feedbackResponseRate: SegmentFigures<RateFigure>;
  reopenRate: SegmentFigures<RateFigure>;
  firstContactResolution: SegmentFigures<RateFigure>;
  transferRate: { ai: RateFigure; human: RateFigure };
  abandonment: SegmentFigures<RateFigure>;
}

export interface IntentFigures {
  intent: string;
  conversations: number;
  detections: number;
  meanConfidence: number | null;
}

/** Detections with a confidence in [from, to); the last bin includes 1.0. */
export interface ConfidenceBin {
  from: number;
  to: number;
  detections: number;
}

export interface IntentsReport extends PeriodWindow {
  detections: number;
  /** Ordered by conversations, most first. */
  intents: IntentFigures[];
  histogram: ConfidenceBin[];
  lowConfidenceThreshold: number;
  lowConfidence: RateFigure;
  fallbackIntents: string[];
  fallback: RateFigure;
}

export interface ToolFigures {
  tool: string;
  calls: number;
  succeeded: number;
  failed: number;
  successRate: number | null;
  /** In milliseconds. */
  latencyMs: DurationSummary;
}

export interface ToolsReport extends PeriodWindow {
  /** Ordered by calls, most first. */
  tools: ToolFigures[];
}

export interface DropOffReport extends PeriodWindow {
  started: number;
  abandoned: number;
  /** Most first; "(none)" for conversations without an intent. */
  byLastIntent: { intent: string; count: number }[];
}

export interface ModelSpend {
  model: string;
  messages: number;
  tokens: number;
  cost: number;
}

export interface CostsReport extends PeriodWindow {
  /** ISO 4217. */
  currency: string;
  /** Ordered by cost, most first; "(unknown)" for messages without a model. */
  models: ModelSpend[];
  perConversation: {
    conversations: number;
    tokens: number;
    cost: number;
    meanTokens: number | null;
    meanCost: number | null;
  };
  aiResolution: { resolutions: number; cost: number; costPerResolution: number | null };
  humanResolution: {
    resolutions: number;
    cost: number;
    handleHours: number;
    /** Null until the tenant's agentCostPerHour is set. */
    agentCost: number | null;
    costPerResolution: number | null;
  };
  automation: {
    automated: number;
    started: number;
    rate: number;
    /** Null until the tenant's costPerHumanConversation is set. */
    costSaved: number | null;
    netSaved: number | null;
  };
  budget: {
    monthStart: string;
    spendToDate: number;
    projectedMonthEnd: number;
    /** Null until the tenant's monthlyBudget is set. */
    monthlyBudget: number | null;
    overBudget: boolean | null;
  };
}

// Agents (docs/analytics.md, "Agents"): the camelCase JSON of AgentLeaderboardReport, HeatmapReport and
// AgentActivityReport in src/ContactOS.Grains/Queries. Times in seconds; occupancy and utilization 0-1 fractions.

/** The leaderboard's orders, as the API's `sort` parameter names them. */
export const agentSorts = ['resolutions', 'handled', 'csat', 'handleTime', 'occupancy'] as const;
export type AgentSort = (typeof agentSorts)[number];

export interface AgentFigures {
  agentId: string;
  displayName: string;
  handled: number;
  resolutions: number;
  handleTime: DurationSummary;
  csat: { responses: number; mean: number | null };
  onlineSeconds: number;
  busySeconds: number;
  /** Null when the agent was neither online nor busy in the period. */
  occupancy: number | null;
  /** Null when the period has not begun. */
  utilization: number | null;
}

export interface AgentLeaderboardReport extends PeriodWindow {
  sort: AgentSort;
  /** In the order of `sort`. */
  agents: AgentFigures[];
}

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

export interface HeatmapCell {
  weekday: Weekday;
  /** Local hour, 0-23. */
  hour: number;
  conversations: number;
  /** Null when no agent was online or busy in the cell's hours. */
  occupancy: number | null;
}

export interface HeatmapReport extends PeriodWindow {
  /** 168 cells, Monday 0:00 to Sunday 23:00 in the tenant's time. */
  cells: HeatmapCell[];
}

export interface ActivityInterval {
  status: AgentStatus;
  /** In the tenant's time zone. */
  from: string;
  to: string;
  seconds: number;
}

export interface AgentActivityReport {
  agentId: string;
  displayName: string;
  /** The tenant-local day, YYYY-MM-DD. */
  date: string;
  from: string;
  /** The day's end, or now for today. */
  to: string;
  intervals: ActivityInterval[];
  totals: { status: AgentStatus; seconds: number }[];
}

/** One stored event of a conversation (docs/events.md): the fields every event has, and those of its type. */
export interface JourneyContactEvent {
  id: string;
  type: string;
  timestamp: string;
  conversationId?: string;
  channel?: string;
  role?: string;
  text?: string;
  sentiment?: number;
  scoredSentiment?: number;
  tokens?: number;
  cost?: number;
  model?: string;
  intent?: string;
  confidence?: number;
  tool?: string;
  success?: boolean;
  latencyMs?: number;
  reason?: string;
  agentId?: string;
  by?: string;
  csat?: number;
  nps?: number;
  status?: string;
  displayName?: string;
}

export interface Journey {
  conversationId: string;
  /** In timeline order: timestamp, then arrival. */
  events: { position: number; sentiment: number | null; event: JourneyContactEvent }[];
}
