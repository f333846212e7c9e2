import type { Database } from 'better-sqlite3';
import type { RecordCaches } from '../record-cache';
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

// An alert's state is folded from its append-only event rows into alert_state as each event
// is appended (same transaction), so a read is one row however long the alert ran.
// A condition counts as cleared only when its clearing came after the latest repeat.
const ALERT_SELECT = `
  SELECT a.*, s.repeat_count, s.last_value, s.last_at,
    s.resolved_at, s.resolved_reason, rsu.display_name AS resolved_by_name,
    s.acknowledged_at, aku.display_name AS acknowledged_by_name, s.acknowledge_note,
    s.condition_cleared_at, s.audio_paused_until, s.escalated_at
  FROM alerts a
  JOIN alert_state s ON s.alert_id = a.id
  LEFT JOIN users rsu ON rsu.id = s.resolved_by
  LEFT JOIN users aku ON aku.id = s.acknowledged_by`;

/** How each event kind changes the folded state (SQLite evaluates the right-hand sides on the old row). */
const FOLD: Record<AlertEventKind, string> = {
  repeat: 'repeat_count = repeat_count + 1, last_value = :value, last_at = :at, condition_cleared_at = NULL',
  acknowledged: `acknowledged_by = CASE WHEN acknowledged_at IS NULL THEN :userId ELSE acknowledged_by END,
    acknowledge_note = CASE WHEN acknowledged_at IS NULL THEN :note ELSE acknowledge_note END,
    acknowledged_at = COALESCE(acknowledged_at, :at)`,
  resolved: 'resolved_at = :at, resolved_reason = :note, resolved_by = :userId',
  audioPaused: 'audio_paused_until = CASE WHEN audio_paused_until IS NULL OR :untilAt > audio_paused_until THEN :untilAt ELSE audio_paused_until END',
  escalated: 'escalated_at = CASE WHEN escalated_at IS NULL OR :at < escalated_at THEN :at ELSE escalated_at END',
  conditionCleared: 'condition_cleared_at = :at',
};

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
export function createAlertStore(db: Database, caches: RecordCaches) {
  const byId = db.prepare<[number], AlertRow>(`${ALERT_SELECT} WHERE a.id = ?`);
  const ofSession = db.prepare<[number], AlertRow>(`${ALERT_SELECT} WHERE a.session_id = ? ORDER BY a.id`);
  const activeOfSession = db.prepare<[number], AlertRow>(`${ALERT_SELECT} WHERE s.session_id = ? AND s.resolved_at IS NULL ORDER BY a.id`);
  // Asked on every reading (the engine's starting point); changes only when an alert does.
  const activeMemo = caches.memo(['alerts', 'alert_state', 'users'], (sessionId: number) => activeOfSession.all(sessionId));
  const newestOfSession = db.prepare<[number, number, number], AlertRow>(`${ALERT_SELECT} WHERE a.session_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?`);
  const countOfSession = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM alerts WHERE session_id = ?');
  const latestOfGroup = db.prepare<[number, string], AlertRow>(`${ALERT_SELECT} WHERE a.session_id = ? AND a.rule_group = ? ORDER BY a.id DESC LIMIT 1`);
  const recent = db.prepare<[], AlertRow>(`${ALERT_SELECT} ORDER BY a.id DESC LIMIT 500`);
  const active = db.prepare<[], AlertRow>(`${ALERT_SELECT} WHERE s.resolved_at IS NULL ORDER BY a.id`);
  const insertState = db.prepare('INSERT INTO alert_state (alert_id, session_id) VALUES (?, ?)');
  const fold = Object.fromEntries(
    Object.entries(FOLD).map(([kind, set]) => {
      const statement = db.prepare(`UPDATE alert_state SET ${set} WHERE alert_id = :alertId`);
      const names = ['alertId', ...new Set([...set.matchAll(/:(\w+)/g)].map((m) => m[1] as string))];
      const apply = (event: Record<string, unknown>): void => void statement.run(Object.fromEntries(names.map((name) => [name, event[name]])));
      return [kind, apply];
    }),
  ) as Record<AlertEventKind, (event: Record<string, unknown>) => void>;
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
    /** The session's active alerts, oldest first (shared and frozen: not to be changed). */
    activeOfSession: (sessionId: number): readonly AlertRow[] => activeMemo.get(sessionId),
    /** Up to `limit` alerts of a session raised before alert `beforeId` (any number: from the newest), newest first. */
    newestOfSession: (sessionId: number, beforeId: number, limit: number): AlertRow[] => newestOfSession.all(sessionId, beforeId, limit),
    countOfSession: (sessionId: number): number => countOfSession.get(sessionId)?.n ?? 0,
    /** The newest alert of a condition group in a session, active or not. */
    latestOfGroup: (sessionId: number, group: string): AlertRow | undefined => latestOfGroup.get(sessionId, group),
    allActive: (): AlertRow[] => active.all(),
    recent: (): AlertRow[] => recent.all(),
    insert(row: NewAlertRow): number {
      const id = Number(insertAlert.run(row).lastInsertRowid);
      insertState.run(id, row.sessionId);
      return id;
    },
    /** Appends the event and folds it into the alert's state; callers hold the transaction. */
    event(event: AlertEventRow): void {
      const full = { userId: null, note: null, value: null, readingId: null, untilAt: null, ...event };
      insertEvent.run(full);
      fold[event.kind](full);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
