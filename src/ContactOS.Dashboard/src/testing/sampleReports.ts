import type {
  CostsReport,
  DropOffReport,
  DurationSummary,
  IntentsReport,
  QualityReport,
  RateFigure,
  ResponseTimesReport,
  ToolsReport,
} from '../api/types';

// Second-wave reports as the API serialises them, for tests only: the application never imports this file.

const window = { period: '30d' as const, from: '2026-10-24T00:00:00+00:00', to: '2026-11-23T00:00:00+00:00' };

const rate = (count: number, of: number): RateFigure => ({ count, of, value: of === 0 ? 0 : count / of });

export const noDuration: DurationSummary = { count: 0, mean: null, p50: null, p90: null, p95: null, p99: null };

export const responseTimes: ResponseTimesReport = {
  ...window,
  firstResponse: { count: 812, mean: 2.41, p50: 1.8, p90: 4.2, p95: 6.05, p99: 12.9 },
  humanFirstResponse: { count: 203, mean: 95.5, p50: 62, p90: 180, p95: 240.5, p99: 610 },
  handleTime: { count: 198, mean: 742, p50: 540, p90: 1500, p95: 1980, p99: 3600 },
  resolutionTime: { count: 790, mean: 5400, p50: 300, p90: 7200, p95: 14400, p99: 172800 },
};

export const quality: QualityReport = {
  ...window,
  reopenWindowHours: 24,
  abandonAfterHours: 24,
  csat: {
    ai: { responses: 120, mean: 4.31, satisfiedShare: 0.82 },
    human: { responses: 60, mean: 3.9, satisfiedShare: 0.7 },
    all: { responses: 180, mean: 4.17, satisfiedShare: 0.78 },
  },
  nps: {
    ai: { responses: 100, promoters: 50, passives: 30, detractors: 20, score: 30 },
    human: { responses: 40, promoters: 10, passives: 18, detractors: 12, score: -5 },
    all: { responses: 140, promoters: 60, passives: 48, detractors: 32, score: 20 },
  },
  feedbackResponseRate: { ai: rate(120, 560), human: rate(60, 220), all: rate(180, 790) },
  reopenRate: { ai: rate(28, 560), human: rate(11, 230), all: rate(39, 790) },
  firstContactResolution: { ai: rate(532, 560), human: rate(180, 230), all: rate(712, 790) },
  transferRate: { ai: rate(250, 850), human: rate(19, 240) },
  abandonment: { ai: rate(30, 600), human: rate(12, 250), all: rate(42, 850) },
};

export const intents: IntentsReport = {
  ...window,
  detections: 1010,
  intents: [
    { intent: 'order_status', conversations: 320, detections: 350, meanConfidence: 0.912 },
    { intent: 'billing_question', conversations: 210, detections: 240, meanConfidence: 0.84 },
    { intent: 'refund_request', conversations: 150, detections: 160, meanConfidence: 0.77 },
    { intent: 'fallback', conversations: 90, detections: 95, meanConfidence: 0.41 },
    { intent: 'warranty_claim', conversations: 60, detections: 65, meanConfidence: null },
  ],
  histogram: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((bin) => ({
    from: bin / 10,
    to: (bin + 1) / 10,
    detections: [2, 4, 8, 20, 30, 40, 60, 120, 300, 360][bin] ?? 0,
  })),
  lowConfidenceThreshold: 0.7,
  lowConfidence: rate(164, 944),
  fallbackIntents: ['fallback'],
  fallback: rate(95, 1010),
};

export const tools: ToolsReport = {
  ...window,
  tools: [
    {
      tool: 'crm.lookup',
      calls: 500,
      succeeded: 480,
      failed: 15,
      successRate: 480 / 495,
      latencyMs: { count: 495, mean: 210, p50: 180, p90: 320, p95: 410, p99: 1250 },
    },
    {
      tool: 'orders.status',
      calls: 300,
      succeeded: 270,
      failed: 30,
      successRate: 0.9,
      latencyMs: { count: 300, mean: 95, p50: 80, p90: 150, p95: 190, p99: 400 },
    },
    { tool: 'kb.search', calls: 40, succeeded: 0, failed: 0, successRate: null, latencyMs: noDuration },
  ],
};

export const dropOff: DropOffReport = {
  ...window,
  started: 850,
  abandoned: 42,
  byLastIntent: [
    { intent: 'billing_question', count: 20 },
    { intent: '(none)', count: 12 },
    { intent: 'refund_request', count: 10 },
  ],
};

export const costs: CostsReport = {
  ...window,
  currency: 'EUR',
  models: [
    { model: 'gpt-4.1', messages: 4000, tokens: 2_400_000, cost: 38.4 },
    { model: 'gpt-4.1-mini', messages: 9000, tokens: 3_100_000, cost: 6.2 },
    { model: '(unknown)', messages: 12, tokens: 3000, cost: 0.004 },
  ],
  perConversation: { conversations: 850, tokens: 5_503_000, cost: 44.604, meanTokens: 6474.1, meanCost: 0.052475 },
  aiResolution: { resolutions: 560, cost: 22.4, costPerResolution: 0.04 },
  humanResolution: { resolutions: 230, cost: 18.4, handleHours: 47.3, agentCost: 1182.5, costPerResolution: 5.221304 },
  automation: { automated: 560, started: 850, rate: 560 / 850, costSaved: 2800, netSaved: 2777.6 },
  budget: {
    monthStart: '2026-11-01T00:00:00+00:00',
    spendToDate: 40,
    projectedMonthEnd: 52.17,
    monthlyBudget: 50,
    overBudget: true,
  },
};

/** The same costs for a tenant that has set none of its cost settings. */
export const costsWithoutSettings: CostsReport = {
  ...costs,
  currency: 'USD',
  humanResolution: { ...costs.humanResolution, agentCost: null, costPerResolution: null },
  automation: { ...costs.automation, costSaved: null, netSaved: null },
  budget: { ...costs.budget, monthlyBudget: null, overBudget: null },
};
