import { PRIORITY_RANK, type AlertRule, type Comparison, type EvaluationValues } from './alert-rules';

export interface Violation {
  rule: AlertRule;
  value: number;
  /** The limit the value crossed (for baseline rules: baseline + delta). */
  threshold: number;
  baseline: number | null;
}

/** The limit a comparison represents for display and storage. */
function thresholdOf(comparison: Comparison, value: number, baseline: number | null): number {
  switch (comparison.kind) {
    case 'above':
    case 'atOrAbove':
    case 'below':
    case 'atOrBelow':
      return comparison.limit;
    case 'outside':
      return value < comparison.low ? comparison.low : comparison.high;
    case 'riseFromBaseline':
      return (baseline ?? 0) + comparison.delta;
  }
}

export function violates(comparison: Comparison, value: number, baseline: number | null): boolean {
  switch (comparison.kind) {
    case 'above':
      return value > comparison.limit;
    case 'atOrAbove':
      return value >= comparison.limit;
    case 'below':
      return value < comparison.limit;
    case 'atOrBelow':
      return value <= comparison.limit;
    case 'outside':
      return value < comparison.low || value > comparison.high;
    case 'riseFromBaseline':
      return baseline !== null && value - baseline >= comparison.delta;
  }
}

/** Every rule a reading violates, group or not. */
export function violatedRules(rules: readonly AlertRule[], values: EvaluationValues, baseline: EvaluationValues | null): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    const value = values[rule.parameter];
    if (value === undefined) continue;
    const base = baseline?.[rule.parameter] ?? null;
    if (violates(rule.comparison, value, base)) {
      violations.push({ rule, value, threshold: thresholdOf(rule.comparison, value, base), baseline: base });
    }
  }
  return violations;
}

/**
 * Which rules a reading violates: at most one per rule group, the most urgent (the first
 * listed among equals).
 * `baseline` holds the session's baseline values for baseline-relative rules; a rule
 * whose parameter is absent from the reading (or baseline) is not evaluated.
 */
export function evaluateThresholds(
  rules: readonly AlertRule[],
  values: EvaluationValues,
  baseline: EvaluationValues | null,
): Violation[] {
  return worstPerGroup(violatedRules(rules, values, baseline));
}

/** Of violations (as `violatedRules` lists them), the most urgent of each rule group (the first listed among equals). */
export function worstPerGroup(violations: readonly Violation[]): Violation[] {
  const worstByGroup = new Map<string, Violation>();
  for (const violation of violations) {
    const current = worstByGroup.get(violation.rule.group);
    if (current && PRIORITY_RANK[current.rule.priority] >= PRIORITY_RANK[violation.rule.priority]) continue;
    worstByGroup.set(violation.rule.group, violation);
  }
  return [...worstByGroup.values()];
}

/**
 * Whether a value has come back far enough inside a rule's limit for its alert to clear:
 * by the rule's hysteresis, in the parameter's unit. A missing baseline counts as cleared
 * for a baseline rule (nothing left to compare with).
 */
export function clearsWithHysteresis(rule: AlertRule, value: number, baseline: number | null): boolean {
  const h = rule.hysteresis;
  const c = rule.comparison;
  switch (c.kind) {
    case 'above':
      return value <= c.limit - h;
    case 'atOrAbove':
      return value < c.limit - h;
    case 'below':
      return value >= c.limit + h;
    case 'atOrBelow':
      return value > c.limit + h;
    case 'outside':
      return value >= c.low + h && value <= c.high - h;
    case 'riseFromBaseline':
      return baseline === null || value - baseline < c.delta - h;
  }
}
