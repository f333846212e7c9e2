import type { Reading } from '../../../shared/domain/reading';
import type { SessionRecord } from '../../../shared/domain/reports';
import type { Services } from '../services';
import type { RecordQueries } from './record-queries';

/** The technical alerts that stand for a scheduled check not done in time. */
export const MISSED_CHECK_CONDITIONS: readonly string[] = ['vitalsOverdue', 'bpCheckpointOverdue'];

/** One session's whole signed record (the shape is the contract's, so the record screen shows the same model). */
export type { SessionRecord };

export function createSessionRecords(services: Services, queries: RecordQueries, clinicName: () => string) {
  return {
    /** Read from the services, never from a screen's view. */
    build(sessionId: number): SessionRecord {
      const now = services.clock.now();
      const session = services.sessions.get(sessionId);
      const phaseEvents = services.sessions.phaseEvents(sessionId);
      const events = services.sessionEvents.ofSession(sessionId);
      const doseOrder = services.doseOrders.latest(sessionId);
      const delivered = doseOrder ? services.doseOrders.delivered(doseOrder, phaseEvents, events, now) : null;
      const readings = services.readings.ofSession(sessionId);
      const alerts = services.alerts.ofSession(sessionId);
      return {
        clinicName: clinicName(),
        generatedAt: now,
        session,
        patient: services.patients.get(session.patientId),
        protocol: session.protocolId === null ? null : services.protocols.get(session.protocolId),
        timer: services.sessions.timerOf(session, now),
        phaseEvents,
        doseOrder,
        rateChanges: events.flatMap((e) =>
          e.retraction === null && e.event.kind === 'rateChange' ? [{ at: e.observedAt, rateMlPerHour: e.event.rateMlPerHour, userName: e.userName, overrideReason: e.event.overrideReason ?? null }] : [],
        ),
        delivered: delivered ? { volumeMl: delivered.volumeMl, doseMg: delivered.doseMg } : null,
        screening: services.screenings.latest(sessionId),
        overrides: services.screenings.overrides(sessionId),
        readings,
        standing: readings.filter((r) => r.supersededById === null),
        events,
        alerts,
        checkpoints: services.monitoring.dueChecks(session, now).checkpoints,
        missedChecks: alerts.filter((a) => a.kind === 'technical' && MISSED_CHECK_CONDITIONS.includes(a.parameter)),
        discharge: services.discharge.latest(sessionId),
        signature: queries.closingSignature(sessionId),
        audit: queries.auditAnchor(sessionId),
        earlierSessionCount: services.sessions.ofPatient(session.patientId).filter((s) => s.createdAt < session.createdAt || (s.createdAt === session.createdAt && s.id < session.id)).length,
      };
    },
  };
}

export type SessionRecords = ReturnType<typeof createSessionRecords>;

/** The reading a correction replaced, and so on back to the original (newest first). */
export function correctionHistory(record: SessionRecord, reading: Reading): Reading[] {
  const byId = new Map(record.readings.map((r) => [r.id, r]));
  const history: Reading[] = [];
  let previous = reading.supersedesId === null ? undefined : byId.get(reading.supersedesId);
  while (previous) {
    history.push(previous);
    previous = previous.supersedesId === null ? undefined : byId.get(previous.supersedesId);
  }
  return history;
}

/** How a standing reading reads in an export: as first entered, corrected, or marked as an artifact. */
export function readingStatus(reading: Reading): 'original' | 'corrected' | 'artifact' | 'corrected-artifact' {
  if (reading.artifact !== null) return reading.supersedesId === null ? 'artifact' : 'corrected-artifact';
  return reading.supersedesId === null ? 'original' : 'corrected';
}
