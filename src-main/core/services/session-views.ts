import { PRIORITY_RANK } from '../../../shared/clinical/alert-rules';
import type { Alert } from '../../../shared/domain/alert';
import type { SessionDetail, SessionSummary } from '../../../shared/domain/views';
import type { Session } from '../../../shared/domain/session';
import type { AlertService } from './alerts';
import type { PatientService } from './patients';
import type { ReadingService } from './readings';
import type { SessionService } from './sessions';

const RECENT_WINDOW_MS = 24 * 60 * 60_000;

export function highestPriority(alerts: readonly Alert[]): Alert | null {
  return alerts.reduce<Alert | null>((best, alert) => {
    if (!best) return alert;
    const diff = PRIORITY_RANK[alert.priority] - PRIORITY_RANK[best.priority];
    return diff > 0 || (diff === 0 && alert.raisedAt < best.raisedAt) ? alert : best;
  }, null);
}

/** Read models for the screens: a session list row, and the whole session screen. */
export function createSessionViews(sessions: SessionService, patients: PatientService, readings: ReadingService, alerts: AlertService) {
  function summary(session: Session, now: number): SessionSummary {
    const active = alerts.activeOfSession(session.id);
    return {
      session,
      patient: patients.get(session.patientId),
      timer: sessions.timerOf(session, now),
      latestReading: readings.currentOfSession(session.id).at(-1) ?? null,
      highestActiveAlert: highestPriority(active),
      activeAlertCount: active.length,
    };
  }

  return {
    list(scope: 'open' | 'recent', now: number): SessionSummary[] {
      const list = scope === 'open' ? sessions.open() : sessions.recent(now - RECENT_WINDOW_MS);
      return list.map((session) => summary(session, now));
    },

    detail(sessionId: number, now: number): SessionDetail {
      const session = sessions.get(sessionId);
      return {
        session,
        patient: patients.get(session.patientId),
        timer: sessions.timerOf(session, now),
        phaseEvents: sessions.phaseEvents(sessionId),
        readings: readings.ofSession(sessionId),
        alerts: alerts.ofSession(sessionId),
      };
    },
  };
}

export type SessionViews = ReturnType<typeof createSessionViews>;
