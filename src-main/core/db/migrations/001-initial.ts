/**
 * Users, patients, sessions with their phase log, readings and alerts.
 * The clinical record (phase_events, readings, alerts, alert_events) is append-only:
 * triggers refuse UPDATE and DELETE, so a correction can only ever be a new row.
 */
export const initialSchema = /* sql */ `
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles_json TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  mrn TEXT NOT NULL UNIQUE COLLATE NOCASE,
  family_name TEXT NOT NULL,
  given_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  weight_kg REAL NOT NULL CHECK (weight_kg > 0),
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id),
  chair TEXT NOT NULL,
  weight_kg REAL NOT NULL CHECK (weight_kg > 0),
  planned_infusion_minutes INTEGER,
  created_at INTEGER NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX sessions_patient ON sessions(patient_id, created_at);

CREATE TABLE phase_events (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  from_phase TEXT,
  to_phase TEXT NOT NULL CHECK (to_phase IN ('screening','infusing','paused','recovery','discharged','closed','aborted')),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT
) STRICT;
CREATE INDEX phase_events_session ON phase_events(session_id, id);

CREATE TABLE readings (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  observed_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  heart_rate_bpm REAL,
  systolic_mmhg REAL,
  diastolic_mmhg REAL,
  mean_arterial_mmhg REAL,
  map_source TEXT CHECK (map_source IN ('computed','measured')),
  spo2_pct REAL,
  respiratory_rate_per_min REAL,
  etco2_mmhg REAL,
  temperature_c REAL,
  moaas_score REAL,
  dissociation_level REAL
) STRICT;
CREATE INDEX readings_session ON readings(session_id, observed_at);

CREATE TABLE alerts (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  rule_id TEXT NOT NULL,
  rule_group TEXT NOT NULL,
  parameter TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('physiological','technical')),
  priority TEXT NOT NULL CHECK (priority IN ('high','medium','low')),
  comparison_json TEXT,
  threshold REAL,
  baseline REAL,
  value REAL,
  reading_id INTEGER REFERENCES readings(id),
  raised_at INTEGER NOT NULL
) STRICT;
CREATE INDEX alerts_session ON alerts(session_id, id);

CREATE TABLE alert_events (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts(id),
  kind TEXT NOT NULL CHECK (kind IN ('repeat','acknowledged','resolved')),
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users(id),
  note TEXT,
  value REAL,
  reading_id INTEGER REFERENCES readings(id)
) STRICT;
CREATE INDEX alert_events_alert ON alert_events(alert_id, id);

CREATE TRIGGER phase_events_no_update BEFORE UPDATE ON phase_events BEGIN SELECT RAISE(ABORT, 'phase_events is append-only'); END;
CREATE TRIGGER phase_events_no_delete BEFORE DELETE ON phase_events BEGIN SELECT RAISE(ABORT, 'phase_events is append-only'); END;
CREATE TRIGGER readings_no_update BEFORE UPDATE ON readings BEGIN SELECT RAISE(ABORT, 'readings is append-only'); END;
CREATE TRIGGER readings_no_delete BEFORE DELETE ON readings BEGIN SELECT RAISE(ABORT, 'readings is append-only'); END;
CREATE TRIGGER alerts_no_update BEFORE UPDATE ON alerts BEGIN SELECT RAISE(ABORT, 'alerts is append-only'); END;
CREATE TRIGGER alerts_no_delete BEFORE DELETE ON alerts BEGIN SELECT RAISE(ABORT, 'alerts is append-only'); END;
CREATE TRIGGER alert_events_no_update BEFORE UPDATE ON alert_events BEGIN SELECT RAISE(ABORT, 'alert_events is append-only'); END;
CREATE TRIGGER alert_events_no_delete BEFORE DELETE ON alert_events BEGIN SELECT RAISE(ABORT, 'alert_events is append-only'); END;
`;
