import { computeDueChecks, type DueChecks, type MonitoringSchedule } from '../../../shared/clinical/due-checks';
import type { TechnicalAlertCondition } from '../../../shared/clinical/technical-alerts';
import type { Session } from '../../../shared/domain/session';
import { SYSTEM_ACTOR } from '../act';
import type { CoreDeps } from '../deps';
import type { AlertRuleService } from './alert-rules';
import { AUTO_RESOLVE_REASONS, type AlertService } from './alerts';
import type { ChartingService } from './charting';
import type { DeviceService } from './devices';
import type { ProtocolService } from './protocols';
import type { ReadingService } from './readings';
import type { SessionService } from './sessions';

/**
 * Scheduled checks: what is due next for a session, and the technical alerts for an
 * overdue check, a missed BP checkpoint, an infusion running past its planned end, or a
 * bound bedside monitor gone silent during the infusion.
 */
export interface MonitoringSources {
  sessions: SessionService;
  readings: ReadingService;
  protocols: ProtocolService;
  alerts: AlertService;
  alertRules: AlertRuleService;
  charting: ChartingService;
  devices: DeviceService;
}

export function createMonitoring(deps: CoreDeps, { sessions, readings, protocols, alerts, alertRules, charting, devices }: MonitoringSources) {
  const { bus, clock } = deps;

  function scheduleOf(session: Session): MonitoringSchedule {
    const monitoringSchedule = deps.monitoringSchedule;
    if (session.protocolId === null) return monitoringSchedule;
    const protocol = protocols.get(session.protocolId);
    return { ...monitoringSchedule, infusionIntervalMinutes: protocol.infusionIntervalMinutes, recoveryIntervalMinutes: protocol.recoveryIntervalMinutes };
  }

  function dueChecks(session: Session, now = clock.now()): DueChecks {
    const schedule = scheduleOf(session);
    const changes = sessions.phaseEvents(session.id);
    const afterStartMs = schedule.checkpoints.bpAtMinutesAfterStart === null ? null : schedule.checkpoints.bpAtMinutesAfterStart * 60_000;
    // The moments checkpoints hang on are phase changes (and the timed checkpoint after one).
    const moments = changes.flatMap((change) => [change.at, afterStartMs === null ? null : change.at + afterStartMs]);
    return computeDueChecks(changes, readings.state(session.id).monitoringReadings(moments), now, schedule);
  }

  /** A monitor bound to the session's chair has sent nothing for longer than the clinic's limit. */
  function monitorSilent(session: Session, now: number): boolean {
    const heard = devices.lastHeardAt(session.chair);
    return heard !== null && now - heard > deps.clinicConfig.current().monitorFeed.silenceLimitSeconds * 1000;
  }

  /** Which technical conditions hold for a session now. */
  function technicalConditions(session: Session, now: number): Record<Exclude<TechnicalAlertCondition, 'earlyDischargeAttempt' | 'phq9SelfHarm'>, boolean> {
    const due = dueChecks(session, now);
    const timer = sessions.timerOf(session, now);
    return {
      vitalsOverdue: due.vitalsOverdue,
      bpCheckpointOverdue: due.checkpoints.some((c) => c.status === 'overdue' && c.id !== 'bpBeforeDosing'),
      infusionOverrun: session.phase === 'infusing' && timer.infusionRemainingMs !== null && timer.infusionRemainingMs < 0,
      monitorSilent: session.phase === 'infusing' && monitorSilent(session, now),
    };
  }

  return {
    dueChecks,
    scheduleOf,

    /**
     * Called on each tick: raises or resolves the technical alerts of every open session,
     * raises alerts whose confirmation delay has now passed, and escalates high alerts
     * left unacknowledged too long.
     */
    sweep(now = clock.now()): void {
      deps.acts.run({ actor: SYSTEM_ACTOR, channel: 'monitoring/sweep', kind: 'system', detail: {} }, () => {
        const changed: number[] = [...alerts.escalateOverdue(now)];
        for (const session of sessions.open()) {
          // A violation waiting out a delay (the rule's, or the monitor confirmation's seconds) may be due now.
          const waitsOnTime = devices.lastHeardAt(session.chair) !== null || alertRules.effectiveRules(session).some((rule) => rule.confirmation.kind === 'delaySeconds');
          if (waitsOnTime) changed.push(...charting.reconcile(session));
          const running = session.phase === 'infusing' || session.phase === 'paused' || session.phase === 'recovery';
          const conditions = running ? technicalConditions(session, now) : { vitalsOverdue: false, bpCheckpointOverdue: false, infusionOverrun: false, monitorSilent: false };
          for (const [condition, holds] of Object.entries(conditions) as [TechnicalAlertCondition, boolean][]) {
            const id = holds
              ? alerts.raiseTechnical(session.id, condition, null)
              : alerts.resolveTechnical(session.id, condition, running ? AUTO_RESOLVE_REASONS.cleared : AUTO_RESOLVE_REASONS.phaseEnded);
            if (id !== null) changed.push(id);
          }
        }
        for (const id of new Set(changed)) bus.emit('alert/changed', alerts.get(id));
      });
    },
  };
}

export type Monitoring = ReturnType<typeof createMonitoring>;
