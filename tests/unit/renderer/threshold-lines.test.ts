import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../../../shared/clinical/alert-rules';
import { thresholdLines } from '../../../src-renderer/components/threshold-lines';

describe("the trend's threshold lines", () => {
  it("draw each fixed limit of the session's rules on its parameter, with the rule's priority, and leave baseline rises and NEWS2 out", () => {
    const lines = thresholdLines(DEFAULT_ALERT_RULES, ['systolicMmHg', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore']);
    const of = (parameter: string) => lines.filter((line) => line.parameter === parameter).map(({ value, priority }) => `${priority} ${value}`).sort();
    expect(of('systolicMmHg')).toEqual(expect.arrayContaining(['high 180', 'high 90', 'medium 160']));
    expect(of('spo2Pct')).toEqual(['high 88', 'medium 92']);
    expect(of('respiratoryRatePerMin').length).toBeGreaterThanOrEqual(2);
    expect(lines.every((line) => ['systolicMmHg', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore'].includes(line.parameter))).toBe(true);
    const rises = new Set(DEFAULT_ALERT_RULES.filter((rule) => rule.comparison.kind === 'riseFromBaseline').map((rule) => rule.id));
    expect(rises.size).toBeGreaterThan(0);
    expect(lines.filter((line) => rises.has(line.ruleId))).toEqual([]);
  });

  it('gives both limits of an "outside" rule', () => {
    const rule = { id: 'hr-band', parameter: 'heartRateBpm' as const, comparison: { kind: 'outside' as const, low: 50, high: 120 }, priority: 'medium' as const, group: 'hr', confirmation: { kind: 'none' as const }, hysteresis: 2 };
    expect(thresholdLines([rule], ['heartRateBpm']).map((line) => line.value)).toEqual([50, 120]);
  });
});
