import { describe, expect, it } from 'vitest';
import { AlertRuleSchema, DEFAULT_ALERT_RULES, PRIORITY_RANK } from '../../../shared/clinical/alert-rules';

describe('DEFAULT_ALERT_RULES (clinic defaults as data)', () => {
  it('are valid rules with unique ids', () => {
    for (const rule of DEFAULT_ALERT_RULES) expect(AlertRuleSchema.parse(rule)).toEqual(rule);
    const ids = DEFAULT_ALERT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('group rules that watch one parameter in one direction', () => {
    const groups = new Map<string, Set<string>>();
    for (const rule of DEFAULT_ALERT_RULES) {
      const direction = rule.comparison.kind === 'above' || rule.comparison.kind === 'atOrAbove' ? 'up' : rule.comparison.kind === 'riseFromBaseline' ? 'rise' : 'down';
      const set = groups.get(rule.group) ?? new Set<string>();
      set.add(`${rule.parameter}/${direction}`);
      groups.set(rule.group, set);
    }
    for (const [group, kinds] of groups) expect({ group, kinds: [...kinds] }).toEqual({ group, kinds: [expect.any(String)] });
  });

  it('never put two rules of the same priority in one group (one would shadow the other)', () => {
    const seen = new Set<string>();
    for (const rule of DEFAULT_ALERT_RULES) {
      const key = `${rule.group}/${rule.priority}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('rank high above medium above low', () => {
    expect(PRIORITY_RANK.high).toBeGreaterThan(PRIORITY_RANK.medium);
    expect(PRIORITY_RANK.medium).toBeGreaterThan(PRIORITY_RANK.low);
  });
});
