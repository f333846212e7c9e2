import { checkDoseAgainstLimits, deliveredDose, planDose, runningRateAt, type DeliveredSnapshot, type DoseLimits, type DoseOrder, type InfusionSegment } from '../../../shared/clinical/dose';
import type { PhaseEvent } from '../../../shared/domain/session';
import type { DoseOrderRecord, Protocol } from '../../../shared/domain/protocol';
import type { SessionEvent } from '../../../shared/domain/session-event';
import { checkRateAgainstLimits, rateLimitsOf } from '../../../shared/clinical/rate-limits';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';

interface DoseOrderRow {
  id: number;
  session_id: number;
  protocol_id: number;
  order_kind: DoseOrderRecord['orderKind'];
  dose_per_kg: number;
  duration_minutes: number;
  concentration_mg_per_ml: number;
  weight_kg: number;
  total_dose_mg: number;
  volume_ml: number;
  rate_ml_per_hour: number;
  limit_verdict: DoseOrderRecord['limitVerdict'];
  override_reason: string | null;
  source: DoseOrderRecord['source'];
  at: number;
  user_name: string;
}

const toRecord = (row: DoseOrderRow): DoseOrderRecord => ({
  id: row.id,
  sessionId: row.session_id,
  protocolId: row.protocol_id,
  orderKind: row.order_kind,
  dosePerKg: row.dose_per_kg,
  durationMinutes: row.duration_minutes,
  concentrationMgPerMl: row.concentration_mg_per_ml,
  weightKg: row.weight_kg,
  totalDoseMg: row.total_dose_mg,
  volumeMl: row.volume_ml,
  rateMlPerHour: row.rate_ml_per_hour,
  limitVerdict: row.limit_verdict,
  overrideReason: row.override_reason,
  source: row.source,
  at: row.at,
  userName: row.user_name,
});

export function orderOf(protocol: Protocol, dosePerKg: number): DoseOrder {
  return protocol.orderKind === 'perKgTotal'
    ? { kind: 'perKgTotal', doseMgPerKg: dosePerKg, durationMinutes: protocol.durationMinutes }
    : { kind: 'perKgPerHour', doseMgPerKgPerHour: dosePerKg, durationMinutes: protocol.durationMinutes };
}

export function limitsOf(protocol: Protocol): DoseLimits {
  return protocol.orderKind === 'perKgTotal'
    ? { kind: 'perKgTotal', hardMinMgPerKg: protocol.hardMinPerKg, softMinMgPerKg: protocol.softMinPerKg, softMaxMgPerKg: protocol.softMaxPerKg, hardMaxMgPerKg: protocol.hardMaxPerKg }
    : {
        kind: 'perKgPerHour',
        hardMinMgPerKgPerHour: protocol.hardMinPerKg,
        softMinMgPerKgPerHour: protocol.softMinPerKg,
        softMaxMgPerKgPerHour: protocol.softMaxPerKg,
        hardMaxMgPerKgPerHour: protocol.hardMaxPerKg,
      };
}

/**
 * The pump's running segments from the phase log and rate changes: the ordered rate from
 * each start or resume, a new segment at each rate change, nothing while paused.
 */
export function infusionSegments(order: DoseOrderRecord, phaseEvents: readonly PhaseEvent[], events: readonly SessionEvent[]): InfusionSegment[] {
  const changes = [
    ...phaseEvents.map((e) => ({ at: e.at, phase: e.toPhase, rate: null as number | null })),
    ...events
      .filter((e) => e.retraction === null && e.event.kind === 'rateChange')
      .map((e) => ({ at: e.observedAt, phase: null, rate: e.event.kind === 'rateChange' ? e.event.rateMlPerHour : null })),
  ].sort((a, b) => a.at - b.at);
  const segments: InfusionSegment[] = [];
  let rate = order.rateMlPerHour;
  let running = false;
  let from = 0;
  const closeSegment = (at: number) => {
    if (running && at > from) segments.push({ fromAt: from, toAt: at, rateMlPerHour: rate });
  };
  for (const change of changes) {
    if (change.rate !== null) {
      closeSegment(change.at);
      rate = change.rate;
      from = change.at;
      continue;
    }
    const nowRunning = change.phase === 'infusing';
    if (nowRunning !== running) {
      closeSegment(change.at);
      running = nowRunning;
      from = change.at;
    }
  }
  if (running) segments.push({ fromAt: from, toAt: null, rateMlPerHour: rate });
  return segments;
}

/** Dose orders: main does the arithmetic, judges the limits, and keeps every version. */
export function createDoseOrderService({ db, clock, caches }: CoreDeps) {
  const latestOf = db.prepare<[number], DoseOrderRow>(
    `SELECT d.*, u.display_name AS user_name FROM dose_orders d JOIN users u ON u.id = d.user_id WHERE d.session_id = ? ORDER BY d.id DESC LIMIT 1`,
  );
  // Read by every live view of the session (the dose delivered so far); a new order is a new row.
  const latestMemo = caches.memo(['dose_orders', 'users'], (sessionId: number): DoseOrderRecord | null => {
    const row = latestOf.get(sessionId);
    return row ? toRecord(row) : null;
  });
  const insert = db.prepare(
    `INSERT INTO dose_orders (session_id, protocol_id, order_kind, dose_per_kg, duration_minutes, concentration_mg_per_ml, weight_kg,
       total_dose_mg, volume_ml, rate_ml_per_hour, limit_verdict, override_reason, source, at, user_id)
     VALUES (:sessionId, :protocolId, :orderKind, :dosePerKg, :durationMinutes, :concentrationMgPerMl, :weightKg,
       :totalDoseMg, :volumeMl, :rateMlPerHour, :limitVerdict, :overrideReason, :source, :at, :userId)`,
  );

  return {
    latest: (sessionId: number): DoseOrderRecord | null => latestMemo.get(sessionId),

    /**
     * Orders `dosePerKg` (in the protocol's unit) for a session. Outside the hard limits it is
     * refused; outside the soft limits it needs an override reason. Caller holds the transaction.
     */
    order(input: {
      sessionId: number;
      protocol: Protocol;
      weightKg: number;
      dosePerKg: number;
      overrideReason: string | undefined;
      source: DoseOrderRecord['source'];
      userId: number;
    }): DoseOrderRecord {
      const { protocol } = input;
      const order = orderOf(protocol, input.dosePerKg);
      const check = checkDoseAgainstLimits(order, limitsOf(protocol));
      if (check.verdict === 'hardLimit') {
        fail({
          code: 'value_out_of_range',
          message: `${input.dosePerKg} ${check.unit} is ${check.side === 'high' ? 'above' : 'below'} the hard limit ${check.limit} ${check.unit} of ${protocol.name}; it cannot be given`,
          field: 'dosePerKg',
          reason: check.side === 'high' ? 'dose_above_hard_limit' : 'dose_below_hard_limit',
          params: { value: input.dosePerKg, limit: check.limit, unit: check.unit },
        });
      }
      if (check.verdict === 'softLimit' && !input.overrideReason) {
        fail({
          code: 'override_required',
          message: `${input.dosePerKg} ${check.unit} is ${check.side === 'high' ? 'above' : 'below'} the soft limit ${check.limit} ${check.unit}; give a reason to override`,
          field: 'overrideReason',
          reason: check.side === 'high' ? 'dose_above_soft_limit' : 'dose_below_soft_limit',
          params: { value: input.dosePerKg, limit: check.limit, unit: check.unit },
        });
      }
      const plan = planDose(order, input.weightKg, protocol.concentrationMgPerMl);
      const { lastInsertRowid } = insert.run({
        sessionId: input.sessionId,
        protocolId: protocol.id,
        orderKind: protocol.orderKind,
        dosePerKg: input.dosePerKg,
        durationMinutes: protocol.durationMinutes,
        concentrationMgPerMl: protocol.concentrationMgPerMl,
        weightKg: input.weightKg,
        totalDoseMg: plan.totalDoseMg,
        volumeMl: plan.volumeMl,
        rateMlPerHour: plan.rateMlPerHour,
        limitVerdict: check.verdict,
        overrideReason: check.verdict === 'softLimit' ? (input.overrideReason ?? null) : null,
        source: input.source,
        at: clock.now(),
        userId: input.userId,
      });
      return toRecord(
        db.prepare<[number], DoseOrderRow>(`SELECT d.*, u.display_name AS user_name FROM dose_orders d JOIN users u ON u.id = d.user_id WHERE d.id = ?`).get(Number(lastInsertRowid)) as DoseOrderRow,
      );
    },

    /**
     * Judges a new pump rate against the order's rate limits (rateLimitsOf): above the hard
     * limit it is refused; above the soft limit only a physician may set it, with a reason (a
     * mistyped 900 for 90 mL/h would run a 40 mg ketamine order in under three minutes).
     */
    judgeRateChange(order: DoseOrderRecord, protocol: Protocol, change: { rateMlPerHour: number; overrideReason?: string | undefined }, byPhysician: boolean): void {
      const check = checkRateAgainstLimits(change.rateMlPerHour, rateLimitsOf(order, limitsOf(protocol)));
      if (check.verdict === 'within') {
        // A reason on a rate within the limits would be recorded, reported and counted as an override that never was.
        if (change.overrideReason !== undefined) {
          fail({
            code: 'invalid_request',
            message: `${change.rateMlPerHour} mL/h is within this order's limits; it needs no override reason`,
            field: 'event.overrideReason',
            reason: 'rate_override_not_needed',
            params: { value: change.rateMlPerHour, unit: 'mL/h' },
          });
        }
        return;
      }
      const params = { value: change.rateMlPerHour, limit: check.limit, unit: check.unit };
      if (check.verdict === 'hardLimit') {
        fail({
          code: 'value_out_of_range',
          message: `${change.rateMlPerHour} mL/h is above this order's hard limit ${check.limit} mL/h (${protocol.name}); it cannot be set`,
          field: 'event.rateMlPerHour',
          reason: 'rate_above_hard_limit',
          params,
        });
      }
      if (!byPhysician) {
        fail({
          code: 'forbidden',
          message: `${change.rateMlPerHour} mL/h is above this order's soft limit ${check.limit} mL/h; only a physician can set it, with a reason`,
          field: 'event.rateMlPerHour',
          reason: 'rate_above_soft_limit_needs_physician',
          params,
        });
      }
      if (!change.overrideReason) {
        fail({
          code: 'override_required',
          message: `${change.rateMlPerHour} mL/h is above this order's soft limit ${check.limit} mL/h; give a reason to override`,
          field: 'event.overrideReason',
          reason: 'rate_above_soft_limit',
          params,
        });
      }
    },

    /** Estimated delivered volume and dose so far, from the pump segments. */
    delivered(order: DoseOrderRecord, phaseEvents: readonly PhaseEvent[], events: readonly SessionEvent[], nowAt: number) {
      return deliveredDose(infusionSegments(order, phaseEvents, events), order.concentrationMgPerMl, nowAt, undefined, order.volumeMl);
    },

    /** The estimate at `nowAt` with the rate the pump runs at then, for a screen to carry forward (deliveredNow) until the next change. */
    snapshot(order: DoseOrderRecord, phaseEvents: readonly PhaseEvent[], events: readonly SessionEvent[], nowAt: number): DeliveredSnapshot {
      const segments = infusionSegments(order, phaseEvents, events);
      const dose = deliveredDose(segments, order.concentrationMgPerMl, nowAt, undefined, order.volumeMl);
      return { volumeMl: dose.volumeMl, doseMg: dose.doseMg, exactVolumeMl: dose.exact.volumeMl, asOf: nowAt, runningRateMlPerHour: runningRateAt(segments, nowAt) };
    },
  };
}

export type DoseOrderService = ReturnType<typeof createDoseOrderService>;
