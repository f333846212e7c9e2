import { ACTIONS_NEEDING_REASON, nextPhase } from '../../../shared/clinical/phase-machine';
import { computeSessionTimer, infusionStartOf } from '../../../shared/clinical/session-timer';
import { compareChairs } from '../../../shared/domain/chair-order';
import type { NewSession, PhaseEvent, Session, SessionTimer } from '../../../shared/domain/session';
import { OPEN_PHASES, RUNNING_PHASES, type Phase, type PhaseAction } from '../../../shared/domain/phase';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import type { PatientService } from './patients';

interface SessionRow {
  id: number;
  patient_id: number;
  chair: string;
  weight_kg: number;
  planned_infusion_minutes: number | null;
  protocol_id: number | null;
  created_at: number;
  created_by: number;
  phase: Phase;
}

interface PhaseEventRow {
  id: number;
  session_id: number;
  from_phase: Phase | null;
  to_phase: Phase;
  at: number;
  user_id: number;
  user_name: string;
  reason: string | null;
}

const toSession = (row: SessionRow): Session => ({
  id: row.id,
  patientId: row.patient_id,
  chair: row.chair,
  weightKg: row.weight_kg,
  plannedInfusionMinutes: row.planned_infusion_minutes,
  protocolId: row.protocol_id,
  phase: row.phase,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const toPhaseEvent = (row: PhaseEventRow): PhaseEvent => ({
  id: row.id,
  sessionId: row.session_id,
  fromPhase: row.from_phase,
  toPhase: row.to_phase,
  at: row.at,
  userId: row.user_id,
  userName: row.user_name,
  reason: row.reason,
});

const sqlList = (phases: readonly Phase[]) => phases.map((phase) => `'${phase}'`).join(',');

const byChair = (a: Session, b: Session): number => compareChairs(a.chair, b.chair) || a.id - b.id;

// The current phase is the newest phase event; sessions themselves are never updated.
const SESSION_SELECT = `
  SELECT s.*, (SELECT to_phase FROM phase_events p WHERE p.session_id = s.id ORDER BY p.id DESC LIMIT 1) AS phase
  FROM sessions s`;

export function createSessionService(deps: CoreDeps, patients: PatientService) {
  const { db, clock, settings } = deps;
  const byId = db.prepare<[number], SessionRow>(`${SESSION_SELECT} WHERE s.id = ?`);
  const inPhases = (phases: readonly Phase[]) =>
    db.prepare<[], SessionRow>(`SELECT * FROM (${SESSION_SELECT}) WHERE phase IN (${sqlList(phases)}) ORDER BY id`);
  const open = inPhases(OPEN_PHASES);
  // The open sessions are read on every tick (several times), each sweep, each monitor message
  // and session/list, and their query scans every stored session (10,000 finished ones: ~7 ms):
  // kept until a session or a phase event is written, so they cost the same at any file size.
  const openRows = deps.caches.memo(['sessions', 'phase_events'], (): SessionRow[] => open.all());
  const recent = db.prepare<[number], SessionRow>(
    `SELECT * FROM (${SESSION_SELECT}) WHERE created_at >= ? OR phase IN (${sqlList(OPEN_PHASES)}) ORDER BY created_at DESC LIMIT 200`,
  );
  const eventsOf = db.prepare<[number], PhaseEventRow>(
    `SELECT p.*, u.display_name AS user_name FROM phase_events p JOIN users u ON u.id = p.user_id WHERE p.session_id = ? ORDER BY p.id`,
  );
  const insertSession = db.prepare(
    `INSERT INTO sessions (patient_id, chair, weight_kg, planned_infusion_minutes, protocol_id, created_at, created_by)
     VALUES (:patientId, :chair, :weightKg, :plannedInfusionMinutes, :protocolId, :createdAt, :createdBy)`,
  );
  const insertSignature = db.prepare('INSERT INTO signatures (session_id, meaning, at, user_id) VALUES (?, ?, ?, ?)');
  const signerOf = db.prepare<[number], { name: string }>(
    'SELECT u.display_name AS name FROM signatures g JOIN users u ON u.id = g.user_id WHERE g.session_id = ? ORDER BY g.id DESC LIMIT 1',
  );
  const ofPatient = db.prepare<[number], SessionRow>(`${SESSION_SELECT} WHERE s.patient_id = ? ORDER BY s.created_at DESC`);
  const insertEvent = db.prepare(
    `INSERT INTO phase_events (session_id, from_phase, to_phase, at, user_id, reason) VALUES (:sessionId, :fromPhase, :toPhase, :at, :userId, :reason)`,
  );

  // Read on every charting call and every live view; written only at a phase change (or a new session).
  const sessionMemo = deps.caches.memo(['sessions', 'phase_events'], (id: number) => {
    const row = byId.get(id);
    return row ? toSession(row) : null;
  });
  const phaseEventsMemo = deps.caches.memo(['phase_events', 'users'], (sessionId: number) => eventsOf.all(sessionId).map(toPhaseEvent));

  function get(id: number): Session {
    const session = sessionMemo.get(id);
    if (!session) fail({ code: 'not_found', message: `No session ${id}`, field: 'sessionId' });
    return session;
  }

  function phaseEvents(sessionId: number): PhaseEvent[] {
    return phaseEventsMemo.get(sessionId);
  }

  function timerOf(session: Session, now = clock.now()): SessionTimer {
    const planned = session.plannedInfusionMinutes === null ? null : session.plannedInfusionMinutes * 60_000;
    return computeSessionTimer(session.id, phaseEvents(session.id), now, planned);
  }

  return {
    get,
    phaseEvents,
    timerOf,
    /** The timer's infusionStartedAt alone (the alert engine's baseline asks it on every reading). */
    infusionStartedAt: (session: Session): number | null => infusionStartOf(phaseEvents(session.id)),

    /** `plannedInfusionMinutes` comes from the protocol when there is one. */
    create(input: NewSession & { protocolDurationMinutes?: number }, userId: number): Session {
      const patient = patients.get(input.patientId);
      const weightKg = input.weightKg ?? patient.weightKg;
      if (weightKg < settings.patientWeightMinKg || weightKg > settings.patientWeightMaxKg) {
        fail({
          code: 'value_out_of_range',
          message: `Weight ${weightKg} kg is outside ${settings.patientWeightMinKg}-${settings.patientWeightMaxKg} kg`,
          field: 'weightKg',
          params: { value: weightKg, min: settings.patientWeightMinKg, max: settings.patientWeightMaxKg, unit: 'kg' },
        });
      }
      return db.transaction(() => {
        const openSessions = open.all().map(toSession);
        const samePatient = openSessions.find((s) => s.patientId === patient.id);
        if (samePatient) {
          fail({ code: 'conflict', message: `This patient already has an open session in ${samePatient.chair}`, field: 'patientId', reason: 'patient_has_open_session', params: { chair: samePatient.chair } });
        }
        const sameChair = openSessions.find((s) => s.chair.toLocaleLowerCase() === input.chair.toLocaleLowerCase());
        if (sameChair) {
          fail({ code: 'conflict', message: `${sameChair.chair} already has an open session`, field: 'chair', reason: 'chair_in_use', params: { chair: sameChair.chair } });
        }
        const now = clock.now();
        const { lastInsertRowid } = insertSession.run({
          patientId: patient.id,
          chair: input.chair,
          weightKg,
          plannedInfusionMinutes: input.protocolDurationMinutes ?? input.plannedInfusionMinutes ?? null,
          protocolId: input.protocolId ?? null,
          createdAt: now,
          createdBy: userId,
        });
        const sessionId = Number(lastInsertRowid);
        insertEvent.run({ sessionId, fromPhase: null, toPhase: 'screening', at: now, userId, reason: null });
        return get(sessionId);
      })();
    },

    transition(sessionId: number, action: PhaseAction, reason: string | undefined, userId: number): { session: Session; timer: SessionTimer } {
      if (ACTIONS_NEEDING_REASON.includes(action) && !reason) {
        fail({ code: 'invalid_request', message: `${action} needs a reason`, field: 'reason', reason: 'reason_required' });
      }
      return db.transaction(() => {
        const session = get(sessionId);
        const to = nextPhase(session.phase, action);
        if (!to) {
          fail({
            code: 'invalid_transition',
            message: `Cannot ${action} a session that is ${session.phase}`,
            field: 'action',
            params: { action, phase: session.phase },
          });
        }
        const now = clock.now();
        insertEvent.run({ sessionId, fromPhase: session.phase, toPhase: to, at: now, userId, reason: reason ?? null });
        const updated = get(sessionId);
        return { session: updated, timer: timerOf(updated, now) };
      })();
    },

    sign(sessionId: number, meaning: 'close', userId: number): void {
      insertSignature.run(sessionId, meaning, clock.now(), userId);
    },

    signerName: (sessionId: number): string | null => signerOf.get(sessionId)?.name ?? null,
    ofPatient: (patientId: number): Session[] => ofPatient.all(patientId).map(toSession),

    /** Open sessions in chair order ("Chair 2" before "Chair 10"). */
    open: (): Session[] => openRows.get(undefined).map(toSession).sort(byChair),
    recent: (sinceAt: number): Session[] => recent.all(sinceAt).map(toSession),

    runningTimers(now = clock.now()): SessionTimer[] {
      return openRows
        .get(undefined)
        .filter((row) => RUNNING_PHASES.includes(row.phase))
        .map((row) => timerOf(toSession(row), now));
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
