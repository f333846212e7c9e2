import { PRIORITY_RANK } from '../../../shared/clinical/alert-rules';
import type { Phase } from '../../../shared/domain/phase';
import type { ClinicReport, ClinicReportSession, DateRange, SessionOutcome } from '../../../shared/domain/reports';
import type { Services } from '../services';
import { parameterLabel } from './report-labels';
import { endOfLocalDay, startOfLocalDay } from './report-time';
import type { RecordQueries } from './record-queries';
import { MISSED_CHECK_CONDITIONS } from './session-record';

export function outcomeOf(phase: Phase): SessionOutcome {
  if (phase === 'aborted') return 'aborted';
  return phase === 'closed' || phase === 'discharged' ? 'completed' : 'open';
}

/** The q-quantile (0..1) of ascending values, interpolated between the nearest ranks. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? 0;
  const b = sorted[upper] ?? a;
  return a + (b - a) * (position - lower);
}

/**
 * The clinic over a range of days (both included, workstation time zone): sessions per
 * protocol and outcome, alerts per session by condition and priority, time to acknowledge
 * (median, 90th percentile), overrides and missed checks.
 */
export function buildClinicReport(services: Services, queries: RecordQueries, range: DateRange, clinicName: string): ClinicReport {
  const sessions = queries.sessionsCreatedIn(startOfLocalDay(range.from), endOfLocalDay(range.to));
  const rows: ClinicReportSession[] = [];
  const byProtocol = new Map<string, { completed: number; aborted: number; open: number }>();
  const byCondition = new Map<string, { condition: string; priority: ClinicReport['byCondition'][number]['priority']; count: number }>();
  const ackSeconds: number[] = [];
  let unacknowledged = 0;
  const overrides = { contraindication: 0, minimumRecovery: 0, doseSoftLimit: 0, rateSoftLimit: 0 };
  let missedChecks = 0;

  for (const found of sessions) {
    const session = services.sessions.get(found.id);
    const patient = services.patients.get(session.patientId);
    const protocolName = session.protocolId === null ? 'No protocol' : services.protocols.get(session.protocolId).name;
    const outcome = outcomeOf(session.phase);
    const tally = byProtocol.get(protocolName) ?? { completed: 0, aborted: 0, open: 0 };
    tally[outcome] += 1;
    byProtocol.set(protocolName, tally);

    const alerts = services.alerts.ofSession(session.id);
    for (const alert of alerts) {
      const condition = parameterLabel(alert.parameter);
      const key = `${condition}|${alert.priority}`;
      const entry = byCondition.get(key) ?? { condition, priority: alert.priority, count: 0 };
      entry.count += 1;
      byCondition.set(key, entry);
      if (alert.acknowledgedAt !== null) ackSeconds.push((alert.acknowledgedAt - alert.raisedAt) / 1000);
      else unacknowledged += 1;
    }
    const sessionOverrides = services.screenings.overrides(session.id);
    for (const override of sessionOverrides) overrides[override.kind] += 1;
    const order = services.doseOrders.latest(session.id);
    const doseOverride = order?.limitVerdict === 'softLimit' ? 1 : 0;
    overrides.doseSoftLimit += doseOverride;
    // A pump rate a physician set above the order's soft limit, with a reason (not taken back).
    const rateOverrides = services.sessionEvents.ofSession(session.id).filter((e) => e.retraction === null && e.event.kind === 'rateChange' && e.event.overrideReason !== undefined).length;
    overrides.rateSoftLimit += rateOverrides;
    const missed = alerts.filter((a) => a.kind === 'technical' && MISSED_CHECK_CONDITIONS.includes(a.parameter)).length;
    missedChecks += missed;
    rows.push({
      sessionId: session.id,
      createdAt: session.createdAt,
      mrn: patient.mrn,
      patientName: `${patient.familyName}, ${patient.givenName}`,
      protocolName,
      phase: session.phase,
      outcome,
      alerts: {
        high: alerts.filter((a) => a.priority === 'high').length,
        medium: alerts.filter((a) => a.priority === 'medium').length,
        low: alerts.filter((a) => a.priority === 'low').length,
      },
      acknowledged: alerts.filter((a) => a.acknowledgedAt !== null).length,
      overrides: sessionOverrides.length + doseOverride + rateOverrides,
      missedChecks: missed,
    });
  }

  const sorted = [...ackSeconds].sort((a, b) => a - b);
  const sessionCount = Math.max(1, rows.length);
  return {
    range: { from: range.from, to: range.to },
    clinicName,
    generatedAt: services.clock.now(),
    sessions: rows,
    byProtocol: [...byProtocol.entries()].map(([protocolName, tally]) => ({ protocolName, ...tally })).sort((a, b) => a.protocolName.localeCompare(b.protocolName)),
    byCondition: [...byCondition.values()]
      .map((entry) => ({ ...entry, perSession: Math.round((entry.count / sessionCount) * 100) / 100 }))
      .sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || b.count - a.count || a.condition.localeCompare(b.condition)),
    acknowledgement: {
      acknowledged: sorted.length,
      unacknowledged,
      medianSeconds: quantile(sorted, 0.5),
      p90Seconds: quantile(sorted, 0.9),
    },
    overrides,
    missedChecks,
  };
}
