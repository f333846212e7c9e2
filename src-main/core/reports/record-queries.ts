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
  const signature = db.prepare<[number], { at: number; name: string; username: string; id: number }>(
    `SELECT g.at, u.display_name AS name, u.username, g.id FROM signatures g JOIN users u ON u.id = g.user_id
     WHERE g.session_id = ? ORDER BY g.id DESC LIMIT 1`,
  );
  // The audit entry that recorded a row (its first), and the chain's newest entry.
  const recordedBy = db.prepare<[string, number], { seq: number; hash: string }>(
    'SELECT a.seq, a.hash FROM audit_rows r JOIN audit_log a ON a.seq = r.seq WHERE r.tbl = ? AND r.rid = ? ORDER BY r.seq LIMIT 1',
  );
  const chainHead = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const patientsMatching = db.prepare<[string, string, string], { id: number }>(
    `SELECT id FROM patients WHERE mrn LIKE ? ESCAPE '\\' OR family_name LIKE ? ESCAPE '\\' OR given_name LIKE ? ESCAPE '\\'`,
  );

  return {
    /** Sessions opened in [fromAt, toAt), oldest first. */
    sessionsCreatedIn(fromAt: number, toAt: number): SessionInRange[] {
      return inRange.all(fromAt, toAt).map((row) => ({ id: row.id, patientId: row.patient_id, createdAt: row.created_at, phase: row.phase }));
    },
    closingSignature(sessionId: number): { at: number; name: string; username: string } | null {
      const row = signature.get(sessionId);
      return row ? { at: row.at, name: row.name, username: row.username } : null;
    },
    /**
     * Where the record stands in the audit chain: the entry that recorded the closing
     * signature, and the chain's head as the report is made (`verify` can later show the file
     * still holds both, unchanged).
     */
    auditAnchor(sessionId: number): { signatureEntry: { seq: number; hash: string } | null; head: { seq: number; hash: string } | null } {
      const row = signature.get(sessionId);
      return { signatureEntry: row ? (recordedBy.get('signatures', row.id) ?? null) : null, head: chainHead.get() ?? null };
    },
    /** Patients whose MRN or name contains `text` (case-insensitive). */
    patientIdsMatching(text: string): Set<number> {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return new Set(patientsMatching.all(pattern, pattern, pattern).map((row) => row.id));
    },
  };
}

export type RecordQueries = ReturnType<typeof createRecordQueries>;
