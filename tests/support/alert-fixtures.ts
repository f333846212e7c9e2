import { DEFAULT_ALERT_RULES, type AlertRule } from '../../shared/clinical/alert-rules';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { Alert } from '../../shared/domain/alert';
import type { ReadingValues } from '../../shared/domain/reading';
import type { Session } from '../../shared/domain/session';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { callOk, MINUTE, openRaw, openSession, readyToStart, type TestCore } from './test-core';

/**
 * Helpers for the alert-engine integration tests: sessions ready to chart, readings, the
 * alerts and alert_events tables read raw from the file, and the events a connection hears.
 */

/** One row of the alerts table, as stored (read on a separate connection). */
export interface RawAlert {
  id: number;
  rule_id: string;
  rule_group: string;
  parameter: string;
  kind: 'physiological' | 'technical';
  priority: 'high' | 'medium' | 'low';
  threshold: number | null;
  baseline: number | null;
  value: number | null;
  reading_id: number | null;
  raised_at: number;
}

/** One row of the alert_events table, as stored. */
export interface RawAlertEvent {
  alert_id: number;
  kind: 'repeat' | 'acknowledged' | 'resolved' | 'audioPaused' | 'escalated' | 'conditionCleared';
  at: number;
  user_id: number | null;
  note: string | null;
  value: number | null;
  reading_id: number | null;
  until_at: number | null;
}

/**
 * A session's alerts and alert events, in insertion order, read from the file on a separate
 * connection. `physiologicalOnly` leaves out technical alerts (overdue checks) and their events.
 */
export function alertTables(databasePath: string, sessionId: number, options: { physiologicalOnly?: boolean } = {}): { alerts: RawAlert[]; events: RawAlertEvent[] } {
  const kinds = options.physiologicalOnly ? "('physiological')" : "('physiological', 'technical')";
  const db = openRaw(databasePath);
  try {
    const alerts = db
      .prepare(
        `SELECT id, rule_id, rule_group, parameter, kind, priority, threshold, baseline, value, reading_id, raised_at
         FROM alerts WHERE session_id = ? AND kind IN ${kinds} ORDER BY id`,
      )
      .all(sessionId) as RawAlert[];
    const events = db
      .prepare(
        `SELECT e.alert_id, e.kind, e.at, e.user_id, e.note, e.value, e.reading_id, e.until_at
         FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE a.session_id = ? AND a.kind IN ${kinds} ORDER BY e.id`,
      )
      .all(sessionId) as RawAlertEvent[];
    return { alerts, events };
  } finally {
    db.close();
  }
}

/** An expected alert_events row: only what differs from "no user, no note, no value, no reading, no until". */
export function alertEvent(alertId: number, kind: RawAlertEvent['kind'], at: number, fields: Partial<Omit<RawAlertEvent, 'alert_id' | 'kind' | 'at'>> = {}): RawAlertEvent {
  return { alert_id: alertId, kind, at, user_id: null, note: null, value: null, reading_id: null, until_at: null, ...fields };
}

/** An expected physiological alerts row raised by a default rule (group and parameter taken from the rule). */
export function physiologicalAlert(
  id: number,
  ruleId: string,
  fields: { value: number; threshold: number; baseline: number | null; reading_id: number | null; raised_at: number },
): RawAlert {
  const rule = defaultRule(ruleId);
  return { id, rule_id: ruleId, rule_group: rule.group, parameter: rule.parameter, kind: 'physiological', priority: rule.priority, ...fields };
}

export function defaultRule(ruleId: string): AlertRule {
  const rule = DEFAULT_ALERT_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no default rule ${ruleId}`);
  return rule;
}

/** The default rules with some replaced (by id) and some removed. */
export function defaultRulesWith(changes: { replace?: Record<string, AlertRule>; remove?: string[]; add?: AlertRule[] } = {}): AlertRule[] {
  const rules = DEFAULT_ALERT_RULES.filter((r) => !(changes.remove ?? []).includes(r.id)).map((r) => changes.replace?.[r.id] ?? r);
  return [...rules, ...(changes.add ?? [])];
}

/**
 * A new patient's session under the standard protocol (unless `protocolId` says otherwise),
 * screened, with a baseline reading charted now (HR 72, SBP/DBP 124/78, SpO2 98 unless
 * `baseline` changes them), then one minute later the infusion started. Returns the session
 * and the time the infusion started.
 */
export async function infusingSession(
  t: TestCore,
  connection: CoreConnection,
  options: { baseline?: ReadingValues; protocolId?: number } = {},
): Promise<{ session: Session; startedAt: number; baselineReadingId: number }> {
  const { session } = await openSession(connection, options.protocolId === undefined ? {} : { protocolId: options.protocolId });
  const baselineReading = await readyToStart(connection, session.id, options.baseline ?? {});
  t.clock.advance(MINUTE);
  await callOk(connection, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
  return { session, startedAt: t.clock.now(), baselineReadingId: baselineReading.id };
}

/** Charts a reading observed now (the caller moves the clock). Unusual values are confirmed. */
export async function chart(connection: CoreConnection, sessionId: number, values: ReadingValues, extra: { onSupplementalOxygen?: boolean } = {}) {
  const confirmed = Object.keys(values) as VitalParameter[];
  return callOk(connection, 'reading/add', { sessionId, values, confirmed, ...extra });
}

export const activeAlerts = (connection: CoreConnection, sessionId: number): Promise<Alert[]> => callOk(connection, 'alert/list', { sessionId, state: 'active' });

export interface HeardEvent {
  name: EventName;
  payload: EventPayload<EventName>;
}

/** Collects what a connection hears until `stop()`. */
export function listen(connection: CoreConnection): { heard: HeardEvent[]; alerts: () => Alert[]; stop: () => void } {
  const heard: HeardEvent[] = [];
  const stop = connection.onEvent((name, payload) => {
    heard.push({ name, payload });
  });
  const alerts = () => heard.filter((h): h is { name: 'alert/changed'; payload: Alert } => h.name === 'alert/changed').map((h) => h.payload);
  return { heard, alerts, stop };
}
