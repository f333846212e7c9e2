import type { AlertRule, EvaluationValues } from '../../../shared/clinical/alert-rules';
import { violates } from '../../../shared/clinical/evaluate-thresholds';
import type { SessionReadingState } from './reading-state';

/**
 * Walks the rule's parameter newest first through the unbroken run of values that violate
 * it, and answers whether `enough(values in the run so far, the run's start)` holds at some
 * point; it stops as soon as it does, so it reads the run, never the session.
 */
export function violatingRunReaches(rule: AlertRule, state: SessionReadingState, baseline: EvaluationValues, enough: (runLength: number, runStartAt: number) => boolean): boolean {
  const base = baseline[rule.parameter] ?? null;
  let reached = false;
  let runLength = 0;
  state.of(rule.parameter).walkBack((entry) => {
    const value = entry.values[rule.parameter];
    if (value === undefined || !violates(rule.comparison, value, base)) return false;
    runLength += 1;
    reached = enough(runLength, entry.observedAt);
    return !reached;
  });
  return reached;
}
