import { evaluateThresholds, violatedRules, type Violation } from '../../../shared/clinical/evaluate-thresholds';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../../../shared/clinical/parameters';
import type { TechnicalAlertCondition } from '../../../shared/clinical/technical-alerts';
import type { Alert } from '../../../shared/domain/alert';
import type { Reading, ReadingValues } from '../../../shared/domain/reading';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';

interface AlertRow {
  id: number;
  session_id: number;
  rule_id: string;
  rule_group: string;
  parameter: string;
  kind: Alert['kind'];
  priority: Alert['priority'];
  comparison_json: string | null;
  threshold: number | null;
  baseline: number | null;
  value: number | null;
  reading_id: number | null;
  raised_at: number;
  repeat_count: number;
  last_value: number | null;
  last_at: number | null;
  resolved_at: number | null;
  resolved_reason: string | null;
  acknowledged_at: number | null;
  acknowledged_by_name: string | null;
  acknowledge_note: string | null;
}

/** Why an alert ended when no person resolved it by hand. */
export const AUTO_RESOLVE_REASONS = { cleared: 'cleared', superseded: 'superseded', corrected: 'corrected', artifact: 'artifact', sessionEnded: 'sessionEnded' } as const;

// An alert's state is derived from its append-only event rows: repeats, acknowledgement, resolution.
const ALERT_SELECT = `
  SELECT a.*,
    (SELECT COUNT(*) FROM alert_events e WHERE e.alert_id = a.id AND e.kind = 'repeat') AS repeat_count,
    lr.value AS last_value, lr.at AS last_at,
    rs.at AS resolved_at, rs.note AS resolved_reason,
    ak.at AS acknowledged_at, aku.display_name AS acknowledged_by_name, ak.note AS acknowledge_note
  FROM alerts a
  LEFT JOIN alert_events lr ON lr.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'repeat')
  LEFT JOIN alert_events rs ON rs.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'resolved')
  LEFT JOIN alert_events ak ON ak.id = (SELECT MIN(id) FROM alert_events WHERE alert_id = a.id AND kind = 'acknowledged')
  LEFT JOIN users aku ON aku.id = ak.user_id`;

const toAlert = (row: AlertRow): Alert => ({
  id: row.id,
  sessionId: row.session_id,
  ruleId: row.rule_id,
  parameter: row.parameter,
  kind: row.kind,
  priority: row.priority,
  comparison: row.comparison_json === null ? null : (JSON.parse(row.comparison_json) as Alert['comparison']),
  threshold: row.threshold,
  baseline: row.baseline,
  value: row.value,
  readingId: row.reading_id,
  raisedAt: row.raised_at,
  count: row.repeat_count + 1,
  lastValue: row.last_value ?? row.value,
  lastAt: row.last_at ?? row.raised_at,
  state: row.resolved_at === null ? 'active' : 'resolved',
  resolvedAt: row.resolved_at,
  resolvedReason: row.resolved_reason,
  acknowledgedAt: row.acknowledged_at,
  acknowledgedByName: row.acknowledged_by_name,
  acknowledgeNote: row.acknowledge_note,
});

/**
 * The session's baseline for each parameter: the last value observed before the infusion
 * started, or (before any such value) the first value charted. Only current readings count.
 */
export function baselineOf(readings: readonly Reading[], infusionStartedAt: number | null): ReadingValues {
  const baseline: ReadingValues = {};
  for (const key of VITAL_PARAMETER_KEYS) {
    const withValue = readings.filter((r) => r.values[key] !== undefined);
    const beforeStart = infusionStartedAt === null ? [] : withValue.filter((r) => r.observedAt <= infusionStartedAt);
    const chosen = beforeStart.at(-1) ?? withValue[0];
    if (chosen) baseline[key] = chosen.values[key];
  }
  return baseline;
}

/** Each parameter's newest observed value among current readings, and the reading it came from. */
export function latestValues(readings: readonly Reading[]): { values: ReadingValues; sources: Partial<Record<VitalParameter, Reading>> } {
  const values: ReadingValues = {};
  const sources: Partial<Record<VitalParameter, Reading>> = {};
  const newestFirst = [...readings].sort((a, b) => b.observedAt - a.observedAt || b.id - a.id);
  for (const key of VITAL_PARAMETER_KEYS) {
    const source = newestFirst.find((r) => r.values[key] !== undefined);
    if (source) {
      values[key] = source.values[key];
      sources[key] = source;
    }
  }
  return { values, sources };
}

export type ClearReason = 'cleared' | 'corrected' | 'artifact';

export interface ReconcileInput {
  sessionId: number;
  /** The current readings of the session (no history, no artifacts). */
  currentReadings: readonly Reading[];
  infusionStartedAt: number | null;
  /** The reading just committed, if that is what changed; a repeat counts only for it. */
  trigger: Reading | null;
  /** Why an alert whose condition no longer holds is being resolved. */
  clearReason: ClearReason;
}

export function createAlertService({ db, clock, alertRules, technicalPriorities }: CoreDeps) {
  const byId = db.prepare<[number], AlertRow>(`${ALERT_SELECT} WHERE a.id = ?`);
  const ofSession = db.prepare<[number], AlertRow>(`${ALERT_SELECT} WHERE a.session_id = ? ORDER BY a.id`);
  const all = db.prepare<[], AlertRow>(`${ALERT_SELECT} ORDER BY a.id DESC LIMIT 500`);
  const insertAlert = db.prepare(
    `INSERT INTO alerts (session_id, rule_id, rule_group, parameter, kind, priority, comparison_json, threshold, baseline, value, reading_id, raised_at)
     VALUES (:sessionId, :ruleId, :group, :parameter, :kind, :priority, :comparison, :threshold, :baseline, :value, :readingId, :at)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO alert_events (alert_id, kind, at, user_id, note, value, reading_id) VALUES (:alertId, :kind, :at, :userId, :note, :value, :readingId)`,
  );

  const activeRows = (sessionId: number) => ofSession.all(sessionId).filter((row) => row.resolved_at === null);

  function get(id: number): Alert {
    const row = byId.get(id);
    if (!row) fail({ code: 'not_found', message: `No alert ${id}`, field: 'alertId' });
    return toAlert(row);
  }

  function raise(sessionId: number, violation: Violation, readingId: number | null, at: number): number {
    const { rule } = violation;
    const { lastInsertRowid } = insertAlert.run({
      sessionId,
      ruleId: rule.id,
      group: rule.group,
      parameter: rule.parameter,
      kind: 'physiological',
      priority: rule.priority,
      comparison: JSON.stringify(rule.comparison),
      threshold: violation.threshold,
      baseline: violation.baseline,
      value: violation.value,
      readingId,
      at,
    });
    return Number(lastInsertRowid);
  }

  function resolve(alertId: number, at: number, note: string, userId: number | null): void {
    insertEvent.run({ alertId, kind: 'resolved', at, userId, note, value: null, readingId: null });
  }

  return {
    get,

    /**
     * Brings a session's physiological alerts in line with its current readings; the caller's
     * transaction makes the change and its alerts land together. Each parameter is judged by
     * its newest observation, so a late entry of an older value cannot clear a current alert,
     * and a corrected or artifact reading stops counting. Returns the ids of changed alerts.
     */
    reconcile({ sessionId, currentReadings, infusionStartedAt, trigger, clearReason }: ReconcileInput): number[] {
      const at = clock.now();
      const { values, sources } = latestValues(currentReadings);
      const baseline = baselineOf(currentReadings, infusionStartedAt);
      const winners = evaluateThresholds(alertRules, values, baseline);
      const allViolated = violatedRules(alertRules, values, baseline);
      const active = activeRows(sessionId).filter((row) => row.kind === 'physiological');
      const changed: number[] = [];

      for (const winner of winners) {
        const existing = active.find((row) => row.rule_group === winner.rule.group);
        // An active alert whose own rule still holds at the same priority stays the one shown:
        // swapping between equal explanations of one condition would only add noise.
        const existingStillHolds = existing
          ? allViolated.find((v) => v.rule.id === existing.rule_id && v.rule.priority === winner.rule.priority)
          : undefined;
        const violation = existingStillHolds ?? winner;
        const source = sources[violation.rule.parameter] ?? null;
        if (existing && existing.rule_id === violation.rule.id) {
          if (trigger && source?.id === trigger.id) {
            insertEvent.run({ alertId: existing.id, kind: 'repeat', at, userId: null, note: null, value: violation.value, readingId: trigger.id });
            changed.push(existing.id);
          }
          continue;
        }
        if (existing) {
          resolve(existing.id, at, AUTO_RESOLVE_REASONS.superseded, null);
          changed.push(existing.id);
        }
        changed.push(raise(sessionId, violation, source?.id ?? null, at));
      }

      const violatedGroups = new Set(winners.map((v) => v.rule.group));
      for (const row of active) {
        if (violatedGroups.has(row.rule_group)) continue;
        const parameter = row.parameter as VitalParameter;
        const judged = values[parameter] !== undefined;
        // Cleared only by a newer value inside the limits, or because the value that raised it
        // no longer counts (corrected or marked as an artifact).
        if (judged || clearReason !== 'cleared') {
          resolve(row.id, at, judged && clearReason === 'cleared' ? AUTO_RESOLVE_REASONS.cleared : clearReason, null);
          changed.push(row.id);
        }
      }
      return changed;
    },

    /** Raises a technical alert unless one for the same condition is already active. */
    raiseTechnical(sessionId: number, condition: TechnicalAlertCondition, value: number | null): number | null {
      const existing = activeRows(sessionId).find((row) => row.kind === 'technical' && row.rule_id === condition);
      if (existing) return null;
      const { lastInsertRowid } = insertAlert.run({
        sessionId,
        ruleId: condition,
        group: condition,
        parameter: condition,
        kind: 'technical',
        priority: technicalPriorities[condition],
        comparison: null,
        threshold: null,
        baseline: null,
        value,
        readingId: null,
        at: clock.now(),
      });
      return Number(lastInsertRowid);
    },

    /** Resolves an active technical alert whose condition has ended. */
    resolveTechnical(sessionId: number, condition: TechnicalAlertCondition): number | null {
      const existing = activeRows(sessionId).find((row) => row.kind === 'technical' && row.rule_id === condition);
      if (!existing) return null;
      resolve(existing.id, clock.now(), AUTO_RESOLVE_REASONS.cleared, null);
      return existing.id;
    },

    /** Resolves every active alert of a session (it closed or was aborted). */
    resolveAll(sessionId: number, reason: string): number[] {
      const at = clock.now();
      return activeRows(sessionId).map((row) => {
        resolve(row.id, at, reason, null);
        return row.id;
      });
    },

    acknowledge(alertId: number, note: string | undefined, userId: number): Alert {
      return db.transaction(() => {
        const alert = get(alertId);
        if (alert.acknowledgedAt !== null) {
          fail({ code: 'conflict', message: `Already acknowledged by ${alert.acknowledgedByName ?? '?'}`, field: 'alertId', reason: 'already_acknowledged', params: { name: alert.acknowledgedByName ?? '' } });
        }
        insertEvent.run({ alertId, kind: 'acknowledged', at: clock.now(), userId, note: note || null, value: null, readingId: null });
        return get(alertId);
      })();
    },

    ofSession: (sessionId: number): Alert[] => ofSession.all(sessionId).map(toAlert),
    activeOfSession: (sessionId: number): Alert[] => activeRows(sessionId).map(toAlert),
    recent: (): Alert[] => all.all().map(toAlert),
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
