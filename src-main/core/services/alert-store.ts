import type { Database } from 'better-sqlite3';
import type { Alert } from '../../../shared/domain/alert';
import { fail } from '../../../shared/result';

export interface AlertRow {
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
  resolved_by_name: string | null;
  acknowledged_at: number | null;
  acknowledged_by_name: string | null;
  acknowledge_note: string | null;
  condition_cleared_at: number | null;
  audio_paused_until: number | null;
  escalated_at: number | null;
}

export type AlertEventKind = 'repeat' | 'acknowledged' | 'resolved' | 'audioPaused' | 'escalated' | 'conditionCleared';

// An alert's state is derived from its append-only event rows. A condition counts as
// cleared only when its clearing came after the latest repeat.
const ALERT_SELECT = `
  SELECT a.*,
    (SELECT COUNT(*) FROM alert_events e WHERE e.alert_id = a.id AND e.kind = 'repeat') AS repeat_count,
    lr.value AS last_value, lr.at AS last_at,
    rs.at AS resolved_at, rs.note AS resolved_reason, rsu.display_name AS resolved_by_name,
    ak.at AS acknowledged_at, aku.display_name AS acknowledged_by_name, ak.note AS acknowledge_note,
    CASE WHEN cc.id > COALESCE(lr.id, 0) THEN cc.at END AS condition_cleared_at,
    (SELECT MAX(until_at) FROM alert_events WHERE alert_id = a.id AND kind = 'audioPaused') AS audio_paused_until,
    (SELECT MIN(at) FROM alert_events WHERE alert_id = a.id AND kind = 'escalated') AS escalated_at
  FROM alerts a
  LEFT JOIN alert_events lr ON lr.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'repeat')
  LEFT JOIN alert_events rs ON rs.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'resolved')
  LEFT JOIN users rsu ON rsu.id = rs.user_id
  LEFT JOIN alert_events ak ON ak.id = (SELECT MIN(id) FROM alert_events WHERE alert_id = a.id AND kind = 'acknowledged')
  LEFT JOIN users aku ON aku.id = ak.user_id
  LEFT JOIN alert_events cc ON cc.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'conditionCleared')`;

export const toAlert = (row: AlertRow): Alert => ({
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
  resolvedByName: row.resolved_by_name,
  acknowledgedAt: row.acknowledged_at,
  acknowledgedByName: row.acknowledged_by_name,
  acknowledgeNote: row.acknowledge_note,
  conditionClearedAt: row.condition_cleared_at,
  audioPausedUntil: row.audio_paused_until,
  escalatedAt: row.escalated_at,
});

export interface NewAlertRow {
  sessionId: number;
  ruleId: string;
  group: string;
  parameter: string;
  kind: Alert['kind'];
  priority: Alert['priority'];
  comparison: string | null;
  threshold: number | null;
  baseline: number | null;
  value: number | null;
  readingId: number | null;
  at: number;
}

export interface AlertEventRow {
  alertId: number;
  kind: AlertEventKind;
  at: number;
  userId?: number | null;
  note?: string | null;
  value?: number | null;
  readingId?: number | null;
  untilAt?: number | null;
}

/** All SQL for alerts and their events. */
export function createAlertStore(db: Database) {
  const byId = db.prepare<[number], AlertRow>(`${ALERT_SELECT} WHERE a.id = ?`);
  const ofSession = db.prepare<[number], AlertRow>(`${ALERT_SELECT} WHERE a.session_id = ? ORDER BY a.id`);
  const recent = db.prepare<[], AlertRow>(`${ALERT_SELECT} ORDER BY a.id DESC LIMIT 500`);
  const active = db.prepare<[], AlertRow>(`${ALERT_SELECT} WHERE NOT EXISTS (SELECT 1 FROM alert_events r WHERE r.alert_id = a.id AND r.kind = 'resolved') ORDER BY a.id`);
  const insertAlert = db.prepare(
    `INSERT INTO alerts (session_id, rule_id, rule_group, parameter, kind, priority, comparison_json, threshold, baseline, value, reading_id, raised_at)
     VALUES (:sessionId, :ruleId, :group, :parameter, :kind, :priority, :comparison, :threshold, :baseline, :value, :readingId, :at)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO alert_events (alert_id, kind, at, user_id, note, value, reading_id, until_at) VALUES (:alertId, :kind, :at, :userId, :note, :value, :readingId, :untilAt)`,
  );

  return {
    row(id: number): AlertRow {
      const row = byId.get(id);
      if (!row) fail({ code: 'not_found', message: `No alert ${id}`, field: 'alertId' });
      return row;
    },
    ofSession: (sessionId: number): AlertRow[] => ofSession.all(sessionId),
    activeOfSession: (sessionId: number): AlertRow[] => ofSession.all(sessionId).filter((row) => row.resolved_at === null),
    allActive: (): AlertRow[] => active.all(),
    recent: (): AlertRow[] => recent.all(),
    insert: (row: NewAlertRow): number => Number(insertAlert.run(row).lastInsertRowid),
    event(event: AlertEventRow): void {
      insertEvent.run({ userId: null, note: null, value: null, readingId: null, untilAt: null, ...event });
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
