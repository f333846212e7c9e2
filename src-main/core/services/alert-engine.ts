import type { AlarmSettings } from '../../../shared/clinical/alarm-settings';
import { PRIORITY_RANK, type AlertParameter, type AlertRule, type EvaluationValues } from '../../../shared/clinical/alert-rules';
import { clearsWithHysteresis, violatedRules, violates, worstPerGroup, type Violation } from '../../../shared/clinical/evaluate-thresholds';
import { news2AlertValues } from '../../../shared/clinical/news2-reading';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../../../shared/clinical/parameters';
import type { MonitorFeedConfig } from '../../../shared/clinical/monitor-feed-config';
import type { Reading } from '../../../shared/domain/reading';
import type { AlertRow, AlertStore } from './alert-store';
import { monitorRunConfirmedIn } from './monitor-confirmation';
import { violatingRunReaches } from './violating-run';
import { ALERT_PARAMETERS, type SessionReadingState } from './reading-state';

/** Why an alert ended when no person resolved it by hand. */
export const AUTO_RESOLVE_REASONS = {
  cleared: 'cleared',
  superseded: 'superseded',
  corrected: 'corrected',
  artifact: 'artifact',
  sessionEnded: 'sessionEnded',
  ruleChanged: 'ruleChanged',
  acknowledgedAfterClearing: 'acknowledgedAfterClearing',
  /** A scheduled check stops applying when the infusion and recovery are over. */
  phaseEnded: 'phaseEnded',
} as const;

export type ClearReason = 'cleared' | 'corrected' | 'artifact' | 'ruleChanged';

// baselineOf, latestValues and isConfirmed below are the plain definitions over a list of
// readings: the engine uses the indexed SessionReadingState, and the property tests hold it
// to these.

/** One parameter's value as the engine sees it, at each current reading that has one. */
export function valueIn(reading: Reading, parameter: AlertParameter): number | undefined {
  if (parameter === 'news2Total' || parameter === 'news2HighestSingle' || parameter === 'news2HighestSingleExceptConsciousness') {
    return reading.news2 ? news2AlertValues(reading.news2)[parameter] : undefined;
  }
  return reading.values[parameter];
}


export const newestFirst = (readings: readonly Reading[]) => [...readings].sort((a, b) => b.observedAt - a.observedAt || b.id - a.id);

/**
 * The session's baseline for each parameter: the last value observed before the infusion
 * started, or (before any such value) the first value charted. Only current readings count.
 */
export function baselineOf(readings: readonly Reading[], infusionStartedAt: number | null): EvaluationValues {
  const baseline: EvaluationValues = {};
  const oldestFirst = [...readings].sort((a, b) => a.observedAt - b.observedAt || a.id - b.id);
  for (const key of VITAL_PARAMETER_KEYS) {
    const withValue = oldestFirst.filter((r) => r.values[key] !== undefined);
    const beforeStart = infusionStartedAt === null ? [] : withValue.filter((r) => r.observedAt <= infusionStartedAt);
    const chosen = beforeStart.at(-1) ?? withValue[0];
    if (chosen) baseline[key] = chosen.values[key];
  }
  return baseline;
}

/** Each parameter's newest observed value among current readings, and the reading it came from. */
export function latestValues(readings: readonly Reading[]): { values: EvaluationValues; sources: Partial<Record<AlertParameter, Reading>> } {
  const values: EvaluationValues = {};
  const sources: Partial<Record<AlertParameter, Reading>> = {};
  const ordered = newestFirst(readings);
  for (const parameter of ALERT_PARAMETERS) {
    for (const reading of ordered) {
      const value = valueIn(reading, parameter);
      if (value === undefined) continue;
      values[parameter] = value;
      sources[parameter] = reading;
      break;
    }
  }
  return { values, sources };
}

/**
 * Whether a violated rule's confirmation is met: for N consecutive readings, the newest N
 * readings with the parameter all violate; for a delay, the unbroken run of violating
 * readings began at least that long ago.
 */
export function isConfirmed(rule: AlertRule, readings: readonly Reading[], baseline: EvaluationValues, nowAt: number): boolean {
  const confirmation = rule.confirmation;
  if (confirmation.kind === 'none') return true;
  const base = baseline[rule.parameter] ?? null;
  const run: Reading[] = [];
  for (const reading of newestFirst(readings)) {
    const value = valueIn(reading, rule.parameter);
    if (value === undefined) continue;
    if (!violates(rule.comparison, value, base)) break;
    run.push(reading);
  }
  if (confirmation.kind === 'consecutiveReadings') return run.length >= confirmation.count;
  const runStart = run.at(-1);
  return runStart !== undefined && nowAt - runStart.observedAt >= confirmation.seconds * 1000;
}

/**
 * `isConfirmed` on the incremental state: walks the parameter's values newest first and stops
 * as soon as the answer is known, so it reads the confirmation window, not the session.
 */
export function isConfirmedIn(rule: AlertRule, state: SessionReadingState, baseline: EvaluationValues, nowAt: number): boolean {
  const confirmation = rule.confirmation;
  if (confirmation.kind === 'none') return true;
  return violatingRunReaches(rule, state, baseline, (runLength, runStartAt) =>
    confirmation.kind === 'consecutiveReadings' ? runLength >= confirmation.count : nowAt - runStartAt >= confirmation.seconds * 1000,
  );
}

const VITAL_KEYS: ReadonlySet<string> = new Set(VITAL_PARAMETER_KEYS);
/** Baselines are kept for the vital parameters only (not for the NEWS2 figures). */
const isVitalParameter = (parameter: AlertParameter): parameter is VitalParameter => VITAL_KEYS.has(parameter);

/**
 * Whether any rule is violated by its parameter's newest current value: the same answer as
 * `violatedRules(rules, state.latest().values, state.baseline(...)).length > 0` (a property
 * test holds it to that), without building either, and a baseline only for a rule that reads one.
 */
export function anyRuleViolatedIn(rules: readonly AlertRule[], state: SessionReadingState, infusionStartedAt: number | null): boolean {
  for (const rule of rules) {
    const newest = state.of(rule.parameter).last();
    const value = newest?.values[rule.parameter];
    if (value === undefined) continue;
    const base = rule.comparison.kind === 'riseFromBaseline' && isVitalParameter(rule.parameter) ? (state.baselineOf(rule.parameter, infusionStartedAt) ?? null) : null;
    if (violates(rule.comparison, value, base)) return true;
  }
  return false;
}

/** Whether the group's latest alert was resolved by a person after `readingRecordedAt`. */
function resolvedByHandSince(store: AlertStore, sessionId: number, group: string, readingRecordedAt: number): boolean {
  const latest = store.latestOfGroup(sessionId, group);
  return (
    latest !== undefined &&
    latest.resolved_at !== null &&
    latest.resolved_by_name !== null &&
    latest.resolved_reason !== AUTO_RESOLVE_REASONS.acknowledgedAfterClearing &&
    latest.resolved_at >= readingRecordedAt
  );
}

export interface ReconcileInput {
  sessionId: number;
  rules: readonly AlertRule[];
  /** The session's current readings (no history, no artifacts), indexed. */
  state: SessionReadingState;
  infusionStartedAt: number | null;
  /** The reading just committed, if that is what changed; a repeat counts only for it. */
  trigger: Reading | null;
  /** Why an alert whose condition no longer holds is ending. */
  clearReason: ClearReason;
  nowAt: number;
  settings: AlarmSettings;
  /** The clinic's confirmation for values from a bedside monitor (readings or seconds, whichever first). */
  monitorConfirmation: Pick<MonitorFeedConfig, 'confirmationReadings' | 'confirmationSeconds'>;
}

/**
 * Brings a session's physiological alerts in line with its current readings and rules:
 * one active alert per condition group (the most urgent violated rule), raised once its
 * confirmation is met, counted on repeats, cleared only past its hysteresis, and kept
 * (latched) until acknowledged when the clinic latches. Returns the ids of changed alerts.
 */
export function reconcilePhysiological(store: AlertStore, input: ReconcileInput): number[] {
  const { sessionId, rules, state, trigger, nowAt, settings } = input;
  const active = store.activeOfSession(sessionId).filter((row) => row.kind === 'physiological');
  // Most readings: nothing active and no rule violated. The pass below would then find no
  // winner and nothing to clear, so it would change nothing; this answers that without it.
  if (active.length === 0 && !anyRuleViolatedIn(rules, state, input.infusionStartedAt)) return [];
  const { values, sources } = state.latest();
  const baseline = state.baseline(input.infusionStartedAt);
  const allViolated = violatedRules(rules, values, baseline);
  const winners = worstPerGroup(allViolated);
  const changed: number[] = [];

  const endAlert = (row: AlertRow, reason: string) => {
    if (settings.latchingAlerts && row.acknowledged_at === null && reason === AUTO_RESOLVE_REASONS.cleared) {
      if (row.condition_cleared_at !== null) return;
      store.event({ alertId: row.id, kind: 'conditionCleared', at: nowAt });
    } else {
      store.event({ alertId: row.id, kind: 'resolved', at: nowAt, note: reason });
    }
    changed.push(row.id);
  };

  const raise = (violation: Violation) => {
    const source = sources[violation.rule.parameter] ?? null;
    changed.push(
      store.insert({
        sessionId,
        ruleId: violation.rule.id,
        group: violation.rule.group,
        parameter: violation.rule.parameter,
        kind: 'physiological',
        priority: violation.rule.priority,
        comparison: JSON.stringify(violation.rule.comparison),
        threshold: violation.threshold,
        baseline: violation.baseline,
        value: violation.value,
        readingId: source?.id ?? null,
        at: nowAt,
      }),
    );
  };

  const handledGroups = new Set<string>();
  for (const winner of winners) {
    const existing = active.find((row) => row.rule_group === winner.rule.group);
    // An active alert whose own rule still holds at the same priority stays the one shown:
    // swapping between equal explanations of one condition would only add noise.
    const sameStillHolds = existing ? allViolated.find((v) => v.rule.id === existing.rule_id && v.rule.priority === winner.rule.priority) : undefined;
    const violation = sameStillHolds ?? winner;
    if (existing && existing.rule_id === violation.rule.id) {
      handledGroups.add(winner.rule.group);
      const source = sources[violation.rule.parameter];
      if (trigger && source?.id === trigger.id) {
        store.event({ alertId: existing.id, kind: 'repeat', at: nowAt, value: violation.value, readingId: trigger.id });
        changed.push(existing.id);
      }
      continue;
    }
    // A more urgent alert whose value has not come back past its band stays: dropping from
    // high to medium and back at every reading around a limit is the storm hysteresis prevents.
    const existingRule = existing ? rules.find((r) => r.id === existing.rule_id) : undefined;
    if (existing && existingRule && PRIORITY_RANK[existingRule.priority] > PRIORITY_RANK[violation.rule.priority]) {
      const value = values[existingRule.parameter];
      if (value !== undefined && !clearsWithHysteresis(existingRule, value, baseline[existingRule.parameter] ?? null)) {
        handledGroups.add(winner.rule.group);
        continue;
      }
    }
    if (!isConfirmedIn(violation.rule, state, baseline, nowAt)) continue;
    // Only a value from a monitor needs the monitor confirmation (a walk back over its run of violating values).
    if (sources[violation.rule.parameter]?.fromMonitor && !monitorRunConfirmedIn(violation.rule, state, baseline, nowAt, input.monitorConfirmation)) continue;
    // Resolved by hand: the person judged these readings; only a newer one raises it again.
    const source = sources[violation.rule.parameter];
    if (!existing && source && resolvedByHandSince(store, sessionId, winner.rule.group, source.recordedAt)) continue;
    handledGroups.add(winner.rule.group);
    // Replaced because its value was corrected or marked an artifact: say so, not that the condition changed.
    if (existing) endAlert(existing, input.clearReason === 'cleared' ? AUTO_RESOLVE_REASONS.superseded : input.clearReason);
    raise(violation);
  }

  for (const row of active) {
    if (handledGroups.has(row.rule_group)) continue;
    const rule = rules.find((r) => r.id === row.rule_id);
    if (!rule) {
      endAlert(row, AUTO_RESOLVE_REASONS.ruleChanged);
      continue;
    }
    const value = values[rule.parameter];
    if (value === undefined) {
      // Only a correction or an artifact mark can take a parameter's last value away.
      if (input.clearReason !== 'cleared') endAlert(row, input.clearReason);
      continue;
    }
    const base = baseline[rule.parameter] ?? null;
    // The band keeps genuine values hovering at a limit from flapping. When the value that
    // raised the alert was corrected or marked an artifact, it never happened: judge plainly.
    const sourceGone = row.reading_id !== null && !state.has(row.reading_id);
    // A changed rule is judged as written, band or not: the physician moved the line on purpose.
    const plainly = input.clearReason === 'ruleChanged' || (sourceGone && input.clearReason !== 'cleared');
    const cleared = plainly ? !violates(rule.comparison, value, base) : clearsWithHysteresis(rule, value, base);
    if (cleared) {
      endAlert(row, input.clearReason === 'cleared' ? AUTO_RESOLVE_REASONS.cleared : input.clearReason);
    }
  }
  return changed;
}
