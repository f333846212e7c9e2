import { dischargeReadiness, type DischargeCriterion } from '../../../shared/clinical/aldrete';
import { BASELINE_REQUIRED_PARAMETERS } from '../../../shared/clinical/screening-checklist';
import type { StartBlocker } from '../../../shared/clinical/start-blockers';
import { isCurrentReading } from '../../../shared/domain/reading';
import type { PhaseAction } from '../../../shared/domain/phase';
import type { Session, SessionTimer } from '../../../shared/domain/session';
import type { User } from '../../../shared/domain/user';
import { AppFailure, fail, failKeepingWrites } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import type { AlertService } from './alerts';
import type { DischargeService } from './discharge';
import type { DoseOrderService } from './dose-orders';
import type { ProtocolService } from './protocols';
import type { ReadingService } from './readings';
import type { ScreeningService } from './screenings';
import type { SessionService } from './sessions';
import type { PinCheck, UserService } from './users';

export interface WorkflowServices {
  sessions: SessionService;
  protocols: ProtocolService;
  doseOrders: DoseOrderService;
  screenings: ScreeningService;
  readings: ReadingService;
  discharge: DischargeService;
  alerts: AlertService;
  users: UserService;
}

/**
 * The gates between phases, enforced in main: the infusion starts only with an order,
 * a complete screening and baseline vitals; discharge only when the criteria are met
 * (or a physician overrode the minimum recovery time); closing is a signature.
 */
export function createSessionWorkflow(deps: CoreDeps, s: WorkflowServices) {
  const { db, bus } = deps;

  function startBlockers(session: Session): StartBlocker[] {
    const blockers: StartBlocker[] = [];
    if (session.protocolId === null) blockers.push('protocol');
    if (!s.doseOrders.latest(session.id)) blockers.push('doseOrder');
    const screening = s.screenings.latest(session.id);
    if (!screening) blockers.push('screening');
    else {
      if (!screening.consentGiven) blockers.push('consent');
      if (!screening.escortArranged) blockers.push('escort');
      const positive = Object.values(screening.contraindications).some(Boolean);
      const since = s.screenings.positiveSetSince(session.id) ?? screening.at;
      const overridden = s.screenings.overrides(session.id).some((o) => o.kind === 'contraindication' && o.at >= since);
      if (positive && !overridden) blockers.push('contraindication');
    }
    const hasBaseline = s.readings
      .ofSession(session.id)
      .filter(isCurrentReading)
      .some((r) => BASELINE_REQUIRED_PARAMETERS.every((p) => r.values[p] !== undefined));
    if (!hasBaseline) blockers.push('baselineVitals');
    return blockers;
  }

  function dischargeBlockers(session: Session, timer: SessionTimer): DischargeCriterion[] {
    const assessment = s.discharge.latest(session.id);
    // The escort is asked once, at screening; a discharge assessment that says otherwise wins.
    const escortArranged = s.screenings.latest(session.id)?.escortArranged ?? false;
    const protocol = session.protocolId === null ? null : s.protocols.get(session.protocolId);
    const readiness = dischargeReadiness(
      {
        aldrete: assessment?.aldrete ?? null,
        escortPresent: assessment?.escortPresent ?? escortArranged,
        noDrivingInstructionGiven: assessment?.noDrivingInstructionGiven ?? false,
        recoveryElapsedMs: timer.recoveryElapsedMs,
        minimumRecoveryMinutes: protocol?.minimumRecoveryMinutes ?? 0,
      },
      deps.dischargeCriteria,
    );
    const overridden = s.screenings.overrides(session.id).some((o) => o.kind === 'minimumRecovery');
    return readiness.unmet.filter((criterion) => !(criterion === 'minimumRecoveryTime' && overridden));
  }

  /** Alerts that end with the session's phase: all of them when it closes or aborts, the early-discharge note at discharge. */
  function endedAlerts(session: Session): number[] {
    if (session.phase === 'closed' || session.phase === 'aborted') return s.alerts.resolveAll(session.id, 'sessionEnded');
    if (session.phase === 'discharged') {
      const id = s.alerts.resolveTechnical(session.id, 'earlyDischargeAttempt');
      return id === null ? [] : [id];
    }
    return [];
  }

  function blocked(action: PhaseAction, unmet: readonly string[]): never {
    fail({
      code: 'precondition_failed',
      message: `Cannot ${action} yet: ${unmet.join(', ')}`,
      field: 'action',
      reason: `${action}_blocked`,
      params: { unmet: unmet.join(',') },
    });
  }

  return {
    startBlockers,
    dischargeBlockers,

    /** Closing is a signature: the signer's PIN is checked (before the act, as hashing takes time). */
    async checkSignature(input: { action: PhaseAction; pin?: string | undefined }, user: User): Promise<PinCheck | null> {
      if (input.action !== 'close') return null;
      if (!input.pin) fail({ code: 'invalid_request', message: 'Closing a session is a signature: enter your PIN', field: 'pin', reason: 'signature_needs_pin' });
      return s.users.checkPin(user.username, input.pin, null);
    },

    transition(input: { sessionId: number; action: PhaseAction; reason?: string | undefined }, user: User) {
      try {
        const result = db.transaction(() => {
          const session = s.sessions.get(input.sessionId);
          if (input.action === 'startInfusion' && session.phase === 'screening') {
            const unmet = startBlockers(session);
            if (unmet.length > 0) blocked('startInfusion', unmet);
          }
          if (input.action === 'discharge' && session.phase === 'recovery') {
            const unmet = dischargeBlockers(session, s.sessions.timerOf(session));
            if (unmet.length > 0) blocked('discharge', unmet);
          }
          const changed = s.sessions.transition(input.sessionId, input.action, input.reason, user.id);
          if (input.action === 'close') s.sessions.sign(input.sessionId, 'close', user.id);
          const resolved = endedAlerts(changed.session);
          return { changed, resolved };
        })();
        bus.emit('session/changed', result.changed);
        for (const id of result.resolved) bus.emit('alert/changed', s.alerts.get(id));
        return result.changed;
      } catch (error) {
        if (error instanceof AppFailure && error.appError.reason === 'discharge_blocked' && String(error.appError.params?.unmet).includes('minimumRecoveryTime')) {
          // Recorded as a technical alert: an early discharge attempt is itself worth knowing about,
          // so the act keeps this write although the discharge is refused.
          const alertId = db.transaction(() => s.alerts.raiseTechnical(input.sessionId, 'earlyDischargeAttempt', null))();
          if (alertId !== null) bus.emit('alert/changed', s.alerts.get(alertId));
          failKeepingWrites(error.appError);
        }
        throw error;
      }
    },
  };
}

export type SessionWorkflow = ReturnType<typeof createSessionWorkflow>;
