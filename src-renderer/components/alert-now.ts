import type { Alert } from '../../shared/domain/alert';
import { isCurrentReading, type Reading } from '../../shared/domain/reading';
import { isVitalParameter } from '../format/parameters';

/** A parameter's value as charted now, with the time it was observed. */
export interface ValueNow {
  value: number;
  at: number;
}

/**
 * The newest charted value of the alert's parameter (corrections applied, artifacts left out);
 * null while the reading that raised the alert is still the newest, and for scores and technical alerts.
 */
export function valueNowOf(alert: Alert, readings: readonly Reading[]): ValueNow | null {
  if (alert.kind !== 'physiological' || !isVitalParameter(alert.parameter)) return null;
  const parameter = alert.parameter;
  let newest: (ValueNow & { readingId: number }) | null = null;
  for (const reading of readings) {
    const value = reading.values[parameter];
    if (value === undefined || !isCurrentReading(reading)) continue;
    if (!newest || reading.observedAt >= newest.at) newest = { value, at: reading.observedAt, readingId: reading.id };
  }
  if (!newest || newest.readingId === alert.readingId) return null;
  return { value: newest.value, at: newest.at };
}

/** How long an alert that ended by itself stays on the chair screen (issue 9: "ended in the last 15 min"). */
export const RECENTLY_ENDED_WINDOW_MS = 15 * 60_000;

/** Main's reasons for an alert that ended because the values changed (not by a person, a rule change or the session's end). */
const ENDED_BY_ITSELF = new Set(['cleared', 'superseded']);

/** Alerts that ended on their own (no one resolved them by hand) within the window, newest first. */
export function recentlyEnded(alerts: readonly Alert[], now: number, windowMs = RECENTLY_ENDED_WINDOW_MS): Alert[] {
  return alerts
    .filter((alert) => alert.state === 'resolved' && alert.resolvedAt !== null && ENDED_BY_ITSELF.has(alert.resolvedReason ?? '') && now - alert.resolvedAt <= windowMs)
    .sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0));
}

/** One rule's alerts that ended by themselves in the window: the newest, and how many there were. */
export interface EndedByRule {
  latest: Alert;
  times: number;
  firstRaisedAt: number;
}

/**
 * The recent strip groups by rule, newest first: a value that crossed a limit again and again
 * (a monitor's motion artifact, a BP hovering around it) is one line saying how often, not a
 * list that pushes the entry form and the trend off the screen.
 */
export function recentlyEndedByRule(alerts: readonly Alert[], now: number, windowMs = RECENTLY_ENDED_WINDOW_MS): EndedByRule[] {
  const groups = new Map<string, EndedByRule>();
  for (const alert of recentlyEnded(alerts, now, windowMs)) {
    const group = groups.get(alert.ruleId);
    if (group) {
      group.times += 1;
      group.firstRaisedAt = Math.min(group.firstRaisedAt, alert.raisedAt);
    } else {
      groups.set(alert.ruleId, { latest: alert, times: 1, firstRaisedAt: alert.raisedAt });
    }
  }
  return [...groups.values()];
}
