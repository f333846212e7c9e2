import { phq9Band, scorePhq9, type Phq9Answers } from '../../../shared/clinical/phq9';
import type { Phq9Record } from '../../../shared/domain/phq9';
import type { CoreDeps } from '../deps';

interface Phq9Row {
  id: number;
  session_id: number;
  answers_json: string;
  total: number;
  self_harm_flag: number;
  at: number;
  user_name: string;
}

const toRecord = (row: Phq9Row): Phq9Record => ({
  id: row.id,
  sessionId: row.session_id,
  answers: JSON.parse(row.answers_json) as Phq9Answers,
  total: row.total,
  band: phq9Band(row.total),
  selfHarmFlag: row.self_harm_flag === 1,
  at: row.at,
  userName: row.user_name,
});

/** PHQ-9 questionnaires, one or more per session (the newest counts); each is a new row. */
export function createPhq9Service({ db, clock }: CoreDeps) {
  const latestOf = db.prepare<[number], Phq9Row>(
    'SELECT p.*, u.display_name AS user_name FROM phq9_assessments p JOIN users u ON u.id = p.user_id WHERE p.session_id = ? ORDER BY p.id DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO phq9_assessments (session_id, answers_json, total, self_harm_flag, at, user_id)
     VALUES (:sessionId, :answers, :total, :selfHarmFlag, :at, :userId)`,
  );
  return {
    latest(sessionId: number): Phq9Record | null {
      const row = latestOf.get(sessionId);
      return row ? toRecord(row) : null;
    },
    /** Stores the answers with their score; returns the score so the caller can flag item 9. */
    record(input: { sessionId: number; answers: Phq9Answers }, userId: number) {
      const score = scorePhq9(input.answers);
      insert.run({
        sessionId: input.sessionId,
        answers: JSON.stringify(input.answers),
        total: score.total,
        selfHarmFlag: score.selfHarmFlag ? 1 : 0,
        at: clock.now(),
        userId,
      });
      return score;
    },
  };
}

export type Phq9Service = ReturnType<typeof createPhq9Service>;
