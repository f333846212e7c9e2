import type { Database, Statement } from 'better-sqlite3';
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
// Read as raw value arrays and built into AlertRow by `alertRowOf`: better-sqlite3 builds a
// 25-field row object about twice as slowly as the array (and these are read on every
// reading that changes an alert). The column list and `alertRowOf` go in the same order.
const ALERT_SELECT = `
  SELECT a.id, a.session_id, a.rule_id, a.rule_group, a.parameter, a.kind, a.priority, a.comparison_json,
    a.threshold, a.baseline, a.value, a.reading_id, a.raised_at,
    s.repeat_count, s.last_value, s.last_at,
    s.resolved_at, s.resolved_reason, rsu.display_name AS resolved_by_name,
    s.acknowledged_at, aku.display_name AS acknowledged_by_name, s.acknowledge_note,
    s.condition_cleared_at, s.audio_paused_until, s.escalated_at
  FROM alerts a
  JOIN alert_state s ON s.alert_id = a.id
  LEFT JOIN users rsu ON rsu.id = s.resolved_by
  LEFT JOIN users aku ON aku.id = s.acknowledged_by`;

type Columns = readonly unknown[];
/** One ALERT_SELECT row (raw) as an AlertRow; the casts restate the table's column types. */
export const alertRowOf = (c: Columns): AlertRow => ({
  id: c[0] as number,
  session_id: c[1] as number,
  rule_id: c[2] as string,
  rule_group: c[3] as string,
  parameter: c[4] as string,
  kind: c[5] as AlertRow['kind'],
  priority: c[6] as AlertRow['priority'],
  comparison_json: c[7] as string | null,
  threshold: c[8] as number | null,
  baseline: c[9] as number | null,
  value: c[10] as number | null,
  reading_id: c[11] as number | null,
  raised_at: c[12] as number,
  repeat_count: c[13] as number,
  last_value: c[14] as number | null,
  last_at: c[15] as number | null,
  resolved_at: c[16] as number | null,
  resolved_reason: c[17] as string | null,
  resolved_by_name: c[18] as string | null,
  acknowledged_at: c[19] as number | null,
  acknowledged_by_name: c[20] as string | null,
  acknowledge_note: c[21] as string | null,
  condition_cleared_at: c[22] as number | null,
  audio_paused_until: c[23] as number | null,
  escalated_at: c[24] as number | null,
});

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
  /** An ALERT_SELECT statement that answers AlertRows (read raw, see alertRowOf). */
  const alertQuery = <P extends unknown[]>(where: string) => {
    const statement = db.prepare<P, Columns>(`${ALERT_SELECT} ${where}`).raw(true);
    return {
      get: (...params: P): AlertRow | undefined => {
        const columns = statement.get(...params);
        return columns === undefined ? undefined : alertRowOf(columns);
      },
      all: (...params: P): AlertRow[] => statement.all(...params).map(alertRowOf),
    };
  };
  const byId = alertQuery<[number]>('WHERE a.id = ?');
  const ofSession = alertQuery<[number]>('WHERE a.session_id = ? ORDER BY a.id');
  const activeOfSession = alertQuery<[number]>('WHERE s.session_id = ? AND s.resolved_at IS NULL ORDER BY a.id');
  // Asked on every reading (the engine's starting point); changes only when an alert does.
  const activeMemo = caches.memo(['alerts', 'alert_state', 'users'], (sessionId: number) => activeOfSession.all(sessionId));
  const newestOfSession = alertQuery<[number, number, number]>('WHERE a.session_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?');
  const countOfSession = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM alerts WHERE session_id = ?');
  const latestOfGroup = alertQuery<[number, string]>('WHERE a.session_id = ? AND a.rule_group = ? ORDER BY a.id DESC LIMIT 1');
  const recent = alertQuery<[]>('ORDER BY a.id DESC LIMIT 500');
  const active = alertQuery<[]>('WHERE s.resolved_at IS NULL ORDER BY a.id');
  const insertState = db.prepare('INSERT INTO alert_state (alert_id, session_id) VALUES (?, ?)');
  // better-sqlite3 binds the named parameters a statement uses and ignores the event's other fields.
  const fold = Object.fromEntries(
    Object.entries(FOLD).map(([kind, set]) => [kind, db.prepare(`UPDATE alert_state SET ${set} WHERE alert_id = :alertId`)]),
  ) as Record<AlertEventKind, Statement>;
  const insertAlert = db.prepare(
    `INSERT INTO alerts (session_id, rule_id, rule_group, parameter, kind, priority, comparison_json, threshold, baseline, value, reading_id, raised_at)
     VALUES (:sessionId, :ruleId, :group, :parameter, :kind, :priority, :comparison, :threshold, :baseline, :value, :readingId, :at)`,
  );
  const insertEvent = db.prepare<[number, AlertEventKind, number, number | null, string | null, number | null, number | null, number | null]>(
    'INSERT INTO alert_events (alert_id, kind, at, user_id, note, value, reading_id, until_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
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
      const full = {
        alertId: event.alertId,
        kind: event.kind,
        at: event.at,
        userId: event.userId ?? null,
        note: event.note ?? null,
        value: event.value ?? null,
        readingId: event.readingId ?? null,
        untilAt: event.untilAt ?? null,
      };
      insertEvent.run(full.alertId, full.kind, full.at, full.userId, full.note, full.value, full.readingId, full.untilAt);
      fold[event.kind].run(full);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
