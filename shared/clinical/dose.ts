import { z } from 'zod';
import { EpochMsSchema } from '../domain/common';

/**
 * Dose arithmetic for an infusion order (CLINICAL.md section 2).
 *
 * Rounding rule: every figure is first computed exactly from the unrounded inputs
 * (weight, concentration, ordered dose, duration), and only then rounded, each on its
 * own, for display and pump programming. A rounded figure is never used to compute
 * another one, so rounding errors cannot compound. `exact` carries the unrounded figures
 * for any further arithmetic (e.g. comparing with the delivered dose).
 */

const positiveFinite = z.number().finite().positive();

export const DoseOrderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('perKgTotal'), doseMgPerKg: positiveFinite, durationMinutes: positiveFinite }),
  z.object({ kind: z.literal('perKgPerHour'), doseMgPerKgPerHour: positiveFinite, durationMinutes: positiveFinite }),
]);
export type DoseOrder = z.infer<typeof DoseOrderSchema>;
export type DoseOrderKind = DoseOrder['kind'];

/** The unit an order's dose (and its limits) is written in. */
export const DOSE_ORDER_UNIT: Readonly<Record<DoseOrderKind, string>> = {
  perKgTotal: 'mg/kg',
  perKgPerHour: 'mg/kg/h',
};

/**
 * Decimal places each displayed figure is rounded to (half up). Pumps commonly take
 * 0.1 mL/h; a clinic whose pumps take finer steps can pass its own.
 */
export interface DoseRounding {
  mgDecimals: number;
  mlDecimals: number;
  mlPerHourDecimals: number;
  mgPerHourDecimals: number;
  /** For the per-kg figure derived from the order (the ordered one is shown as written). */
  mgPerKgDecimals: number;
}

export const DEFAULT_DOSE_ROUNDING: Readonly<DoseRounding> = {
  mgDecimals: 1,
  mlDecimals: 1,
  mlPerHourDecimals: 1,
  mgPerHourDecimals: 1,
  mgPerKgDecimals: 3,
};

const doseFiguresShape = {
  totalDoseMg: z.number(),
  volumeMl: z.number(),
  rateMlPerHour: z.number(),
  rateMgPerHour: z.number(),
  durationMinutes: z.number(),
  /** Total dose per kg over the whole infusion. */
  doseMgPerKg: z.number(),
  doseMgPerKgPerHour: z.number(),
};

export const DosePlanSchema = z.object({
  ...doseFiguresShape,
  /** The same figures unrounded; use these, never the rounded ones, for further arithmetic. */
  exact: z.object(doseFiguresShape),
});
/** Top-level figures are rounded for display and pump programming; `exact` is unrounded. */
export type DosePlan = z.infer<typeof DosePlanSchema>;
export type DoseFigures = DosePlan['exact'];

/** Throws a RangeError naming the argument and its unit unless `value` is a finite number above 0. */
function requirePositive(value: number, name: string, unit: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number above 0 ${unit}, got ${String(value)}`);
  }
}

function requireValidOrder(order: DoseOrder): void {
  if (order.kind === 'perKgTotal') requirePositive(order.doseMgPerKg, 'order.doseMgPerKg', 'mg/kg');
  else requirePositive(order.doseMgPerKgPerHour, 'order.doseMgPerKgPerHour', 'mg/kg/h');
  requirePositive(order.durationMinutes, 'order.durationMinutes', 'min');
}

/**
 * Rounds half up to `decimals` places. The product is first cut to 12 significant
 * figures so binary noise (0.35 x 70 = 24.499999999999996) does not decide the rounding.
 */
export function roundToDecimals(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(Number((value * factor).toPrecision(12))) / factor;
}

function exactFigures(order: DoseOrder, weightKg: number, concentrationMgPerMl: number): DoseFigures {
  const durationHours = order.durationMinutes / 60;
  const doseMgPerKg = order.kind === 'perKgTotal' ? order.doseMgPerKg : order.doseMgPerKgPerHour * durationHours;
  const doseMgPerKgPerHour = order.kind === 'perKgPerHour' ? order.doseMgPerKgPerHour : order.doseMgPerKg / durationHours;
  const totalDoseMg = doseMgPerKg * weightKg;
  const rateMgPerHour = doseMgPerKgPerHour * weightKg;
  return {
    totalDoseMg,
    volumeMl: totalDoseMg / concentrationMgPerMl,
    rateMlPerHour: rateMgPerHour / concentrationMgPerMl,
    rateMgPerHour,
    durationMinutes: order.durationMinutes,
    doseMgPerKg,
    doseMgPerKgPerHour,
  };
}

/**
 * Total dose, volume and pump rate for an order:
 * total mg = mg/kg x kg; mL = mg / (mg/mL); mL/h = mL / h; per-hour orders: mL/h = mg/kg/h x kg / (mg/mL).
 * Throws a RangeError for a non-positive or non-finite weight, concentration, dose or duration.
 */
export function planDose(
  order: DoseOrder,
  weightKg: number,
  concentrationMgPerMl: number,
  rounding: DoseRounding = DEFAULT_DOSE_ROUNDING,
): DosePlan {
  requireValidOrder(order);
  requirePositive(weightKg, 'weightKg', 'kg');
  requirePositive(concentrationMgPerMl, 'concentrationMgPerMl', 'mg/mL');
  const exact = exactFigures(order, weightKg, concentrationMgPerMl);
  return {
    totalDoseMg: roundToDecimals(exact.totalDoseMg, rounding.mgDecimals),
    volumeMl: roundToDecimals(exact.volumeMl, rounding.mlDecimals),
    rateMlPerHour: roundToDecimals(exact.rateMlPerHour, rounding.mlPerHourDecimals),
    rateMgPerHour: roundToDecimals(exact.rateMgPerHour, rounding.mgPerHourDecimals),
    durationMinutes: exact.durationMinutes,
    // The ordered figure is shown exactly as written; only the derived one is rounded.
    doseMgPerKg: order.kind === 'perKgTotal' ? exact.doseMgPerKg : roundToDecimals(exact.doseMgPerKg, rounding.mgPerKgDecimals),
    doseMgPerKgPerHour:
      order.kind === 'perKgPerHour' ? exact.doseMgPerKgPerHour : roundToDecimals(exact.doseMgPerKgPerHour, rounding.mgPerKgDecimals),
    exact,
  };
}

/**
 * Smart-pump style limits for one protocol, written in the order's own unit: mg/kg for a
 * total-dose order, mg/kg/h for a per-hour order. The `kind` ties limits to the kind of
 * order they may judge, so mg/kg limits can never be applied to a mg/kg/h order.
 * Inside [softMin, softMax]: within. Outside soft but inside [hardMin, hardMax]: soft
 * limit, may be overridden with a reason. Outside hard: refused. A dose equal to a limit
 * is within that limit.
 */
const limitValue = z.number().finite().nonnegative();

export const DoseLimitsSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('perKgTotal'),
      hardMinMgPerKg: limitValue,
      softMinMgPerKg: limitValue,
      softMaxMgPerKg: limitValue,
      hardMaxMgPerKg: limitValue,
    }),
    z.object({
      kind: z.literal('perKgPerHour'),
      hardMinMgPerKgPerHour: limitValue,
      softMinMgPerKgPerHour: limitValue,
      softMaxMgPerKgPerHour: limitValue,
      hardMaxMgPerKgPerHour: limitValue,
    }),
  ])
  .superRefine((limits, ctx) => {
    const problem = limitsOrderingProblem(limits);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
export type DoseLimits = z.infer<typeof DoseLimitsSchema>;

export interface LimitBounds {
  hardMin: number;
  softMin: number;
  softMax: number;
  hardMax: number;
}

/** A protocol's four dose limits in its own unit (mg/kg or mg/kg/h), whatever the kind. */
export function doseLimitBounds(limits: DoseLimits): LimitBounds {
  return limits.kind === 'perKgTotal'
    ? { hardMin: limits.hardMinMgPerKg, softMin: limits.softMinMgPerKg, softMax: limits.softMaxMgPerKg, hardMax: limits.hardMaxMgPerKg }
    : {
        hardMin: limits.hardMinMgPerKgPerHour,
        softMin: limits.softMinMgPerKgPerHour,
        softMax: limits.softMaxMgPerKgPerHour,
        hardMax: limits.hardMaxMgPerKgPerHour,
      };
}

function limitsOrderingProblem(limits: DoseLimits): string | null {
  const { hardMin, softMin, softMax, hardMax } = doseLimitBounds(limits);
  const unit = DOSE_ORDER_UNIT[limits.kind];
  if (![hardMin, softMin, softMax, hardMax].every((value) => Number.isFinite(value) && value >= 0)) {
    return `Dose limits must be finite numbers of 0 ${unit} or more`;
  }
  if (!(hardMin <= softMin && softMin <= softMax && softMax <= hardMax)) {
    return `Dose limits must satisfy hardMin <= softMin <= softMax <= hardMax (${hardMin}, ${softMin}, ${softMax}, ${hardMax} ${unit})`;
  }
  return null;
}

export const DoseLimitCheckSchema = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('within') }),
  z.object({ verdict: z.literal('softLimit'), side: z.enum(['low', 'high']), limit: z.number(), unit: z.string() }),
  z.object({ verdict: z.literal('hardLimit'), side: z.enum(['low', 'high']), limit: z.number(), unit: z.string() }),
]);
/** `limit` is the crossed limit, in `unit` (the order's own unit). */
export type DoseLimitCheck = z.infer<typeof DoseLimitCheckSchema>;

/**
 * Judges the ordered dose (mg/kg or mg/kg/h, as written, not a rounded derivative) against
 * the protocol's limits. Throws a RangeError for an invalid order, limits out of order, or
 * limits written for the other kind of order.
 */
export function checkDoseAgainstLimits<K extends DoseOrderKind>(
  order: Extract<DoseOrder, { kind: K }>,
  limits: Extract<DoseLimits, { kind: K }>,
): DoseLimitCheck {
  // Generic parameters do not narrow; the checks below work on the plain unions.
  const anyOrder: DoseOrder = order;
  const anyLimits: DoseLimits = limits;
  requireValidOrder(anyOrder);
  if (anyOrder.kind !== anyLimits.kind) {
    throw new RangeError(`Limits in ${DOSE_ORDER_UNIT[anyLimits.kind]} cannot judge an order in ${DOSE_ORDER_UNIT[anyOrder.kind]}`);
  }
  const problem = limitsOrderingProblem(anyLimits);
  if (problem) throw new RangeError(problem);
  const dose = anyOrder.kind === 'perKgTotal' ? anyOrder.doseMgPerKg : anyOrder.doseMgPerKgPerHour;
  const unit = DOSE_ORDER_UNIT[anyOrder.kind];
  const { hardMin, softMin, softMax, hardMax } = doseLimitBounds(anyLimits);
  if (dose < hardMin) return { verdict: 'hardLimit', side: 'low', limit: hardMin, unit };
  if (dose > hardMax) return { verdict: 'hardLimit', side: 'high', limit: hardMax, unit };
  if (dose < softMin) return { verdict: 'softLimit', side: 'low', limit: softMin, unit };
  if (dose > softMax) return { verdict: 'softLimit', side: 'high', limit: softMax, unit };
  return { verdict: 'within' };
}

/**
 * One stretch of the pump running at a constant rate. A rate change starts a new segment;
 * a pause is a segment at 0 mL/h or simply a gap; `toAt` null means still running.
 * Times are epoch ms.
 */
export const InfusionSegmentSchema = z.object({
  fromAt: EpochMsSchema,
  toAt: EpochMsSchema.nullable(),
  rateMlPerHour: z.number().finite().nonnegative(),
});
export type InfusionSegment = z.infer<typeof InfusionSegmentSchema>;

export const DeliveredDoseSchema = z.object({
  /** Rounded like the plan's volume and total dose (DoseRounding), for display. */
  volumeMl: z.number(),
  doseMg: z.number(),
  /** Unrounded; compare these with the plan's `exact` figures. */
  exact: z.object({ volumeMl: z.number(), doseMg: z.number() }),
});
export type DeliveredDose = z.infer<typeof DeliveredDoseSchema>;

const MS_PER_HOUR = 3_600_000;

function requireValidSegments(segments: readonly InfusionSegment[]): void {
  segments.forEach((segment, index) => {
    const name = `segments[${index}]`;
    if (!Number.isFinite(segment.fromAt)) throw new RangeError(`${name}.fromAt must be a finite epoch ms time`);
    if (segment.toAt !== null && !(Number.isFinite(segment.toAt) && segment.toAt >= segment.fromAt)) {
      throw new RangeError(`${name}.toAt must be a finite epoch ms time at or after fromAt, or null`);
    }
    if (!Number.isFinite(segment.rateMlPerHour) || segment.rateMlPerHour < 0) {
      throw new RangeError(`${name}.rateMlPerHour must be a finite number of 0 mL/h or more, got ${String(segment.rateMlPerHour)}`);
    }
  });
  // Overlapping segments would count the same minutes twice.
  const byStart = [...segments].sort((a, b) => a.fromAt - b.fromAt);
  for (let i = 1; i < byStart.length; i += 1) {
    const previous = byStart[i - 1];
    const next = byStart[i];
    if (previous && next && (previous.toAt ?? Number.POSITIVE_INFINITY) > next.fromAt) {
      throw new RangeError('Infusion segments must not overlap (a still-running segment must be the last)');
    }
  }
}

/**
 * Estimated volume and dose delivered up to `nowAt`: the sum of rate x time over the
 * segments, each clipped to `nowAt` (anything after `nowAt` is ignored). It is an
 * estimate from the programmed rates, not a pump reading. A pump stops at the volume it was
 * given to infuse (the ordered volume, `orderedVolumeMl`), so the estimate never passes it:
 * an infusion left running past its end must not read as a dose beyond the order.
 */
export function deliveredDose(
  segments: readonly InfusionSegment[],
  concentrationMgPerMl: number,
  nowAt: number,
  rounding: DoseRounding = DEFAULT_DOSE_ROUNDING,
  orderedVolumeMl: number = Number.POSITIVE_INFINITY,
): DeliveredDose {
  requirePositive(concentrationMgPerMl, 'concentrationMgPerMl', 'mg/mL');
  if (!Number.isFinite(nowAt)) throw new RangeError('nowAt must be a finite epoch ms time');
  if (!(orderedVolumeMl > 0)) throw new RangeError(`orderedVolumeMl must be above 0 mL (got ${orderedVolumeMl})`);
  requireValidSegments(segments);
  let volumeMl = 0;
  for (const segment of segments) {
    const endAt = Math.min(segment.toAt ?? nowAt, nowAt);
    const runMs = Math.max(0, endAt - segment.fromAt);
    volumeMl += (segment.rateMlPerHour * runMs) / MS_PER_HOUR;
  }
  volumeMl = Math.min(volumeMl, orderedVolumeMl);
  const doseMg = volumeMl * concentrationMgPerMl;
  return {
    volumeMl: roundToDecimals(volumeMl, rounding.mlDecimals),
    doseMg: roundToDecimals(doseMg, rounding.mgDecimals),
    exact: { volumeMl, doseMg },
  };
}

/**
 * The delivered estimate as main computed it at `asOf`, with the rate the pump was running at
 * then (0 when paused or stopped), so a screen can carry it forward second by second until the
 * next change (a pause, a resume, a rate change) sends a new one.
 */
export const DeliveredSnapshotSchema = z.object({
  /** Rounded for display, as DeliveredDose. */
  volumeMl: z.number(),
  doseMg: z.number(),
  exactVolumeMl: z.number().nonnegative(),
  asOf: EpochMsSchema,
  runningRateMlPerHour: z.number().finite().nonnegative(),
});
export type DeliveredSnapshot = z.infer<typeof DeliveredSnapshotSchema>;

/** The rate of the segment still running at `nowAt` (0 when the pump is not running). */
export function runningRateAt(segments: readonly InfusionSegment[], nowAt: number): number {
  const running = segments.find((segment) => segment.toAt === null && segment.fromAt <= nowAt);
  return running?.rateMlPerHour ?? 0;
}

export interface DeliveredNow extends DeliveredDose {
  /** mL of the ordered volume still to run in (0 once it has). */
  remainingMl: number;
  /** When the ordered volume runs in (or ran in, since the snapshot) at the running rate; null when the pump is not running or it had run in before the snapshot. */
  runsInAt: number | null;
}

/**
 * A snapshot carried forward to `nowAt`, exactly as `deliveredDose` would answer for the same
 * segments if nothing changed in between: the running rate times the time since, up to the
 * ordered volume (where the pump stops). Also when the ordered volume runs in at that rate.
 */
export function deliveredNow(snapshot: DeliveredSnapshot, concentrationMgPerMl: number, orderedVolumeMl: number, nowAt: number, rounding: DoseRounding = DEFAULT_DOSE_ROUNDING): DeliveredNow {
  requirePositive(concentrationMgPerMl, 'concentrationMgPerMl', 'mg/mL');
  const rate = snapshot.runningRateMlPerHour;
  const runMs = Math.max(0, nowAt - snapshot.asOf);
  const volumeMl = Math.min(orderedVolumeMl, snapshot.exactVolumeMl + (rate * runMs) / MS_PER_HOUR);
  const doseMg = volumeMl * concentrationMgPerMl;
  const leftAtSnapshot = Math.max(0, orderedVolumeMl - snapshot.exactVolumeMl);
  const runsInAt = rate > 0 && leftAtSnapshot > 0 ? snapshot.asOf + Math.round((leftAtSnapshot / rate) * MS_PER_HOUR) : null;
  return {
    volumeMl: roundToDecimals(volumeMl, rounding.mlDecimals),
    doseMg: roundToDecimals(doseMg, rounding.mgDecimals),
    exact: { volumeMl, doseMg },
    remainingMl: roundToDecimals(Math.max(0, orderedVolumeMl - volumeMl), rounding.mlDecimals),
    runsInAt,
  };
}
