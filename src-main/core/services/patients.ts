import { differenceInYears, parseISO } from 'date-fns';
import type { NewPatient, Patient, PatientDetailsInput } from '../../../shared/domain/patient';
import { fail, type AppError } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import { createPatientDetails } from './patient-details';

interface PatientRow {
  id: number;
  mrn: string;
  family_name: string;
  given_name: string;
  date_of_birth: string;
  weight_kg: number;
  created_at: number;
}

const toPatientRecord = (row: PatientRow): Omit<Patient, 'sex' | 'heightCm' | 'allergies'> => ({
  id: row.id,
  mrn: row.mrn,
  familyName: row.family_name,
  givenName: row.given_name,
  dateOfBirth: row.date_of_birth,
  weightKg: row.weight_kg,
  createdAt: row.created_at,
});

export function createPatientService({ db, clock, settings, caches }: CoreDeps) {
  const details = createPatientDetails({ db, clock });
  const toPatient = (row: PatientRow): Patient => ({ ...toPatientRecord(row), ...details.of(row.id) });
  const byId = db.prepare<[number], PatientRow>('SELECT * FROM patients WHERE id = ?');
  // Every session list row and live view names the patient; an edit writes a new details row.
  const patientMemo = caches.memo(['patients', 'patient_details'], (id: number): Patient | null => {
    const row = byId.get(id);
    return row ? toPatient(row) : null;
  });
  const byMrn = db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE mrn = ? COLLATE NOCASE');
  const search = db.prepare<{ pattern: string }, PatientRow>(
    `SELECT * FROM patients
     WHERE mrn LIKE :pattern ESCAPE '\\' OR family_name LIKE :pattern ESCAPE '\\' OR given_name LIKE :pattern ESCAPE '\\'
     ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE LIMIT 200`,
  );
  const insert = db.prepare(
    `INSERT INTO patients (mrn, family_name, given_name, date_of_birth, weight_kg, created_at, created_by)
     VALUES (:mrn, :familyName, :givenName, :dateOfBirth, :weightKg, :createdAt, :createdBy)`,
  );

  /** Every refused field at once (the first as the error, the rest in `also`): the front desk corrects them in one go. */
  function checkNewPatient(input: NewPatient, now: number): void {
    const { patientWeightMinKg: min, patientWeightMaxKg: max, patientMaxAgeYears } = settings;
    const refused: AppError[] = [];
    if (input.weightKg < min || input.weightKg > max) {
      refused.push({ code: 'value_out_of_range', message: `Weight ${input.weightKg} kg is outside ${min}-${max} kg`, field: 'weightKg', params: { value: input.weightKg, min, max, unit: 'kg' } });
    } else if (Math.round(input.weightKg * 10) !== input.weightKg * 10) {
      refused.push({ code: 'invalid_request', message: 'Weight takes at most one decimal place', field: 'weightKg', reason: 'too_many_decimals', params: { decimals: 1 } });
    }
    const birth = parseISO(input.dateOfBirth);
    if (birth.getTime() > now) refused.push({ code: 'invalid_request', message: 'The date of birth is in the future', field: 'dateOfBirth', reason: 'date_in_future' });
    else if (differenceInYears(now, birth) > patientMaxAgeYears) {
      refused.push({
        code: 'value_out_of_range',
        message: `A date of birth more than ${patientMaxAgeYears} years ago is not accepted`,
        field: 'dateOfBirth',
        params: { max: patientMaxAgeYears, unit: 'years' },
      });
    }
    const [first, ...also] = refused;
    if (first) fail(also.length === 0 ? first : { ...first, also });
  }

  return {
    create(input: NewPatient, userId: number): Patient {
      const now = clock.now();
      checkNewPatient(input, now);
      return db.transaction(() => {
        const existing = byMrn.get(input.mrn);
        if (existing) {
          fail({ code: 'conflict', message: `MRN ${input.mrn} already belongs to ${existing.family_name}, ${existing.given_name}`, field: 'mrn', reason: 'mrn_taken', params: { name: `${existing.family_name}, ${existing.given_name}` } });
        }
        const { sex, heightCm, allergies, ...record } = input;
        const { lastInsertRowid } = insert.run({ ...record, createdAt: now, createdBy: userId });
        details.record(Number(lastInsertRowid), { sex, heightCm, allergies }, userId);
        return toPatient(byId.get(Number(lastInsertRowid)) as PatientRow);
      })();
    },

    get(id: number): Patient {
      const patient = patientMemo.get(id);
      if (!patient) fail({ code: 'not_found', message: `No patient ${id}`, field: 'patientId' });
      return patient;
    },

    /** A new version of the patient's sex, height or allergies; the earlier one stays in the file. */
    setDetails(patientId: number, input: PatientDetailsInput, userId: number): Patient {
      return db.transaction(() => {
        this.get(patientId);
        details.record(patientId, input, userId);
        return this.get(patientId);
      })();
    },

    list(text: string | undefined): Patient[] {
      const escaped = (text ?? '').replace(/[\\%_]/g, (c) => `\\${c}`);
      return search.all({ pattern: `%${escaped}%` }).map(toPatient);
    },
  };
}

export type PatientService = ReturnType<typeof createPatientService>;
