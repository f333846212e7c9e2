import { appendOnly } from './append-only';

/**
 * The treatment course: a PHQ-9 before each session (answers kept as given, the total and the
 * item-9 flag stored as scored at the time), and the patient's sex, height and allergies as
 * dated rows beside the patient (the newest row is the current one; an earlier one is never
 * changed). A new table rather than new patient columns, so it stays clear of how patients
 * themselves are versioned.
 */
export const treatmentCourseSchema = /* sql */ `
CREATE TABLE phq9_assessments (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id),
  answers_json TEXT NOT NULL,
  total INTEGER NOT NULL CHECK (total BETWEEN 0 AND 27),
  self_harm_flag INTEGER NOT NULL CHECK (self_harm_flag IN (0,1)),
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX phq9_by_session ON phq9_assessments(session_id, id);
${appendOnly('phq9_assessments')}

CREATE TABLE patient_details (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id),
  sex TEXT CHECK (sex IN ('female','male','other')),
  height_cm REAL CHECK (height_cm IS NULL OR (height_cm >= 40 AND height_cm <= 250)),
  allergies TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id)
);
CREATE INDEX patient_details_by_patient ON patient_details(patient_id, id);
${appendOnly('patient_details')}
`;
