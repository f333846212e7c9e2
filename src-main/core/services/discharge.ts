import { scoreAldrete, type AldreteScore } from '../../../shared/clinical/aldrete';
import type { DischargeAssessment } from '../../../shared/domain/discharge';
import type { CoreDeps } from '../deps';

interface AssessmentRow {
  id: number;
  session_id: number;
  aldrete_json: string;
  aldrete_total: number;
  escort_present: number;
  no_driving_instruction_given: number;
  at: number;
  user_name: string;
}

const toAssessment = (row: AssessmentRow): DischargeAssessment => ({
  id: row.id,
  sessionId: row.session_id,
  aldrete: JSON.parse(row.aldrete_json) as AldreteScore,
  aldreteTotal: row.aldrete_total,
  escortPresent: row.escort_present === 1,
  noDrivingInstructionGiven: row.no_driving_instruction_given === 1,
  at: row.at,
  userName: row.user_name,
});

/** Discharge assessments (modified Aldrete, escort, no-driving instruction); each is a new row. */
export function createDischargeService(deps: CoreDeps) {
  const { db, clock } = deps;
  const latestOf = db.prepare<[number], AssessmentRow>(
    'SELECT d.*, u.display_name AS user_name FROM discharge_assessments d JOIN users u ON u.id = d.user_id WHERE d.session_id = ? ORDER BY d.id DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO discharge_assessments (session_id, aldrete_json, aldrete_total, escort_present, no_driving_instruction_given, at, user_id)
     VALUES (:sessionId, :aldrete, :total, :escortPresent, :noDriving, :at, :userId)`,
  );
  return {
    latest(sessionId: number): DischargeAssessment | null {
      const row = latestOf.get(sessionId);
      return row ? toAssessment(row) : null;
    },
    record(input: { sessionId: number; aldrete: AldreteScore; escortPresent: boolean; noDrivingInstructionGiven: boolean }, userId: number): void {
      insert.run({
        sessionId: input.sessionId,
        aldrete: JSON.stringify(input.aldrete),
        total: scoreAldrete(input.aldrete, deps.dischargeCriteria).total,
        escortPresent: input.escortPresent ? 1 : 0,
        noDriving: input.noDrivingInstructionGiven ? 1 : 0,
        at: clock.now(),
        userId,
      });
    },
  };
}

export type DischargeService = ReturnType<typeof createDischargeService>;
