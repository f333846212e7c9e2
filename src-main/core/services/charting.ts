import { OPEN_PHASES } from '../../../shared/domain/phase';
import type { Alert } from '../../../shared/domain/alert';
import type { NewReading, Reading } from '../../../shared/domain/reading';
import type { VitalParameter } from '../../../shared/clinical/parameters';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import type { AlertService } from './alerts';
import type { ReadingService } from './readings';
import type { SessionService } from './sessions';

/**
 * Charting a reading: validate, store, evaluate alerts, all in one transaction, and only
 * then tell the windows. The caller acknowledges to the nurse after this returns, i.e.
 * after the commit.
 */
export function createChartingService(deps: CoreDeps, sessions: SessionService, readings: ReadingService, alerts: AlertService) {
  const { db, bus } = deps;

  return {
    addReading(input: NewReading & { confirmed: VitalParameter[] }, userId: number): { reading: Reading; alerts: Alert[] } {
      const { reading, changedAlertIds } = db.transaction(() => {
        const session = sessions.get(input.sessionId);
        if (!OPEN_PHASES.includes(session.phase) || session.phase === 'discharged') {
          fail({
            code: 'invalid_transition',
            message: `Readings cannot be added to a session that is ${session.phase}`,
            field: 'sessionId',
            params: { phase: session.phase },
          });
        }
        const stored = readings.store({
          sessionId: session.id,
          sessionCreatedAt: session.createdAt,
          observedAt: input.observedAt,
          values: input.values,
          confirmed: input.confirmed,
          userId,
        });
        const timer = sessions.timerOf(session);
        const changed = alerts.applyReading(stored, readings.ofSession(session.id), timer.infusionStartedAt);
        return { reading: stored, changedAlertIds: changed };
      })();
      const changedAlerts = [...new Set(changedAlertIds)].map((id) => alerts.get(id));
      bus.emit('reading/added', reading);
      for (const alert of changedAlerts) bus.emit('alert/changed', alert);
      return { reading, alerts: changedAlerts };
    },
  };
}

export type ChartingService = ReturnType<typeof createChartingService>;
