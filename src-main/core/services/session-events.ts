import type { SessionEvent, SessionEventPayload } from '../../../shared/domain/session-event';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';

interface EventRow {
  id: number;
  session_id: number;
  kind: string;
  observed_at: number;
  recorded_at: number;
  user_name: string;
  payload_json: string;
  retraction_reason: string | null;
  retraction_at: number | null;
  retraction_user_name: string | null;
}

const EVENT_SELECT = `
  SELECT e.*, u.display_name AS user_name,
    r.payload_json AS retraction_payload, r.recorded_at AS retraction_at, ru.display_name AS retraction_user_name
  FROM session_events e
  JOIN users u ON u.id = e.user_id
  LEFT JOIN session_events r ON r.retracts_id = e.id
  LEFT JOIN users ru ON ru.id = r.user_id
  WHERE e.kind <> 'retraction'`;

/** Side effects, medications, notes, rate changes and CADSS-6 assessments; retracted, never deleted. */
export function createSessionEventService({ db, clock, settings }: CoreDeps) {
  const lateAfterMs = settings.lateEntryAfterMinutes * 60_000;
  const toEvent = (row: EventRow & { retraction_payload: string | null }): SessionEvent => ({
    id: row.id,
    sessionId: row.session_id,
    observedAt: row.observed_at,
    recordedAt: row.recorded_at,
    userName: row.user_name,
    event: JSON.parse(row.payload_json) as SessionEventPayload,
    late: row.recorded_at - row.observed_at > lateAfterMs,
    retraction:
      row.retraction_payload === null
        ? null
        : { reason: (JSON.parse(row.retraction_payload) as { reason: string }).reason, at: row.retraction_at ?? 0, userName: row.retraction_user_name ?? '' },
  });
  const ofSession = db.prepare<[number], EventRow & { retraction_payload: string | null }>(`${EVENT_SELECT} AND e.session_id = ? ORDER BY e.observed_at, e.id`);
  const byId = db.prepare<[number], EventRow & { retraction_payload: string | null }>(`${EVENT_SELECT} AND e.id = ?`);
  const insert = db.prepare(
    `INSERT INTO session_events (session_id, kind, observed_at, recorded_at, user_id, payload_json, retracts_id)
     VALUES (:sessionId, :kind, :observedAt, :recordedAt, :userId, :payload, :retractsId)`,
  );

  const authorOf = db.prepare<[number], { user_id: number }>('SELECT user_id FROM session_events WHERE id = ?');

  function get(id: number): SessionEvent {
    const row = byId.get(id);
    if (!row) fail({ code: 'not_found', message: `No session event ${id}`, field: 'eventId' });
    return toEvent(row);
  }

  return {
    /** Who charted an event (to decide who may retract it). */
    authorId: (id: number): number => authorOf.get(id)?.user_id ?? 0,
    get,
    ofSession: (sessionId: number): SessionEvent[] => ofSession.all(sessionId).map(toEvent),

    /** Caller holds the transaction and has checked the session's phase. */
    add(input: { sessionId: number; sessionCreatedAt: number; observedAt: number | undefined; event: SessionEventPayload; userId: number }): SessionEvent {
      const now = clock.now();
      const observedAt = input.observedAt ?? now;
      if (observedAt > now + settings.futureObservationToleranceSeconds * 1000) {
        fail({ code: 'invalid_request', message: 'The time is in the future', field: 'observedAt', reason: 'observed_in_future' });
      }
      if (observedAt < input.sessionCreatedAt) {
        fail({ code: 'invalid_request', message: 'The time is before the session began', field: 'observedAt', reason: 'observed_before_session' });
      }
      const { lastInsertRowid } = insert.run({
        sessionId: input.sessionId,
        kind: input.event.kind,
        observedAt,
        recordedAt: now,
        userId: input.userId,
        payload: JSON.stringify(input.event),
        retractsId: null,
      });
      return get(Number(lastInsertRowid));
    },

    retract(eventId: number, reason: string, userId: number): SessionEvent {
      const event = get(eventId);
      if (event.retraction) fail({ code: 'conflict', message: 'This entry was already taken back', field: 'eventId', reason: 'already_retracted' });
      const now = clock.now();
      insert.run({ sessionId: event.sessionId, kind: 'retraction', observedAt: now, recordedAt: now, userId, payload: JSON.stringify({ reason }), retractsId: eventId });
      return get(eventId);
    },
  };
}

export type SessionEventService = ReturnType<typeof createSessionEventService>;
