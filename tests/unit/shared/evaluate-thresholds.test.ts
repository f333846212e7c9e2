import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, PRIORITY_RANK, type AlertPriority, type AlertRule, type EvaluationValues } from '../../../shared/clinical/alert-rules';
import { evaluateThresholds, violatedRules, violates } from '../../../shared/clinical/evaluate-thresholds';
import { VITAL_PARAMETER_KEYS, VITAL_PARAMETERS } from '../../../shared/clinical/parameters';

interface BoundaryCase {
  label: string;
  values: EvaluationValues;
  baseline?: EvaluationValues;
  /** Every violation expected, as rule id -> priority (CLINICAL.md section 4). Empty: no alert. */
  expected: Record<string, AlertPriority>;
}

const at = (label: string, values: EvaluationValues, expected: Record<string, AlertPriority>, baseline?: EvaluationValues): BoundaryCase => ({
  label,
  values,
  expected,
  ...(baseline ? { baseline } : {}),
});

/** Each default threshold on both sides of its boundary, and the step from medium to high. */
const CASES: BoundaryCase[] = [
  at('HR 120 (limit "above 120")', { heartRateBpm: 120 }, {}),
  at('HR 121', { heartRateBpm: 121 }, { 'hr-above-120': 'medium' }),
  at('HR 150 (limit "above 150")', { heartRateBpm: 150 }, { 'hr-above-120': 'medium' }),
  at('HR 151', { heartRateBpm: 151 }, { 'hr-above-150': 'high' }),
  at('HR 50 (limit "below 50")', { heartRateBpm: 50 }, {}),
  at('HR 49', { heartRateBpm: 49 }, { 'hr-below-50': 'medium' }),
  at('HR 40 (limit "below 40")', { heartRateBpm: 40 }, { 'hr-below-50': 'medium' }),
  at('HR 39', { heartRateBpm: 39 }, { 'hr-below-40': 'high' }),

  at('SBP 160', { systolicMmHg: 160 }, {}),
  at('SBP 161', { systolicMmHg: 161 }, { 'sbp-above-160': 'medium' }),
  at('SBP 180', { systolicMmHg: 180 }, { 'sbp-above-160': 'medium' }),
  at('SBP 181', { systolicMmHg: 181 }, { 'sbp-above-180': 'high' }),
  at('SBP 90', { systolicMmHg: 90 }, {}),
  at('SBP 89', { systolicMmHg: 89 }, { 'sbp-below-90': 'high' }),
  at('SBP +39 from baseline 120', { systolicMmHg: 159 }, {}, { systolicMmHg: 120 }),
  at('SBP +40 from baseline 120', { systolicMmHg: 160 }, { 'sbp-rise-40': 'medium' }, { systolicMmHg: 120 }),
  // "SBP > 160, or a rise of 40" is one condition (one cell of CLINICAL.md section 4): one alert for it.
  at('SBP 161, +61 from baseline 100', { systolicMmHg: 161 }, { 'sbp-above-160': 'medium' }, { systolicMmHg: 100 }),
  at('SBP 181, +81 from baseline 100', { systolicMmHg: 181 }, { 'sbp-above-180': 'high' }, { systolicMmHg: 100 }),

  at('DBP 100', { diastolicMmHg: 100 }, {}),
  at('DBP 101', { diastolicMmHg: 101 }, { 'dbp-above-100': 'medium' }),
  at('DBP 110', { diastolicMmHg: 110 }, { 'dbp-above-100': 'medium' }),
  at('DBP 111', { diastolicMmHg: 111 }, { 'dbp-above-110': 'high' }),
  at('DBP +24 from baseline 70', { diastolicMmHg: 94 }, {}, { diastolicMmHg: 70 }),
  at('DBP +25 from baseline 70', { diastolicMmHg: 95 }, { 'dbp-rise-25': 'medium' }, { diastolicMmHg: 70 }),
  at('DBP 111, +41 from baseline 70', { diastolicMmHg: 111 }, { 'dbp-above-110': 'high' }, { diastolicMmHg: 70 }),

  at('SpO2 92', { spo2Pct: 92 }, {}),
  at('SpO2 91', { spo2Pct: 91 }, { 'spo2-below-92': 'medium' }),
  at('SpO2 88', { spo2Pct: 88 }, { 'spo2-below-92': 'medium' }),
  at('SpO2 87', { spo2Pct: 87 }, { 'spo2-below-88': 'high' }),

  at('RR 10', { respiratoryRatePerMin: 10 }, {}),
  at('RR 9', { respiratoryRatePerMin: 9 }, { 'rr-below-10': 'medium' }),
  at('RR 8', { respiratoryRatePerMin: 8 }, { 'rr-below-10': 'medium' }),
  at('RR 7', { respiratoryRatePerMin: 7 }, { 'rr-below-8': 'high' }),
  at('RR 24', { respiratoryRatePerMin: 24 }, {}),
  at('RR 25', { respiratoryRatePerMin: 25 }, { 'rr-above-24': 'medium' }),
  at('RR 30', { respiratoryRatePerMin: 30 }, { 'rr-above-24': 'medium' }),
  at('RR 31', { respiratoryRatePerMin: 31 }, { 'rr-above-30': 'high' }),

  at('MOAA/S 3', { moaasScore: 3 }, {}),
  at('MOAA/S 2', { moaasScore: 2 }, { 'moaas-at-or-below-2': 'medium' }),
  at('MOAA/S 1', { moaasScore: 1 }, { 'moaas-at-or-below-1': 'high' }),
  at('MOAA/S 0', { moaasScore: 0 }, { 'moaas-at-or-below-1': 'high' }),

  at('dissociation 3', { dissociationLevel: 3 }, {}),
  at('dissociation 4', { dissociationLevel: 4 }, { 'dissociation-at-or-above-4': 'medium' }),
  // NEWS2 (CLINICAL.md section 6): one condition, the most urgent of its three rules.
  at('NEWS2 4', { news2Total: 4, news2HighestSingleExceptConsciousness: 2 }, {}),
  at('NEWS2 5', { news2Total: 5, news2HighestSingleExceptConsciousness: 2 }, { 'news2-total-5': 'medium' }),
  at('NEWS2 6', { news2Total: 6 }, { 'news2-total-5': 'medium' }),
  at('NEWS2 7', { news2Total: 7 }, { 'news2-total-7': 'high' }),
  at('NEWS2 3 in one parameter', { news2Total: 3, news2HighestSingleExceptConsciousness: 3 }, { 'news2-single-3': 'medium' }),
  at('NEWS2 7 with a single 3', { news2Total: 7, news2HighestSingleExceptConsciousness: 3 }, { 'news2-total-7': 'high' }),
  at('NEWS2 consciousness 3 alone (left to the MOAA/S rules)', { news2Total: 3, news2HighestSingle: 3, news2HighestSingleExceptConsciousness: 0 }, {}),
];

const byId = (violations: ReturnType<typeof evaluateThresholds>) =>
  Object.fromEntries(violations.map((v) => [v.rule.id, v.rule.priority] as const));

describe('evaluateThresholds with the default rules, at every boundary', () => {
  it.each(CASES)('$label', ({ values, baseline, expected }) => {
    expect(byId(evaluateThresholds(DEFAULT_ALERT_RULES, values, baseline ?? null))).toEqual(expected);
  });

  it('exercises every default rule at least once', () => {
    const covered = new Set(CASES.flatMap((c) => Object.keys(c.expected)));
    expect([...covered].sort()).toEqual(DEFAULT_ALERT_RULES.map((rule) => rule.id).sort());
  });

  it('records the value, the limit crossed and no baseline for a plain limit', () => {
    const [violation, ...rest] = evaluateThresholds(DEFAULT_ALERT_RULES, { systolicMmHg: 181 }, null);
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ value: 181, threshold: 180, baseline: null });
    expect(violation?.rule).toMatchObject({ id: 'sbp-above-180', parameter: 'systolicMmHg', group: 'sbp-high', comparison: { kind: 'above', limit: 180 } });
  });

  it('records baseline + delta as the threshold of a rise-from-baseline rule', () => {
    const violations = evaluateThresholds(DEFAULT_ALERT_RULES, { diastolicMmHg: 98 }, { diastolicMmHg: 72 });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ value: 98, threshold: 97, baseline: 72, rule: { id: 'dbp-rise-25' } });
  });

  it('raises only the most urgent rule of a group, whatever order the rules are in', () => {
    const reversed = [...DEFAULT_ALERT_RULES].reverse();
    expect(byId(evaluateThresholds(reversed, { heartRateBpm: 151 }, null))).toEqual({ 'hr-above-150': 'high' });
    expect(byId(evaluateThresholds(reversed, { spo2Pct: 80 }, null))).toEqual({ 'spo2-below-88': 'high' });
  });
});

describe('violatedRules (every violated rule, before grouping)', () => {
  it('lists every rule a value breaks, group or not, with each one\'s threshold', () => {
    const all = violatedRules(DEFAULT_ALERT_RULES, { systolicMmHg: 185 }, { systolicMmHg: 120 });
    expect(all.map((v) => [v.rule.id, v.threshold])).toEqual([
      ['sbp-above-160', 160],
      ['sbp-above-180', 180],
      ['sbp-rise-40', 160],
    ]);
    expect(evaluateThresholds(DEFAULT_ALERT_RULES, { systolicMmHg: 185 }, { systolicMmHg: 120 }).map((v) => v.rule.id)).toEqual(['sbp-above-180']);
  });

  it('picks the first listed rule among equally urgent ones of a group', () => {
    // SBP 165 from 120 breaks "above 160" and "rise of 40", both medium, in one group.
    expect(evaluateThresholds(DEFAULT_ALERT_RULES, { systolicMmHg: 165 }, { systolicMmHg: 120 }).map((v) => v.rule.id)).toEqual(['sbp-above-160']);
  });
});

describe('rules whose parameter is missing are not evaluated', () => {
  it('an empty reading raises nothing', () => {
    expect(evaluateThresholds(DEFAULT_ALERT_RULES, {}, { systolicMmHg: 120 })).toEqual([]);
  });

  it('only the rules of the parameters present are evaluated', () => {
    expect(byId(evaluateThresholds(DEFAULT_ALERT_RULES, { heartRateBpm: 30 }, null))).toEqual({ 'hr-below-40': 'high' });
  });

  it('a rise-from-baseline rule needs a baseline for its own parameter', () => {
    expect(evaluateThresholds(DEFAULT_ALERT_RULES, { systolicMmHg: 150 }, null)).toEqual([]);
    expect(evaluateThresholds(DEFAULT_ALERT_RULES, { systolicMmHg: 150 }, { diastolicMmHg: 60 })).toEqual([]);
    expect(evaluateThresholds(DEFAULT_ALERT_RULES, { systolicMmHg: 150 }, {})).toEqual([]);
  });
});

describe('violates and custom comparisons', () => {
  it.each([
    [{ kind: 'above', limit: 10 } as const, 10, false],
    [{ kind: 'above', limit: 10 } as const, 11, true],
    [{ kind: 'atOrAbove', limit: 10 } as const, 10, true],
    [{ kind: 'atOrAbove', limit: 10 } as const, 9, false],
    [{ kind: 'below', limit: 10 } as const, 10, false],
    [{ kind: 'below', limit: 10 } as const, 9, true],
    [{ kind: 'atOrBelow', limit: 10 } as const, 10, true],
    [{ kind: 'atOrBelow', limit: 10 } as const, 11, false],
    [{ kind: 'outside', low: 36, high: 38 } as const, 36, false],
    [{ kind: 'outside', low: 36, high: 38 } as const, 38, false],
    [{ kind: 'outside', low: 36, high: 38 } as const, 35.9, true],
    [{ kind: 'outside', low: 36, high: 38 } as const, 38.1, true],
  ])('%o with %d -> %s', (comparison, value, expected) => {
    expect(violates(comparison, value, null)).toBe(expected);
  });

  it('a rise from baseline is never violated without a baseline', () => {
    expect(violates({ kind: 'riseFromBaseline', delta: 1 }, 1000, null)).toBe(false);
    expect(violates({ kind: 'riseFromBaseline', delta: 10 }, 110, 100)).toBe(true);
    expect(violates({ kind: 'riseFromBaseline', delta: 10 }, 109, 100)).toBe(false);
  });

  it('an "outside" rule reports the side that was crossed as its threshold', () => {
    const rule: AlertRule = { id: 'temp-outside', parameter: 'temperatureC', comparison: { kind: 'outside', low: 36, high: 38 }, priority: 'low', group: 'temp', confirmation: { kind: 'none' }, hysteresis: 0 };
    expect(evaluateThresholds([rule], { temperatureC: 35.2 }, null)[0]?.threshold).toBe(36);
    expect(evaluateThresholds([rule], { temperatureC: 38.6 }, null)[0]?.threshold).toBe(38);
  });
});

describe('evaluateThresholds properties', () => {
  const valueOf = (key: (typeof VITAL_PARAMETER_KEYS)[number]) =>
    fc.integer({ min: VITAL_PARAMETERS[key].hardMin, max: VITAL_PARAMETERS[key].hardMax });
  const readingValues: fc.Arbitrary<EvaluationValues> = fc.record(
    Object.fromEntries(VITAL_PARAMETER_KEYS.map((key) => [key, valueOf(key)])) as Record<(typeof VITAL_PARAMETER_KEYS)[number], fc.Arbitrary<number>>,
    { requiredKeys: [] },
  );
  const ruleOrder = fc.shuffledSubarray([...DEFAULT_ALERT_RULES], { minLength: DEFAULT_ALERT_RULES.length });

  it('raises exactly the most urgent violated rule of each group, in any rule order', () => {
    fc.assert(
      fc.property(readingValues, readingValues, ruleOrder, (values, baseline, rules) => {
        const violations = evaluateThresholds(rules, values, baseline);
        const groups = violations.map((v) => v.rule.group);
        expect(new Set(groups).size).toBe(groups.length);
        for (const group of new Set(DEFAULT_ALERT_RULES.map((r) => r.group))) {
          const violated = DEFAULT_ALERT_RULES.filter((r) => {
            const value = values[r.parameter];
            return r.group === group && value !== undefined && violates(r.comparison, value, baseline[r.parameter] ?? null);
          });
          const raised = violations.find((v) => v.rule.group === group);
          if (violated.length === 0) {
            expect(raised).toBeUndefined();
          } else {
            const worst = Math.max(...violated.map((r) => PRIORITY_RANK[r.priority]));
            expect(raised && PRIORITY_RANK[raised.rule.priority]).toBe(worst);
            expect(raised?.value).toBe(values[raised?.rule.parameter ?? 'heartRateBpm']);
          }
        }
      }),
    );
  });
});
