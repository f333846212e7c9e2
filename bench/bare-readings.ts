/** The readings row both baselines write: Vigil's columns, STRICT, with its (session, time) index. */
export const BARE_READINGS_SCHEMA = `CREATE TABLE readings (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL, observed_at INTEGER NOT NULL, recorded_at INTEGER NOT NULL,
    recorded_by INTEGER NOT NULL, heart_rate_bpm REAL, systolic_mmhg REAL, diastolic_mmhg REAL, mean_arterial_mmhg REAL, spo2_pct REAL,
    respiratory_rate_per_min REAL, news2_json TEXT) STRICT; CREATE INDEX readings_session ON readings(session_id, observed_at);`;

/** The values both baselines insert (those of BARE_READINGS_INSERT's literals). */
export const BARE_READING_VALUES = {
  heartRateBpm: 72,
  systolicMmHg: 124,
  diastolicMmHg: 78,
  meanArterialMmHg: 93,
  spo2Pct: 98,
  respiratoryRatePerMin: 14,
  news2Json: JSON.stringify({ total: 1, highestSingleScore: 1, partial: false }),
} as const;

/** One reading of session 1 by user 1; binds observed_at, recorded_at and news2_json. */
export const BARE_READINGS_INSERT = `INSERT INTO readings (session_id, observed_at, recorded_at, recorded_by, heart_rate_bpm, systolic_mmhg, diastolic_mmhg, mean_arterial_mmhg, spo2_pct, respiratory_rate_per_min, news2_json) VALUES (1, ?, ?, 1, ${BARE_READING_VALUES.heartRateBpm}, ${BARE_READING_VALUES.systolicMmHg}, ${BARE_READING_VALUES.diastolicMmHg}, ${BARE_READING_VALUES.meanArterialMmHg}, ${BARE_READING_VALUES.spo2Pct}, ${BARE_READING_VALUES.respiratoryRatePerMin}, ?)`;
