import { describe, expect, it } from 'vitest';
import { testContext } from '../testing/chartContext';
import {
  costs,
  costsWithoutSettings,
  dropOff,
  intents,
  noDuration,
  quality,
  responseTimes,
  tools,
} from '../testing/sampleReports';
import { countDataPoints } from './EChart';
import type { ChartOption } from './echarts';
import {
  budgetOption,
  confidenceOption,
  csatOption,
  dropOffOption,
  formatRateFigure,
  hasNoBudgetFigures,
  hasNoConfidence,
  hasNoCsat,
  hasNoDropOff,
  hasNoIntentDetections,
  hasNoModelSpend,
  hasNoNps,
  hasNoQualityRates,
  hasNoResolutionCost,
  hasNoResponseTimes,
  hasNoToolCalls,
  hasNoToolLatency,
  intentsOption,
  modelSpendOption,
  npsOption,
  qualityRate,
  qualityRatesOption,
  resolutionCostOption,
  responseTimeCells,
  responseTimesOption,
  toolCallsOption,
  toolLatencyOption,
} from './reportOptions';

const en = testContext('en');
const es = testContext('es');

interface Series {
  name?: string;
  stack?: string;
  data: unknown[];
  label?: { formatter?: (params: { value: unknown; dataIndex: number }) => string };
  itemStyle?: { color?: string };
}

function seriesOf(option: ChartOption): Series[] {
  return option.series as Series[];
}

/** A series' values: data items unwrapped from { value }. */
function values(series: Series | undefined): unknown[] {
  return (series?.data ?? []).map((item) => (item !== null && typeof item === 'object' ? (item as { value: unknown }).value : item));
}

/** The label each data item shows on its bar, null where it shows none. */
function shownLabels(series: Series | undefined): (string | null)[] {
  return (series?.data ?? []).map((item) => {
    const label = (item as { label?: { show: boolean; formatter: () => string } } | null)?.label;
    return label?.show ? label.formatter() : null;
  });
}

function axisData(axis: unknown): unknown[] {
  return (axis as { data: unknown[] }).data;
}

describe('response times', () => {
  it('draws the four times with one bar per percentile on a logarithmic axis labelled in durations', () => {
    const option = responseTimesOption(responseTimes, en);
    expect(axisData(option.xAxis)).toEqual(['First response', 'Human first response', 'Handle time', 'Resolution time']);
    expect(seriesOf(option).map((series) => series.name)).toEqual(['p50', 'p90', 'p95', 'p99']);
    expect(values(seriesOf(option)[3])).toEqual([12.9, 610, 3600, 172800]);
    const yAxis = option.yAxis as { type: string; axisLabel: { formatter: (value: number) => string } };
    expect(yAxis.type).toBe('log');
    expect(yAxis.axisLabel.formatter(3600)).toBe('1 hr');
    expect(yAxis.axisLabel.formatter(10)).toBe('10 sec');
    expect(countDataPoints(option)).toBe(16);
  });

  it('leaves out what a logarithmic axis cannot draw: a time never measured, a zero', () => {
    const report = { ...responseTimes, humanFirstResponse: noDuration, handleTime: { ...responseTimes.handleTime, p50: 0 } };
    const [p50] = seriesOf(responseTimesOption(report, en));
    expect(values(p50)).toEqual([1.8, null, null, 300]);
  });

  it('is empty only when no time was measured', () => {
    expect(hasNoResponseTimes(responseTimes)).toBe(false);
    expect(
      hasNoResponseTimes({
        ...responseTimes,
        firstResponse: noDuration,
        humanFirstResponse: noDuration,
        handleTime: noDuration,
        resolutionTime: noDuration,
      }),
    ).toBe(true);
  });

  it('gives the table count, mean and percentiles in readable units, in Spanish too', () => {
    expect(responseTimeCells(responseTimes.handleTime, 'en-US')).toEqual([
      '198',
      '12.4 min',
      '9 min',
      '25 min',
      '33 min',
      '1 hr',
    ]);
    expect(responseTimeCells(noDuration, 'es-ES')).toEqual(['0', '—', '—', '—', '—', '—']);
    expect(responseTimeCells(responseTimes.firstResponse, 'es-ES')[1]).toBe('2,4 s');
  });
});

describe('quality', () => {
  it('draws mean CSAT per segment on a 1-5 axis, labelled with the mean', () => {
    const option = csatOption(quality, en);
    const [mean] = seriesOf(option);
    expect(axisData(option.xAxis)).toEqual(['AI', 'Human', 'All']);
    expect(values(mean)).toEqual([4.31, 3.9, 4.17]);
    expect(mean?.label?.formatter?.({ value: 4.31, dataIndex: 0 })).toBe('4.3');
    expect(option.yAxis).toMatchObject({ min: 1, max: 5 });
  });

  it('stacks promoters, passives and detractors as shares of each segment, with the score in its name', () => {
    const option = npsOption(quality, es);
    const [promoters, passives, detractors] = seriesOf(option);
    expect(axisData(option.yAxis)).toEqual(['IA  NPS +30', 'Humano  NPS -5', 'Total  NPS +20']);
    expect(promoters?.name).toBe('Promotores');
    expect(values(promoters)).toEqual([0.5, 0.25, 60 / 140]);
    expect(values(passives)).toEqual([0.3, 0.45, 48 / 140]);
    expect(values(detractors)).toEqual([0.2, 0.3, 32 / 140]);
    expect(new Set(seriesOf(option).map((series) => series.stack))).toEqual(new Set(['answers']));
  });

  it('leaves a segment without answers empty rather than at zero', () => {
    const report = { ...quality, nps: { ...quality.nps, human: { responses: 0, promoters: 0, passives: 0, detractors: 0, score: null } } };
    const option = npsOption(report, en);
    expect(values(seriesOf(option)[0])[1]).toBeNull();
    expect(axisData(option.yAxis)[1]).toBe('Human  NPS —');
  });

  it('puts every rate for AI and human side by side, the transfer rate as each segment defines it', () => {
    const option = qualityRatesOption(quality, en);
    const [ai, human] = seriesOf(option);
    expect(axisData(option.yAxis)).toEqual([
      'First-contact resolution',
      'Feedback response rate',
      'Reopen rate',
      'Transfer rate',
      'Abandonment',
    ]);
    expect(values(ai)).toEqual([532 / 560, 120 / 560, 28 / 560, 250 / 850, 30 / 600]);
    expect(values(human)[3]).toBe(19 / 240);
    expect(qualityRate(quality, 'transferRate', 'all')).toBeNull();
  });

  it('writes a rate with what it is out of', () => {
    expect(formatRateFigure(quality.reopenRate.all, en)).toBe('4.9% (39 of 790)');
    expect(formatRateFigure(quality.reopenRate.all, es)).toBe('4,9\u00a0% (39 de 790)');
    expect(formatRateFigure(null, en)).toBe('—');
  });

  it('is empty per panel: no CSAT answers, no NPS answers, no conversation started', () => {
    const none = { responses: 0, mean: null, satisfiedShare: null };
    expect(hasNoCsat(quality)).toBe(false);
    expect(hasNoCsat({ ...quality, csat: { ai: none, human: none, all: none } })).toBe(true);
    expect(hasNoNps(quality)).toBe(false);
    expect(hasNoQualityRates(quality)).toBe(false);
    expect(hasNoQualityRates({ ...quality, abandonment: { ...quality.abandonment, all: { count: 0, of: 0, value: 0 } } })).toBe(true);
  });
});

describe('intents', () => {
  it('draws conversations per intent with display names, unknown intents humanised', () => {
    const option = intentsOption(intents, es);
    expect(axisData(option.yAxis)).toEqual([
      'Estado del pedido',
      'Consulta de facturación',
      'Solicitud de reembolso',
      'Fallback',
      'Warranty claim',
    ]);
    expect(values(seriesOf(option)[0])).toEqual([320, 210, 150, 90, 60]);
  });

  it('shows detections and mean confidence in the tooltip', () => {
    const tooltip = intentsOption(intents, en).tooltip as { formatter: (params: unknown) => string };
    expect(tooltip.formatter([{ dataIndex: 1 }])).toBe(
      '<strong>Billing question</strong><br/>Conversations: 210<br/>Detections: 240<br/>Mean confidence: 0.84',
    );
    expect(tooltip.formatter([{ dataIndex: 4 }])).toContain('Mean confidence: —');
  });

  it('draws the ten confidence bins, those below the threshold in the warning colour', () => {
    const option = confidenceOption(intents, en);
    expect(axisData(option.xAxis)[0]).toBe('0.0-0.1');
    expect(axisData(option.xAxis)[9]).toBe('0.9-1.0');
    const bars = seriesOf(option)[0]?.data as { value: number; itemStyle: { color: string } }[];
    expect(bars.map((bar) => bar.value)).toEqual([2, 4, 8, 20, 30, 40, 60, 120, 300, 360]);
    expect(bars.map((bar) => bar.itemStyle.color === en.palette.warning)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('is empty without detections, and the histogram without confidences', () => {
    expect(hasNoIntentDetections(intents)).toBe(false);
    expect(hasNoIntentDetections({ ...intents, intents: [] })).toBe(true);
    expect(hasNoConfidence(intents)).toBe(false);
    expect(hasNoConfidence({ ...intents, histogram: intents.histogram.map((bin) => ({ ...bin, detections: 0 })) })).toBe(true);
  });
});

describe('tools', () => {
  it('stacks succeeded, failed and unreported calls per tool', () => {
    const option = toolCallsOption(tools, en);
    expect(axisData(option.yAxis)).toEqual(['crm.lookup', 'orders.status', 'kb.search']);
    expect(seriesOf(option).map((series) => [series.name, values(series)])).toEqual([
      ['Succeeded', [480, 270, 0]],
      ['Failed', [15, 30, 0]],
      ['Not reported', [5, 0, 40]],
    ]);
  });

  it('draws latency percentiles only for the tools that reported one, in milliseconds', () => {
    const option = toolLatencyOption(tools, en);
    expect(axisData(option.yAxis)).toEqual(['crm.lookup', 'orders.status']);
    expect(values(seriesOf(option)[3])).toEqual([1250, 400]);
    const xAxis = option.xAxis as { axisLabel: { formatter: (value: number) => string } };
    expect(xAxis.axisLabel.formatter(400)).toBe('400 ms');
    expect(xAxis.axisLabel.formatter(1500)).toBe('1.5 sec');
  });

  it('is empty without calls, and the latency chart without latencies', () => {
    expect(hasNoToolCalls(tools)).toBe(false);
    expect(hasNoToolCalls({ ...tools, tools: [] })).toBe(true);
    expect(hasNoToolLatency({ ...tools, tools: tools.tools.slice(2) })).toBe(true);
  });
});

describe('drop-off', () => {
  it('names the conversations abandoned before any intent', () => {
    const option = dropOffOption(dropOff, es);
    expect(axisData(option.yAxis)).toEqual(['Consulta de facturación', 'Sin intención', 'Solicitud de reembolso']);
    expect(values(seriesOf(option)[0])).toEqual([20, 12, 10]);
    expect(hasNoDropOff({ ...dropOff, byLastIntent: [] })).toBe(true);
  });
});

describe('costs', () => {
  it("draws spend per model in the tenant's currency, fractions of a cent kept", () => {
    const option = modelSpendOption(costs, en);
    const [cost] = seriesOf(option);
    expect(axisData(option.yAxis)).toEqual(['gpt-4.1', 'gpt-4.1-mini', 'Unknown model']);
    expect(values(cost)).toEqual([38.4, 6.2, 0.004]);
    expect(cost?.label?.formatter?.({ value: 38.4, dataIndex: 0 })).toBe('€38.40');
    expect(cost?.label?.formatter?.({ value: 0.004, dataIndex: 2 })).toBe('€0.004');
    expect(option.xAxis).not.toHaveProperty('minInterval');
  });

  it('stacks agent time on the human resolution, each bar labelled with its total', () => {
    const option = resolutionCostOption(costs, en);
    const [model, agent] = seriesOf(option);
    expect(values(model)[0]).toBeCloseTo(0.04, 9);
    expect(values(model)[1]).toBeCloseTo(0.08, 9);
    expect(values(agent)).toEqual([null, 1182.5 / 230]);
    expect(shownLabels(model)).toEqual(['€0.04', null]);
    expect(shownLabels(agent)).toEqual([null, '€5.22']);
  });

  it('without the agent cost per hour, draws model spend only', () => {
    const option = resolutionCostOption(costsWithoutSettings, en);
    expect(seriesOf(option)).toHaveLength(1);
    expect(values(seriesOf(option)[0]).map((value) => Number(value).toFixed(6))).toEqual(['0.040000', '0.080000']);
    expect(shownLabels(seriesOf(option)[0])).toEqual(['$0.04', '$0.08']);
  });

  it('draws spend to date and the projection against the budget, the projection red when over it', () => {
    const option = budgetOption(costs, es);
    const bars = seriesOf(option)[0]?.data as { value: number; itemStyle: { color: string } }[];
    expect(axisData(option.yAxis)).toEqual(['Gasto hasta hoy', 'Previsión a fin de mes', 'Presupuesto mensual']);
    expect(bars.map((bar) => bar.value)).toEqual([40, 52.17, 50]);
    expect(bars[1]?.itemStyle.color).toBe(es.palette.negative);
  });

  it('without a budget, draws spend and projection only', () => {
    const option = budgetOption(costsWithoutSettings, en);
    expect(axisData(option.yAxis)).toEqual(['Spend to date', 'Projected month end']);
    expect((seriesOf(option)[0]?.data as { itemStyle: { color: string } }[])[1]?.itemStyle.color).not.toBe(en.palette.negative);
  });

  it('is empty per panel: no model spend, no resolution, no spend and no budget', () => {
    expect(hasNoModelSpend({ ...costs, models: [] })).toBe(true);
    expect(hasNoResolutionCost(costs)).toBe(false);
    expect(
      hasNoResolutionCost({
        ...costs,
        aiResolution: { resolutions: 0, cost: 0, costPerResolution: null },
        humanResolution: { ...costs.humanResolution, resolutions: 0 },
      }),
    ).toBe(true);
    expect(hasNoBudgetFigures(costs)).toBe(false);
    expect(hasNoBudgetFigures({ ...costsWithoutSettings, budget: { ...costsWithoutSettings.budget, spendToDate: 0 } })).toBe(true);
  });
});

describe('countDataPoints', () => {
  it('counts the values the series hold, not nulls or placeholders', () => {
    expect(countDataPoints({ series: [{ data: [1, null, '-', { value: 2 }, { value: null }] }, { data: [0] }] })).toBe(3);
    expect(countDataPoints({})).toBe(0);
  });
});
