import { describe, expect, it } from 'vitest';
import { AlertRuleSchema, DEFAULT_ALERT_RULES, PRIORITY_RANK } from '../../../shared/clinical/alert-rules';

describe('DEFAULT_ALERT_RULES (clinic defaults as data)', () => {
  it('are valid rules with unique ids', () => {
    for (const rule of DEFAULT_ALERT_RULES) expect(AlertRuleSchema.parse(rule)).toEqual(rule);
    const ids = DEFAULT_ALERT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('group only rules that watch the same parameter (the NEWS2 figures count as one)', () => {
    const parameterOfGroup = new Map<string, string>();
    const family = (parameter: string) => (parameter.startsWith('news2') ? 'news2' : parameter);
    for (const rule of DEFAULT_ALERT_RULES) {
      const seen = parameterOfGroup.get(rule.group) ?? family(rule.parameter);
      expect(family(rule.parameter), rule.id).toBe(seen);
      parameterOfGroup.set(rule.group, seen);
    }
  });

  it('treat high and low readings of a parameter as different conditions', () => {
    const direction = (kind: string) => (kind === 'below' || kind === 'atOrBelow' ? 'down' : 'up');
    const directionsOfGroup = new Map<string, Set<string>>();
    for (const rule of DEFAULT_ALERT_RULES) {
      const set = directionsOfGroup.get(rule.group) ?? new Set<string>();
      set.add(direction(rule.comparison.kind));
      directionsOfGroup.set(rule.group, set);
    }
    for (const [group, directions] of directionsOfGroup) expect([...directions], group).toHaveLength(1);
  });

  it('rank high above medium above low', () => {
    expect(PRIORITY_RANK.high).toBeGreaterThan(PRIORITY_RANK.medium);
    expect(PRIORITY_RANK.medium).toBeGreaterThan(PRIORITY_RANK.low);
  });
});
