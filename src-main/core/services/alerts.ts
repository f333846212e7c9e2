import type { TechnicalAlertCondition } from '../../../shared/clinical/technical-alerts';
import type { Alert } from '../../../shared/domain/alert';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import { AUTO_RESOLVE_REASONS, reconcilePhysiological, type ReconcileInput } from './alert-engine';
import { createAlertStore, toAlert } from './alert-store';
import type { AlertRuleService } from './alert-rules';

export { AUTO_RESOLVE_REASONS, baselineOf, latestValues, type ClearReason } from './alert-engine';

export interface AlertListFilter {
  sessionId?: number | undefined;
  state: 'active' | 'all';
  priority?: Alert['priority'] | undefined;
  kind?: Alert['kind'] | undefined;
}

/**
 * Alert state changes after IEC 60601-1-8: raise (physiological, from the engine; technical,
 * from the scheduled checks), repeat, acknowledge (who, when, note), audio pause (silenced
 * for a while, still shown), escalate (high and unacknowledged too long), resolve
 * (condition cleared, or by hand with a reason). Callers hold the transaction.
 */
export function createAlertService(deps: CoreDeps, rules: AlertRuleService) {
  const { db, clock } = deps;
  const store = createAlertStore(db, deps.caches);
  const get = (id: number): Alert => toAlert(store.row(id));
  const settings = () => rules.alarmSettings().settings;

  function requireActive(alertId: number): Alert {
    const alert = get(alertId);
    if (alert.state !== 'active') fail({ code: 'conflict', message: 'This alert is already resolved', field: 'alertId', reason: 'alert_resolved' });
    return alert;
  }

  return {
    get,

    reconcile: (input: Omit<ReconcileInput, 'nowAt' | 'settings' | 'monitorConfirmation'>): number[] =>
      reconcilePhysiological(store, {
        sessionId: input.sessionId,
        rules: input.rules,
        state: input.state,
        infusionStartedAt: input.infusionStartedAt,
        trigger: input.trigger,
        clearReason: input.clearReason,
        nowAt: clock.now(),
        settings: settings(),
        monitorConfirmation: deps.clinicConfig.current().monitorFeed,
      }),

    /** Raises a technical alert unless one for the same condition is already active. */
    raiseTechnical(sessionId: number, condition: TechnicalAlertCondition, value: number | null): number | null {
      if (store.activeOfSession(sessionId).some((row) => row.kind === 'technical' && row.rule_id === condition)) return null;
      return store.insert({
        sessionId,
        ruleId: condition,
        group: condition,
        parameter: condition,
        kind: 'technical',
        priority: deps.technicalPriorities[condition],
        comparison: null,
        threshold: null,
        baseline: null,
        value,
        readingId: null,
        at: clock.now(),
      });
    },

    /** Resolves an active technical alert whose condition has ended (or whose phase has). */
    resolveTechnical(sessionId: number, condition: TechnicalAlertCondition, reason: string = AUTO_RESOLVE_REASONS.cleared): number | null {
      const existing = store.activeOfSession(sessionId).find((row) => row.kind === 'technical' && row.rule_id === condition);
      if (!existing) return null;
      store.event({ alertId: existing.id, kind: 'resolved', at: clock.now(), note: reason });
      return existing.id;
    },

    /** Resolves every active alert of a session (it closed or was aborted). */
    resolveAll(sessionId: number, reason: string): number[] {
      const at = clock.now();
      return store.activeOfSession(sessionId).map((row) => {
        store.event({ alertId: row.id, kind: 'resolved', at, note: reason });
        return row.id;
      });
    },

    /** Someone has seen it. A latched alert whose condition already cleared ends here. */
    acknowledge(alertId: number, note: string | undefined, userId: number): Alert {
      const alert = get(alertId);
      if (alert.acknowledgedAt !== null) {
        fail({
          code: 'conflict',
          message: `Already acknowledged by ${alert.acknowledgedByName ?? '?'}`,
          field: 'alertId',
          reason: 'already_acknowledged',
          params: { name: alert.acknowledgedByName ?? '' },
        });
      }
      const at = clock.now();
      store.event({ alertId, kind: 'acknowledged', at, userId, note: note || null });
      if (alert.state === 'active' && alert.conditionClearedAt !== null) {
        store.event({ alertId, kind: 'resolved', at, userId, note: AUTO_RESOLVE_REASONS.acknowledgedAfterClearing });
      }
      return get(alertId);
    },

    /** Silences an alert for the clinic's audio-pause time; it stays on screen. */
    audioPause(alertId: number, userId: number): Alert {
      requireActive(alertId);
      const at = clock.now();
      store.event({ alertId, kind: 'audioPaused', at, userId, untilAt: at + settings().audioPauseSeconds * 1000 });
      return get(alertId);
    },

    /** Ends an alert by hand, with the reason; a condition that still holds comes back with the next reading. */
    resolveByHand(alertId: number, reason: string, userId: number): Alert {
      requireActive(alertId);
      store.event({ alertId, kind: 'resolved', at: clock.now(), userId, note: reason });
      return get(alertId);
    },

    /** Escalates every high alert left unacknowledged past the clinic's limit; returns their ids. */
    escalateOverdue(nowAt: number): number[] {
      const limitMs = settings().escalateHighAfterSeconds * 1000;
      return store
        .allActive()
        .filter((row) => row.priority === 'high' && row.acknowledged_at === null && row.escalated_at === null && nowAt - row.raised_at >= limitMs)
        .map((row) => {
          store.event({ alertId: row.id, kind: 'escalated', at: nowAt });
          return row.id;
        });
    },

    ofSession: (sessionId: number): Alert[] => store.ofSession(sessionId).map(toAlert),
    activeOfSession: (sessionId: number): Alert[] => store.activeOfSession(sessionId).map(toAlert),
    /**
     * What a session's screen opens with: every active alert and the newest `newest` of the
     * rest, in raising order, and how many the session has; older ones through `page`. The
     * record (record/get, reports) keeps reading every alert.
     */
    forScreen(sessionId: number, newest: number): { alerts: Alert[]; alertCount: number } {
      const shown = new Map<number, Alert>();
      for (const row of [...store.newestOfSession(sessionId, Number.MAX_SAFE_INTEGER, newest), ...store.activeOfSession(sessionId)]) shown.set(row.id, toAlert(row));
      return { alerts: [...shown.values()].sort((a, b) => a.id - b.id), alertCount: store.countOfSession(sessionId) };
    },
    /** Alerts of a session raised before `beforeId`, newest first. */
    page: (sessionId: number, beforeId: number, limit: number): Alert[] => store.newestOfSession(sessionId, beforeId, limit).map(toAlert),
    list(filter: AlertListFilter): Alert[] {
      const rows = filter.sessionId === undefined ? (filter.state === 'active' ? store.allActive().reverse() : store.recent()) : store.ofSession(filter.sessionId);
      return rows
        .map(toAlert)
        .filter((a) => (filter.state === 'all' || a.state === 'active') && (!filter.priority || a.priority === filter.priority) && (!filter.kind || a.kind === filter.kind));
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
