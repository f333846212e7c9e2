import { appendOnly } from './append-only';

/**
 * Alerts physicians trust: alert rules as versioned data (clinic and per-protocol sets,
 * per-session overrides with a reason), clinic alarm settings, the supplemental-oxygen
 * flag NEWS2 needs, and the new alert actions (audio pause, escalation, condition cleared).
 */

export const alertingSchema = /* sql */ `
ALTER TABLE readings ADD COLUMN supplemental_oxygen INTEGER CHECK (supplemental_oxygen IN (0,1));

CREATE TABLE alert_rule_sets (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('clinic','protocol')),
  protocol_family_id INTEGER REFERENCES protocols(id),
  rules_json TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  CHECK ((scope = 'protocol') = (protocol_family_id IS NOT NULL))
) STRICT;
CREATE INDEX alert_rule_sets_scope ON alert_rule_sets(scope, protocol_family_id, id);
${appendOnly('alert_rule_sets')}

CREATE TABLE session_rule_overrides (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  rule_id TEXT NOT NULL,
  rule_json TEXT,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX session_rule_overrides_session ON session_rule_overrides(session_id, id);
${appendOnly('session_rule_overrides')}

CREATE TABLE clinic_settings (
  id INTEGER PRIMARY KEY,
  settings_json TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
${appendOnly('clinic_settings')}

-- alert_events gains kinds; SQLite cannot change a CHECK in place, so the table is rebuilt.
ALTER TABLE alert_events RENAME TO alert_events_v1;
CREATE TABLE alert_events (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id),
  kind TEXT NOT NULL CHECK (kind IN ('repeat','acknowledged','resolved','audioPaused','escalated','conditionCleared')),
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  note TEXT,
  value REAL,
  reading_id INTEGER REFERENCES readings(id),
  until_at INTEGER
) STRICT;
INSERT INTO alert_events (id, alert_id, kind, at, user_id, note, value, reading_id)
  SELECT id, alert_id, kind, at, user_id, note, value, reading_id FROM alert_events_v1;
DROP TABLE alert_events_v1;
CREATE INDEX alert_events_alert ON alert_events(alert_id, id);
${appendOnly('alert_events')}
`;
