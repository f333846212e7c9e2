import { doseLimitBounds, type DoseLimits, type DoseOrderKind } from './dose';

/** What a pump rate is judged against: the order as placed (its weight, concentration and duration). */
export interface RatedOrder {
  orderKind: DoseOrderKind;
  weightKg: number;
  concentrationMgPerMl: number;
  durationMinutes: number;
  /** The ordered rate: a physician placed it, with a reason when it was beyond a soft limit. */
  rateMlPerHour: number;
}

/** The highest pump rates for an order: above `softMax` a rate change needs a physician's reason; above `hardMax` it is refused. */
export interface RateLimits {
  softMaxMlPerHour: number;
  hardMaxMlPerHour: number;
}

export type RateLimitCheck = { verdict: 'within' } | { verdict: 'softLimit' | 'hardLimit'; limit: number; unit: 'mL/h' };

/** Pumps take 0.1 mL/h steps; a limit is rounded down to one, so the limit shown is never above the dose limit it comes from. */
const floorToPumpStep = (mlPerHour: number) => Math.floor(mlPerHour * 10 + 1e-9) / 10;

/**
 * The protocol's soft and hard maximum doses as pump rates for this order, as a smart pump's
 * drug library caps a continuous infusion's dose rate. A per-hour order's limits are dose
 * rates already (mg/kg/h x kg / mg/mL); a total-dose order's are the rate that would give that
 * dose over the ordered duration, so running the bag faster than the protocol allows is caught
 * even though the pump stops at the ordered volume. The ordered rate itself always passes: a
 * dose beyond a soft limit was ordered with a physician's reason. There is no lower limit:
 * slowing the pump for a side effect must never need a reason.
 */
export function rateLimitsOf(order: RatedOrder, limits: DoseLimits): RateLimits {
  if (limits.kind !== order.orderKind) throw new RangeError(`Limits for ${limits.kind} orders cannot judge a ${order.orderKind} order`);
  const { softMax, hardMax } = doseLimitBounds(limits);
  const hours = order.orderKind === 'perKgTotal' ? order.durationMinutes / 60 : 1;
  const asRate = (dose: number) => floorToPumpStep((dose * order.weightKg) / order.concentrationMgPerMl / hours);
  const softMaxMlPerHour = Math.max(asRate(softMax), order.rateMlPerHour);
  return { softMaxMlPerHour, hardMaxMlPerHour: Math.max(asRate(hardMax), softMaxMlPerHour) };
}

export function checkRateAgainstLimits(rateMlPerHour: number, limits: RateLimits): RateLimitCheck {
  if (rateMlPerHour > limits.hardMaxMlPerHour) return { verdict: 'hardLimit', limit: limits.hardMaxMlPerHour, unit: 'mL/h' };
  if (rateMlPerHour > limits.softMaxMlPerHour) return { verdict: 'softLimit', limit: limits.softMaxMlPerHour, unit: 'mL/h' };
  return { verdict: 'within' };
}
