import type { AlertRule } from '../../../shared/clinical/alert-rules';
import type { RuleSetView, SessionRuleOverride } from '../../../shared/domain/alert-rules-view';
import { ruleDiffers } from './rule-diff';

export type SessionRuleState = 'asSet' | 'changed' | 'off';

export interface SessionRuleRow {
  id: string;
  /** The set's rule; null for a rule only an override brought in. */
  base: AlertRule | null;
  /** What the engine applies to this session; null when switched off here. */
  effective: AlertRule | null;
  /** The latest override of this rule for the session (the one in force). */
  override: SessionRuleOverride | null;
  state: SessionRuleState;
}

/** The session's rules as main applies them, each with how it differs from the set (main's rule: the latest override per rule wins). */
export function sessionRuleRows(view: RuleSetView): SessionRuleRow[] {
  const latest = new Map<string, SessionRuleOverride>();
  for (const override of view.overrides) latest.set(override.ruleId, override);
  const effective = new Map(view.effectiveRules.map((rule) => [rule.id, rule]));
  const row = (id: string, base: AlertRule | null): SessionRuleRow => {
    const applied = effective.get(id) ?? null;
    const latestOverride = latest.get(id) ?? null;
    // A withdrawn override ('inherit') leaves the set's rule in force.
    const override = latestOverride?.rule === 'inherit' ? null : latestOverride;
    const state: SessionRuleState = applied === null ? 'off' : base === null || ruleDiffers(base, applied) ? 'changed' : 'asSet';
    return { id, base, effective: applied, override, state };
  };
  const rows = view.baseRules.map((base) => row(base.id, base));
  for (const rule of view.effectiveRules) if (!view.baseRules.some((base) => base.id === rule.id)) rows.push(row(rule.id, null));
  return rows;
}

/** Overrides that are no longer the one in force for their rule (a later one replaced them). */
export function replacedOverrideIds(overrides: readonly SessionRuleOverride[]): Set<number> {
  const latest = new Map<string, number>();
  for (const override of overrides) latest.set(override.ruleId, override.id);
  return new Set(overrides.filter((override) => latest.get(override.ruleId) !== override.id).map((override) => override.id));
}
