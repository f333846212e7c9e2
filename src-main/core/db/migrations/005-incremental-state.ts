/**
 * Constant cost per reading (issue 10).
 *
 * Readings carry their derived values, computed once when committed: the NEWS2 score as
 * JSON and `derived_version` (NULL on rows written before this migration; those are scored
 * when read, from their own stored values, which gives the same result).
 *
 * Each alert gets one `alert_state` row: its state folded from its events, updated in the
 * same transaction as each event is appended, so reading an alert costs the same after
 * 28,800 repeats as after one. `alert_events` stays the append-only record; `alert_state`
 * is derived from it and the backfill below is the same fold.
 */
export const incrementalStateSchema = /* sql */ `
ALTER TABLE readings ADD COLUMN news2_json TEXT;
ALTER TABLE readings ADD COLUMN derived_version INTEGER;

CREATE TABLE alert_state (
  alert_id INTEGER PRIMARY KEY REFERENCES alerts(id),
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  repeat_count INTEGER NOT NULL DEFAULT 0,
  last_value REAL,
  last_at INTEGER,
  resolved_at INTEGER,
  resolved_reason TEXT,
  resolved_by INTEGER REFERENCES users(id),
  acknowledged_at INTEGER,
  acknowledged_by INTEGER REFERENCES users(id),
  acknowledge_note TEXT,
  condition_cleared_at INTEGER,
  audio_paused_until INTEGER,
  escalated_at INTEGER
) STRICT;

INSERT INTO alert_state (alert_id, session_id, repeat_count, last_value, last_at, resolved_at, resolved_reason, resolved_by,
    acknowledged_at, acknowledged_by, acknowledge_note, condition_cleared_at, audio_paused_until, escalated_at)
  SELECT a.id, a.session_id,
    (SELECT COUNT(*) FROM alert_events e WHERE e.alert_id = a.id AND e.kind = 'repeat'),
    lr.value, lr.at,
    rs.at, rs.note, rs.user_id,
    ak.at, ak.user_id, ak.note,
    CASE WHEN cc.id > COALESCE(lr.id, 0) THEN cc.at END,
    (SELECT MAX(until_at) FROM alert_events WHERE alert_id = a.id AND kind = 'audioPaused'),
    (SELECT MIN(at) FROM alert_events WHERE alert_id = a.id AND kind = 'escalated')
  FROM alerts a
  LEFT JOIN alert_events lr ON lr.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'repeat')
  LEFT JOIN alert_events rs ON rs.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'resolved')
  LEFT JOIN alert_events ak ON ak.id = (SELECT MIN(id) FROM alert_events WHERE alert_id = a.id AND kind = 'acknowledged')
  LEFT JOIN alert_events cc ON cc.id = (SELECT MAX(id) FROM alert_events WHERE alert_id = a.id AND kind = 'conditionCleared');

CREATE INDEX alert_state_active ON alert_state(session_id, alert_id) WHERE resolved_at IS NULL;
CREATE INDEX alert_state_all_active ON alert_state(alert_id) WHERE resolved_at IS NULL;
CREATE INDEX alerts_session_group ON alerts(session_id, rule_group, id);
-- The newest reading complete enough for NEWS2 (the session list's score), without a scan.
CREATE INDEX readings_scored ON readings(session_id, observed_at)
  WHERE heart_rate_bpm IS NOT NULL AND systolic_mmhg IS NOT NULL AND spo2_pct IS NOT NULL AND respiratory_rate_per_min IS NOT NULL;
`;
