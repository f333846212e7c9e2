import type { Override, OverrideKind, Screening, ScreeningInput } from '../../../shared/domain/screening';
import type { CoreDeps } from '../deps';

interface ScreeningRow {
  id: number;
  session_id: number;
  contraindications_json: string;
  co_medications_json: string;
  consent_given: number;
  escort_arranged: number;
  at: number;
  user_name: string;
}

interface OverrideRow {
  id: number;
  session_id: number;
  kind: OverrideKind;
  reason: string;
  at: number;
  user_name: string;
}

const toScreening = (row: ScreeningRow): Screening => ({
  id: row.id,
  sessionId: row.session_id,
  contraindications: JSON.parse(row.contraindications_json) as Screening['contraindications'],
  coMedications: JSON.parse(row.co_medications_json) as Screening['coMedications'],
  consentGiven: row.consent_given === 1,
  escortArranged: row.escort_arranged === 1,
  at: row.at,
  userName: row.user_name,
});

const toOverride = (row: OverrideRow): Override => ({ id: row.id, sessionId: row.session_id, kind: row.kind, reason: row.reason, at: row.at, userName: row.user_name });

/** Pre-infusion screening (each save is a new version) and physician overrides. */
export function createScreeningService({ db, clock }: CoreDeps) {
  const versionsOf = db.prepare<[number], ScreeningRow>(
    'SELECT s.*, u.display_name AS user_name FROM screenings s JOIN users u ON u.id = s.user_id WHERE s.session_id = ? ORDER BY s.id DESC',
  );
  const latestOf = db.prepare<[number], ScreeningRow>(
    'SELECT s.*, u.display_name AS user_name FROM screenings s JOIN users u ON u.id = s.user_id WHERE s.session_id = ? ORDER BY s.id DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO screenings (session_id, contraindications_json, co_medications_json, consent_given, escort_arranged, at, user_id)
     VALUES (:sessionId, :contraindications, :coMedications, :consentGiven, :escortArranged, :at, :userId)`,
  );
  const overridesOf = db.prepare<[number], OverrideRow>(
    'SELECT o.*, u.display_name AS user_name FROM overrides o JOIN users u ON u.id = o.user_id WHERE o.session_id = ? ORDER BY o.id',
  );
  const insertOverride = db.prepare('INSERT INTO overrides (session_id, kind, reason, at, user_id) VALUES (:sessionId, :kind, :reason, :at, :userId)');

  return {
    latest(sessionId: number): Screening | null {
      const row = latestOf.get(sessionId);
      return row ? toScreening(row) : null;
    },
    record(input: ScreeningInput, userId: number): void {
      insert.run({
        sessionId: input.sessionId,
        contraindications: JSON.stringify(input.contraindications),
        coMedications: JSON.stringify(input.coMedications),
        consentGiven: input.consentGiven ? 1 : 0,
        escortArranged: input.escortArranged ? 1 : 0,
        at: clock.now(),
        userId,
      });
    },
    overrides: (sessionId: number): Override[] => overridesOf.all(sessionId).map(toOverride),

    /**
     * When the current set of positive contraindications was first recorded. An override
     * given since then covers it; re-saving the screening with the same answers (ticking
     * "escort arranged", say) does not void it, a changed answer does.
     */
    positiveSetSince(sessionId: number): number | null {
      const versions = versionsOf.all(sessionId).map(toScreening);
      const positives = (s: Screening) => Object.entries(s.contraindications).filter(([, yes]) => yes).map(([key]) => key).sort().join(',');
      const current = versions[0];
      if (!current) return null;
      let since = current.at;
      for (const version of versions.slice(1)) {
        if (positives(version) !== positives(current)) break;
        since = version.at;
      }
      return since;
    },
    addOverride(sessionId: number, kind: OverrideKind, reason: string, userId: number): void {
      insertOverride.run({ sessionId, kind, reason, at: clock.now(), userId });
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreeningService>;
