import type { PatientDetails, PatientDetailsInput } from '../../../shared/domain/patient';
import type { CoreDeps } from '../deps';

interface DetailsRow {
  sex: PatientDetails['sex'];
  height_cm: number | null;
  allergies: string;
}

const NONE: PatientDetails = { sex: null, heightCm: null, allergies: '' };

/** A patient's sex, height and allergies: every change a new dated row (who, when), the newest current. */
export function createPatientDetails({ db, clock }: Pick<CoreDeps, 'db' | 'clock'>) {
  const latestOf = db.prepare<[number], DetailsRow>('SELECT sex, height_cm, allergies FROM patient_details WHERE patient_id = ? ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO patient_details (patient_id, sex, height_cm, allergies, at, user_id) VALUES (:patientId, :sex, :heightCm, :allergies, :at, :userId)`,
  );
  return {
    of(patientId: number): PatientDetails {
      const row = latestOf.get(patientId);
      return row ? { sex: row.sex, heightCm: row.height_cm, allergies: row.allergies } : NONE;
    },
    /** Records the details given (the rest kept as they were); nothing when none is given. Callers hold the transaction. */
    record(patientId: number, input: PatientDetailsInput, userId: number): void {
      if (input.sex === undefined && input.heightCm === undefined && input.allergies === undefined) return;
      const current = this.of(patientId);
      insert.run({
        patientId,
        sex: input.sex ?? current.sex,
        heightCm: input.heightCm ?? current.heightCm,
        allergies: input.allergies ?? current.allergies,
        at: clock.now(),
        userId,
      });
    },
  };
}
