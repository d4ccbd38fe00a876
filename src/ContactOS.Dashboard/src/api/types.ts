export const periods = ['today', '7d', '30d', '90d'] as const;
export type Period = (typeof periods)[number];

export type Language = 'en' | 'es';

export interface KpiValue {
  value: number | null;
  previous: number | null;
}

interface PeriodWindow {
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
