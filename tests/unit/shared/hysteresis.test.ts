import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRule, type Comparison } from '../../../shared/clinical/alert-rules';
import { clearsWithHysteresis, violates } from '../../../shared/clinical/evaluate-thresholds';

const rule = (comparison: Comparison, hysteresis: number): AlertRule => ({
  id: 'r',
  parameter: 'systolicMmHg',
  comparison,
  priority: 'medium',
  group: 'g',
  confirmation: { kind: 'none' },
  hysteresis,
});

describe('clearsWithHysteresis: a value must come back past the band before an alert clears', () => {
  it('"above 180" with 5 mmHg clears at 175, not at 176-180', () => {
    const r = rule({ kind: 'above', limit: 180 }, 5);
    expect(clearsWithHysteresis(r, 176, null)).toBe(false);
    expect(clearsWithHysteresis(r, 180, null)).toBe(false);
    expect(clearsWithHysteresis(r, 175, null)).toBe(true);
  });

  it('"below 90" with 5 clears at 95', () => {
    const r = rule({ kind: 'below', limit: 90 }, 5);
    expect(clearsWithHysteresis(r, 94, null)).toBe(false);
    expect(clearsWithHysteresis(r, 95, null)).toBe(true);
  });

  it('"at or above 4" and "at or below 2" with no band clear at the next step of the scale', () => {
    expect(clearsWithHysteresis(rule({ kind: 'atOrAbove', limit: 4 }, 0), 4, null)).toBe(false);
    expect(clearsWithHysteresis(rule({ kind: 'atOrAbove', limit: 4 }, 0), 3, null)).toBe(true);
    expect(clearsWithHysteresis(rule({ kind: 'atOrBelow', limit: 2 }, 0), 2, null)).toBe(false);
    expect(clearsWithHysteresis(rule({ kind: 'atOrBelow', limit: 2 }, 0), 3, null)).toBe(true);
  });

  it('"outside 36-38" with 0.2 clears only inside 36.2-37.8', () => {
    const r = rule({ kind: 'outside', low: 36, high: 38 }, 0.2);
    expect(clearsWithHysteresis(r, 36.1, null)).toBe(false);
    expect(clearsWithHysteresis(r, 36.2, null)).toBe(true);
    expect(clearsWithHysteresis(r, 37.9, null)).toBe(false);
  });

  it('a rise of 40 from baseline 120 with 5 clears below a rise of 35', () => {
    const r = rule({ kind: 'riseFromBaseline', delta: 40 }, 5);
    expect(clearsWithHysteresis(r, 155, 120)).toBe(false);
    expect(clearsWithHysteresis(r, 154, 120)).toBe(true);
    expect(clearsWithHysteresis(r, 200, null)).toBe(true);
  });

  it('for every default rule, a value that still violates never clears', () => {
    for (const r of DEFAULT_ALERT_RULES) {
      const c = r.comparison;
      const probe = c.kind === 'above' ? c.limit + 1 : c.kind === 'atOrAbove' ? c.limit : c.kind === 'below' ? c.limit - 1 : c.kind === 'atOrBelow' ? c.limit : c.kind === 'outside' ? c.high + 1 : 200;
      const baseline = c.kind === 'riseFromBaseline' ? probe - c.delta : null;
      expect(violates(c, probe, baseline), r.id).toBe(true);
      expect(clearsWithHysteresis(r, probe, baseline), r.id).toBe(false);
    }
  });
});
