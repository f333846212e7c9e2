import { PRIORITY_RANK } from '../../../shared/clinical/alert-rules';
import { NEWS2_MINIMUM_PARAMETERS } from '../../../shared/clinical/news2-reading';
import type { Alert } from '../../../shared/domain/alert';
import { isCurrentReading } from '../../../shared/domain/reading';
import type { Session } from '../../../shared/domain/session';
import type { PatientHistory, PatientHistoryEntry, SessionDetail, SessionLive, SessionSummary } from '../../../shared/domain/views';
import { SESSION_GET_ALERTS_MAX, SESSION_GET_READINGS_MAX } from '../../../shared/domain/reading-views';
import type { AlertService } from './alerts';
import type { DischargeService } from './discharge';
import type { DoseOrderService } from './dose-orders';
import type { Monitoring } from './monitoring';
import type { PatientService } from './patients';
import type { Phq9Service } from './phq9';
import type { ProtocolService } from './protocols';
import type { ReadingService } from './readings';
import type { ScreeningService } from './screenings';
import type { SessionEventService } from './session-events';
import type { SessionWorkflow } from './session-workflow';
import type { SessionService } from './sessions';

const RECENT_WINDOW_MS = 24 * 60 * 60_000;

export function highestPriority(alerts: readonly Alert[]): Alert | null {
  return alerts.reduce<Alert | null>((best, alert) => {
    if (!best) return alert;
    const diff = PRIORITY_RANK[alert.priority] - PRIORITY_RANK[best.priority];
    return diff > 0 || (diff === 0 && alert.raisedAt < best.raisedAt) ? alert : best;
  }, null);
}

export interface ViewSources {
  sessions: SessionService;
  patients: PatientService;
  readings: ReadingService;
  alerts: AlertService;
  protocols: ProtocolService;
  doseOrders: DoseOrderService;
  screenings: ScreeningService;
  sessionEvents: SessionEventService;
  discharge: DischargeService;
  phq9: Phq9Service;
  monitoring: Monitoring;
  workflow: SessionWorkflow;
  /** Read at each view: the clinic may change it while a session is open. */
  minimumAldreteScore(): number;
}

const peak = (values: readonly (number | undefined)[]): number | null => {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length === 0 ? null : Math.max(...present);
};

/** Read models for the screens: a session list row, the whole session screen, a patient's course. */
export function createSessionViews(s: ViewSources) {
  function summary(session: Session, now: number): SessionSummary {
    const active = s.alerts.activeOfSession(session.id);
    const latestReading = s.readings.newestCurrent(session.id);
    // The newest current reading, when complete enough for NEWS2, is the newest scored one too: no second look-up.
    const latestScored = latestReading && NEWS2_MINIMUM_PARAMETERS.every((p) => latestReading.values[p] !== undefined) ? latestReading : s.readings.newestCurrentScored(session.id);

    return {
      session,
      patient: s.patients.get(session.patientId),
      timer: s.sessions.timerOf(session, now),
      latestReading,
      highestActiveAlert: highestPriority(active),
      activeAlertCount: active.length,
      latestNews2: latestScored?.news2 ?? null,
      // Once someone has seen it, an escalated alert no longer calls for the physician.
      escalated: active.some((a) => a.escalatedAt !== null && a.acknowledgedAt === null),
    };
  }

  function live(session: Session, now: number): SessionLive {
    const summaryRow = summary(session, now);
    const doseOrder = s.doseOrders.latest(session.id);
    const delivered = doseOrder ? s.doseOrders.snapshot(doseOrder, s.sessions.phaseEvents(session.id), s.sessionEvents.ofSession(session.id), now) : null;
    return {
      summary: summaryRow,
      dueChecks: s.monitoring.dueChecks(session, now),
      startBlockers: session.phase === 'screening' ? s.workflow.startBlockers(session) : [],
      dischargeBlockers: session.phase === 'recovery' ? s.workflow.dischargeBlockers(session, summaryRow.timer) : [],
      delivered,
    };
  }

  return {
    /** The parts of a session that change with each commit (see SessionLive); constant cost. */
    live: (sessionId: number, now: number): SessionLive => live(s.sessions.get(sessionId), now),

    list(scope: 'open' | 'recent', now: number): SessionSummary[] {
      const list = scope === 'open' ? s.sessions.open() : s.sessions.recent(now - RECENT_WINDOW_MS);
      return list.map((session) => summary(session, now));
    },

    detail(sessionId: number, now: number): SessionDetail {
      const session = s.sessions.get(sessionId);
      const timer = s.sessions.timerOf(session, now);
      const phaseEvents = s.sessions.phaseEvents(sessionId);
      const events = s.sessionEvents.ofSession(sessionId);
      const doseOrder = s.doseOrders.latest(sessionId);
      const delivered = doseOrder ? s.doseOrders.snapshot(doseOrder, phaseEvents, events, now) : null;
      return {
        session,
        patient: s.patients.get(session.patientId),
        timer,
        phaseEvents,
        ...s.readings.newestRows(sessionId, SESSION_GET_READINGS_MAX),
        ...s.alerts.forScreen(sessionId, SESSION_GET_ALERTS_MAX),
        protocol: session.protocolId === null ? null : s.protocols.get(session.protocolId),
        doseOrder,
        delivered,
        screening: s.screenings.latest(sessionId),
        overrides: s.screenings.overrides(sessionId),
        events,
        dischargeAssessment: s.discharge.latest(sessionId),
        phq9: s.phq9.latest(sessionId),
        startBlockers: session.phase === 'screening' ? s.workflow.startBlockers(session) : [],
        dischargeBlockers: session.phase === 'recovery' ? s.workflow.dischargeBlockers(session, timer) : [],
        minimumAldreteScore: s.minimumAldreteScore(),
        dueChecks: s.monitoring.dueChecks(session, now),
        signedByName: s.sessions.signerName(sessionId),
      };
    },

    patientHistory(patientId: number, now: number): PatientHistory {
      const patient = s.patients.get(patientId);
      const entries: PatientHistoryEntry[] = s.sessions.ofPatient(patientId).map((session) => {
        const readings = s.readings.ofSession(session.id).filter(isCurrentReading);
        const alerts = s.alerts.ofSession(session.id);
        const count = (priority: Alert['priority']) => alerts.filter((a) => a.priority === priority).length;
        return {
          session,
          protocolName: session.protocolId === null ? null : s.protocols.get(session.protocolId).name,
          totalDoseMg: s.doseOrders.latest(session.id)?.totalDoseMg ?? null,
          infusionStartedAt: s.sessions.timerOf(session, now).infusionStartedAt,
          peakSystolicMmHg: peak(readings.map((r) => r.values.systolicMmHg)),
          peakDiastolicMmHg: peak(readings.map((r) => r.values.diastolicMmHg)),
          peakDissociationLevel: peak(readings.map((r) => r.values.dissociationLevel)),
          lowestMoaasScore: readings.reduce<number | null>((low, r) => (r.values.moaasScore === undefined ? low : Math.min(low ?? r.values.moaasScore, r.values.moaasScore)), null),
          dosePerKg: s.doseOrders.latest(session.id)?.dosePerKg ?? null,
          phq9: s.phq9.latest(session.id),
          alertCounts: { high: count('high'), medium: count('medium'), low: count('low') },
        };
      });
      return { patient, sessions: entries };
    },
  };
}

export type SessionViews = ReturnType<typeof createSessionViews>;
