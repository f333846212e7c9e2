import type { VitalParameter } from '../../../shared/clinical/parameters';
import type { Alert } from '../../../shared/domain/alert';
import { OPEN_PHASES } from '../../../shared/domain/phase';
import type { NewReading, Reading, ReadingAnnotation, ReadingValues } from '../../../shared/domain/reading';
import type { Session } from '../../../shared/domain/session';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import type { AlertRuleService } from './alert-rules';
import type { AlertService, ClearReason } from './alerts';
import type { ReadingService } from './readings';
import type { SessionService } from './sessions';

export interface ChartingResult {
  reading: Reading;
  alerts: Alert[];
}

/** Readings stored in a caller's transaction, and the alerts they changed, to publish after its commit. */
export interface ChartedBatch {
  readings: Reading[];
  changedAlertIds: number[];
}

export interface MonitorValues {
  observedAt: number;
  values: ReadingValues;
  confirmed: VitalParameter[];
  monitor: { deviceId: string; messageId: number };
}

/**
 * Charting: a reading, a correction or an artifact mark is validated, stored and applied to
 * the alerts in one transaction, and only then are the windows told. The caller answers the
 * nurse after this returns, i.e. after the commit.
 */
export function createChartingService(deps: CoreDeps, sessions: SessionService, readings: ReadingService, alerts: AlertService, alertRules: AlertRuleService) {
  const { db, bus } = deps;
  // Built once: better-sqlite3 builds a transaction's wrappers each time db.transaction is called.
  const inTransaction = db.transaction((write: () => { reading: Reading; changedAlertIds: number[] }) => write());

  function requireChartable(session: Session): void {
    if (!OPEN_PHASES.includes(session.phase) || session.phase === 'discharged') {
      fail({
        code: 'invalid_transition',
        message: `Readings cannot be added to a session that is ${session.phase}`,
        field: 'sessionId',
        reason: 'session_not_chartable',
        params: { phase: session.phase },
      });
    }
  }

  function reconcile(session: Session, trigger: Reading | null, clearReason: ClearReason): number[] {
    return alerts.reconcile({
      sessionId: session.id,
      rules: alertRules.effectiveRules(session),
      state: readings.state(session.id),
      infusionStartedAt: sessions.infusionStartedAt(session),
      trigger,
      clearReason,
    });
  }

  /** Runs one charting write in a transaction, then publishes what changed. */
  function commit(write: () => { reading: Reading; changedAlertIds: number[] }): ChartingResult {
    let written: { reading: Reading; changedAlertIds: number[] };
    try {
      // Inside an act (every contract call) its transaction is the unit: a failure here rolls
      // the whole act back, so a savepoint of its own would only cost two statements more.
      written = deps.acts.inAct ? write() : inTransaction(write);
    } catch (error) {
      // The incremental state may hold what was just rolled back: rebuild it from the record.
      readings.invalidateState();
      throw error;
    }
    const { reading, changedAlertIds } = written;
    const changedAlerts = [...new Set(changedAlertIds)].map((id) => alerts.get(id));
    bus.emit('reading/added', reading);
    for (const alert of changedAlerts) bus.emit('alert/changed', alert);
    return { reading, alerts: changedAlerts };
  }

  return {
    /**
     * A monitor message's readings for a session; the caller holds the transaction (the
     * message row and its readings commit together) and publishes the batch after it.
     */
    chartMonitorValues(session: Session, values: readonly MonitorValues[], userId: number): ChartedBatch {
      requireChartable(session);
      const batch: ChartedBatch = { readings: [], changedAlertIds: [] };
      for (const input of values) {
        const stored = readings.store({ sessionId: session.id, sessionCreatedAt: session.createdAt, onSupplementalOxygen: undefined, userId, ...input });
        batch.readings.push(stored);
        batch.changedAlertIds.push(...reconcile(session, stored, 'cleared'));
      }
      return batch;
    },

    publish(batch: ChartedBatch): void {
      for (const reading of batch.readings) bus.emit('reading/added', reading);
      for (const id of new Set(batch.changedAlertIds)) bus.emit('alert/changed', alerts.get(id));
    },

    /**
     * Re-applies the rules to a session without a new reading: after a rule change, and on
     * each tick for alerts waiting out a confirmation delay. Caller holds the transaction.
     */
    reconcile: (session: Session, clearReason: ClearReason = 'cleared'): number[] => reconcile(session, null, clearReason),

    addReading(input: NewReading & { confirmed: VitalParameter[] }, userId: number): ChartingResult {
      return commit(() => {
        const session = sessions.get(input.sessionId);
        requireChartable(session);
        const stored = readings.store({
          sessionId: session.id,
          sessionCreatedAt: session.createdAt,
          observedAt: input.observedAt,
          values: input.values,
          onSupplementalOxygen: input.onSupplementalOxygen,
          confirmed: input.confirmed,
          userId,
        });
        return { reading: stored, changedAlertIds: reconcile(session, stored, 'cleared') };
      });
    },

    /** A correction supersedes the reading with new values for the same observation; the original row is untouched. */
    correctReading(input: { readingId: number; values: ReadingValues; onSupplementalOxygen?: boolean | undefined; reason: string; confirmed: VitalParameter[] }, userId: number): ChartingResult {
      return commit(() => {
        const original = readings.requireCurrentVersion(input.readingId);
        const session = sessions.get(original.sessionId);
        requireChartable(session);
        const stored = readings.store({
          sessionId: session.id,
          sessionCreatedAt: session.createdAt,
          observedAt: original.observedAt,
          values: input.values,
          onSupplementalOxygen: input.onSupplementalOxygen ?? original.onSupplementalOxygen ?? undefined,
          confirmed: input.confirmed,
          userId,
          correction: { supersedesId: original.id, reason: input.reason },
        });
        // A correction is the same observation, not a new one: it never counts as a repeat.
        return { reading: stored, changedAlertIds: reconcile(session, null, 'corrected') };
      });
    },

    /** Marks a reading as an artifact (or takes the mark back): kept, but out of the trend and the alerts. */
    annotateReading(input: ReadingAnnotation, userId: number): ChartingResult {
      return commit(() => {
        const current = readings.requireCurrentVersion(input.readingId);
        const session = sessions.get(current.sessionId);
        requireChartable(session);
        const annotated = readings.annotate(input.readingId, input.kind, input.reason, userId);
        const clearReason: ClearReason = input.kind === 'artifact' ? 'artifact' : 'cleared';
        return { reading: annotated, changedAlertIds: reconcile(session, input.kind === 'artifactCleared' ? annotated : null, clearReason) };
      });
    },
  };
}

export type ChartingService = ReturnType<typeof createChartingService>;
