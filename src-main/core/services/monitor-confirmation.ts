import type { AlertRule, EvaluationValues } from '../../../shared/clinical/alert-rules';
import type { MonitorFeedConfig } from '../../../shared/clinical/monitor-feed-config';
import { violatingRunReaches } from './violating-run';
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
  const newest = state.of(rule.parameter).last();
  if (!newest || !newest.fromMonitor) return true;
  return violatingRunReaches(
    rule,
    state,
    baseline,
    (runLength, runStartAt) => runLength >= confirmation.confirmationReadings || nowAt - runStartAt >= confirmation.confirmationSeconds * 1000,
  );
}
