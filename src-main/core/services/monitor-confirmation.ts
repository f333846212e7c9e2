import type { AlertRule, EvaluationValues } from '../../../shared/clinical/alert-rules';
import { violates } from '../../../shared/clinical/evaluate-thresholds';
import type { MonitorFeedConfig } from '../../../shared/clinical/monitor-feed-config';
import type { SessionReadingState } from './reading-state';

/**
 * Whether a violation carried by bedside-monitor values is confirmed: the unbroken run of
 * violating values (newest first) holds at least `confirmationReadings` values, or began at
 * least `confirmationSeconds` ago, whichever comes first. A run whose newest value a nurse
 * typed is hers to judge: confirmed. Comes on top of the rule's own confirmation.
 *
 * Walks the parameter's values in the incremental state newest first and stops as soon as
 * the answer is known: it reads the run, never the session.
 */
export function monitorRunConfirmedIn(
  rule: AlertRule,
  state: SessionReadingState,
  baseline: EvaluationValues,
  nowAt: number,
  confirmation: Pick<MonitorFeedConfig, 'confirmationReadings' | 'confirmationSeconds'>,
): boolean {
  const base = baseline[rule.parameter] ?? null;
  const newest = state.of(rule.parameter).last();
  if (!newest || !newest.fromMonitor) return true;
  let confirmed = false;
  let runLength = 0;
  state.of(rule.parameter).walkBack((entry) => {
    const value = entry.values[rule.parameter];
    if (value === undefined || !violates(rule.comparison, value, base)) return false;
    runLength += 1;
    confirmed = runLength >= confirmation.confirmationReadings || nowAt - entry.observedAt >= confirmation.confirmationSeconds * 1000;
    return !confirmed;
  });
  return confirmed;
}
