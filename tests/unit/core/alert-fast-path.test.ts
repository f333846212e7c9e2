import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRule, type Comparison, type EvaluationValues } from '../../../shared/clinical/alert-rules';
import { violatedRules } from '../../../shared/clinical/evaluate-thresholds';
import { anyRuleViolatedIn } from '../../../src-main/core/services/alert-engine';
import { ALERT_PARAMETERS, SessionReadingState, type StateEntry } from '../../../src-main/core/services/reading-state';

/**
 * The engine skips its full pass when nothing is active and `anyRuleViolatedIn` says no rule
 * is violated. That answer must be the full pass's own: some rule violated by the newest
 * values and the baseline the pass builds. Held here over random readings (in any order,
 * some taken away again), rules of every comparison (baseline ones on NEWS2 figures too)
 * and infusion starts.
 */

const valuesArb: fc.Arbitrary<EvaluationValues> = fc
  .record(Object.fromEntries(ALERT_PARAMETERS.map((p) => [p, fc.integer({ min: 0, max: 200 })])) as Record<(typeof ALERT_PARAMETERS)[number], fc.Arbitrary<number>>, {
    requiredKeys: [],
  })
  .filter((v) => Object.keys(v).length > 0);

const entriesArb = fc.array(fc.record({ observedAt: fc.integer({ min: 0, max: 50 }), values: valuesArb, gone: fc.boolean() }), { maxLength: 12 });

const comparisonArb: fc.Arbitrary<Comparison> = fc.oneof(
  fc.record({ kind: fc.constantFrom('above' as const, 'atOrAbove' as const, 'below' as const, 'atOrBelow' as const), limit: fc.integer({ min: 0, max: 200 }) }),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([low, span]): Comparison => ({ kind: 'outside', low, high: low + span })),
  fc.integer({ min: 1, max: 60 }).map((delta): Comparison => ({ kind: 'riseFromBaseline', delta })),
);

const ruleArb: fc.Arbitrary<AlertRule> = fc.record({
  id: fc.constantFrom('r-a', 'r-b', 'r-c'),
  parameter: fc.constantFrom(...ALERT_PARAMETERS),
  comparison: comparisonArb,
  priority: fc.constantFrom('high' as const, 'medium' as const, 'low' as const),
  group: fc.constantFrom('g-a', 'g-b'),
  confirmation: fc.constant({ kind: 'none' as const }),
  hysteresis: fc.integer({ min: 0, max: 10 }),
});

const rulesArb = fc.oneof(fc.shuffledSubarray([...DEFAULT_ALERT_RULES]), fc.array(ruleArb, { maxLength: 8 }));

function stateOf(entries: { observedAt: number; values: EvaluationValues; gone: boolean }[]): SessionReadingState {
  const state = new SessionReadingState();
  entries.forEach((e, index) => {
    const entry: StateEntry = { id: index + 1, observedAt: e.observedAt, recordedAt: e.observedAt, values: e.values, hasVitals: false, hasBloodPressure: false, fromMonitor: false };
    state.add(entry);
  });
  entries.forEach((e, index) => e.gone && state.remove(index + 1));
  return state;
}

describe('anyRuleViolatedIn (the engine skips its full pass on it)', () => {
  it('answers exactly whether the full pass finds a violated rule', () => {
    fc.assert(
      fc.property(entriesArb, rulesArb, fc.option(fc.integer({ min: 0, max: 50 })), (entries, rules, infusionStartedAt) => {
        const state = stateOf(entries);
        const full = violatedRules(rules, state.latest().values, state.baseline(infusionStartedAt)).length > 0;
        expect(anyRuleViolatedIn(rules, state, infusionStartedAt)).toBe(full);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a baseline rule against the baseline, not against nothing', () => {
    const rise: AlertRule = { ...ruleWith('systolicMmHg'), comparison: { kind: 'riseFromBaseline', delta: 40 } };
    const state = stateOf([
      { observedAt: 0, values: { systolicMmHg: 120 }, gone: false },
      { observedAt: 20, values: { systolicMmHg: 165 }, gone: false },
    ]);
    expect(anyRuleViolatedIn([rise], state, 10)).toBe(true);
    expect(anyRuleViolatedIn([rise], state, 30)).toBe(false);
  });
});

function ruleWith(parameter: AlertRule['parameter']): AlertRule {
  return { id: 'r-x', parameter, comparison: { kind: 'above', limit: 0 }, priority: 'high', group: 'g-x', confirmation: { kind: 'none' }, hysteresis: 0 };
}
