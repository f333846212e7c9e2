import { appendOnly } from './append-only';

/**
 * The nurse's whole session: protocols (versioned, never edited in place), dose orders,
 * screening, overrides, session events, reading corrections and artifact marks, discharge
 * assessments and signatures. Everything here is append-only, like the rest of the record.
 */

export const chartingSchema = /* sql */ `
CREATE TABLE protocols (
  id INTEGER PRIMARY KEY,
  family_id INTEGER REFERENCES protocols(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  drug TEXT NOT NULL,
  order_kind TEXT NOT NULL CHECK (order_kind IN ('perKgTotal','perKgPerHour')),
  dose_per_kg REAL NOT NULL CHECK (dose_per_kg > 0),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  concentration_mg_per_ml REAL NOT NULL CHECK (concentration_mg_per_ml > 0),
  infusion_interval_minutes INTEGER NOT NULL CHECK (infusion_interval_minutes > 0),
  recovery_interval_minutes INTEGER NOT NULL CHECK (recovery_interval_minutes > 0),
  minimum_recovery_minutes INTEGER NOT NULL CHECK (minimum_recovery_minutes >= 0),
  soft_min_per_kg REAL NOT NULL,
  soft_max_per_kg REAL NOT NULL,
  hard_min_per_kg REAL NOT NULL,
  hard_max_per_kg REAL NOT NULL,
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0,1)),
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users(id),
  CHECK (hard_min_per_kg <= soft_min_per_kg AND soft_min_per_kg <= dose_per_kg AND dose_per_kg <= soft_max_per_kg AND soft_max_per_kg <= hard_max_per_kg)
) STRICT;
${appendOnly('protocols')}

ALTER TABLE sessions ADD COLUMN protocol_id INTEGER REFERENCES protocols(id);

CREATE TABLE dose_orders (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  protocol_id INTEGER NOT NULL REFERENCES protocols(id),
  order_kind TEXT NOT NULL CHECK (order_kind IN ('perKgTotal','perKgPerHour')),
  dose_per_kg REAL NOT NULL CHECK (dose_per_kg > 0),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  concentration_mg_per_ml REAL NOT NULL CHECK (concentration_mg_per_ml > 0),
  weight_kg REAL NOT NULL CHECK (weight_kg > 0),
  total_dose_mg REAL NOT NULL,
  volume_ml REAL NOT NULL,
  rate_ml_per_hour REAL NOT NULL,
  limit_verdict TEXT NOT NULL CHECK (limit_verdict IN ('within','softLimit')),
  override_reason TEXT,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  CHECK (limit_verdict = 'within' OR override_reason IS NOT NULL)
) STRICT;
CREATE INDEX dose_orders_session ON dose_orders(session_id, id);
${appendOnly('dose_orders')}

CREATE TABLE screenings (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  contraindications_json TEXT NOT NULL,
  co_medications_json TEXT NOT NULL,
  consent_given INTEGER NOT NULL CHECK (consent_given IN (0,1)),
  escort_arranged INTEGER NOT NULL CHECK (escort_arranged IN (0,1)),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX screenings_session ON screenings(session_id, id);
${appendOnly('screenings')}

CREATE TABLE overrides (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  kind TEXT NOT NULL CHECK (kind IN ('contraindication','minimumRecovery')),
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX overrides_session ON overrides(session_id, id);
${appendOnly('overrides')}

CREATE TABLE session_events (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  kind TEXT NOT NULL CHECK (kind IN ('sideEffect','medication','note','rateChange','cadss6','retraction')),
  observed_at INTEGER NOT NULL,
  recorded_at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  payload_json TEXT NOT NULL,
  retracts_id INTEGER UNIQUE REFERENCES session_events(id),
  CHECK ((kind = 'retraction') = (retracts_id IS NOT NULL))
) STRICT;
CREATE INDEX session_events_session ON session_events(session_id, observed_at);
${appendOnly('session_events')}

ALTER TABLE readings ADD COLUMN supersedes_id INTEGER REFERENCES readings(id);
ALTER TABLE readings ADD COLUMN correction_reason TEXT;
CREATE UNIQUE INDEX readings_supersedes ON readings(supersedes_id) WHERE supersedes_id IS NOT NULL;

CREATE TABLE reading_annotations (
  id INTEGER PRIMARY KEY,
  reading_id INTEGER NOT NULL REFERENCES readings(id),
  kind TEXT NOT NULL CHECK (kind IN ('artifact','artifactCleared')),
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX reading_annotations_reading ON reading_annotations(reading_id, id);
${appendOnly('reading_annotations')}

CREATE TABLE discharge_assessments (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  aldrete_json TEXT NOT NULL,
  aldrete_total INTEGER NOT NULL CHECK (aldrete_total BETWEEN 0 AND 10),
  escort_present INTEGER NOT NULL CHECK (escort_present IN (0,1)),
  no_driving_instruction_given INTEGER NOT NULL CHECK (no_driving_instruction_given IN (0,1)),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX discharge_assessments_session ON discharge_assessments(session_id, id);
${appendOnly('discharge_assessments')}

CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  meaning TEXT NOT NULL CHECK (meaning IN ('close')),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
) STRICT;
${appendOnly('signatures')}
`;
