import type { ReadingValues } from '../domain/reading';
import { PRIORITY_RANK, type AlertRule, type Comparison } from './alert-rules';

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
export function violatedRules(rules: readonly AlertRule[], values: ReadingValues, baseline: ReadingValues | null): Violation[] {
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
  values: ReadingValues,
  baseline: ReadingValues | null,
): Violation[] {
  const worstByGroup = new Map<string, Violation>();
  for (const violation of violatedRules(rules, values, baseline)) {
    const current = worstByGroup.get(violation.rule.group);
    if (current && PRIORITY_RANK[current.rule.priority] >= PRIORITY_RANK[violation.rule.priority]) continue;
    worstByGroup.set(violation.rule.group, violation);
  }
  return [...worstByGroup.values()];
}
