import type { Database } from 'better-sqlite3';
import type { Phase } from '../../../shared/domain/phase';

/** What the services do not already answer: sessions by date range, and the closing signature's moment. */
export interface SessionInRange {
  id: number;
  patientId: number;
  createdAt: number;
  phase: Phase;
}

export function createRecordQueries(db: Database) {
  // The current phase is the newest phase event (sessions are never updated).
  const inRange = db.prepare<[number, number], { id: number; patient_id: number; created_at: number; phase: Phase }>(
    `SELECT s.id, s.patient_id, s.created_at,
       (SELECT to_phase FROM phase_events p WHERE p.session_id = s.id ORDER BY p.id DESC LIMIT 1) AS phase
     FROM sessions s WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.created_at, s.id`,
  );
  const signature = db.prepare<[number], { at: number; name: string; username: string }>(
    `SELECT g.at, u.display_name AS name, u.username FROM signatures g JOIN users u ON u.id = g.user_id
     WHERE g.session_id = ? ORDER BY g.id DESC LIMIT 1`,
  );
  const patientsMatching = db.prepare<[string, string, string], { id: number }>(
    `SELECT id FROM patients WHERE mrn LIKE ? ESCAPE '\\' OR family_name LIKE ? ESCAPE '\\' OR given_name LIKE ? ESCAPE '\\'`,
  );

  return {
    /** Sessions opened in [fromAt, toAt), oldest first. */
    sessionsCreatedIn(fromAt: number, toAt: number): SessionInRange[] {
      return inRange.all(fromAt, toAt).map((row) => ({ id: row.id, patientId: row.patient_id, createdAt: row.created_at, phase: row.phase }));
    },
    closingSignature(sessionId: number): { at: number; name: string; username: string } | null {
      return signature.get(sessionId) ?? null;
    },
    /** Patients whose MRN or name contains `text` (case-insensitive). */
    patientIdsMatching(text: string): Set<number> {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return new Set(patientsMatching.all(pattern, pattern, pattern).map((row) => row.id));
    },
  };
}

export type RecordQueries = ReturnType<typeof createRecordQueries>;
