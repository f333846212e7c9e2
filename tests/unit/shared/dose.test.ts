import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOSE_ROUNDING,
  DeliveredDoseSchema,
  DoseLimitCheckSchema,
  DoseLimitsSchema,
  DoseOrderSchema,
  DosePlanSchema,
  checkDoseAgainstLimits,
  deliveredDose,
  planDose,
  roundToDecimals,
  type DoseLimits,
  type DoseOrder,
  type InfusionSegment,
} from '../../../shared/clinical/dose';

const MIN = 60_000;
const START = Date.UTC(2025, 2, 3, 9, 0, 0);
const t = (minutes: number) => START + minutes * MIN;

const depression = (doseMgPerKg: number, durationMinutes = 40): DoseOrder => ({ kind: 'perKgTotal', doseMgPerKg, durationMinutes });
const perHour = (doseMgPerKgPerHour: number, durationMinutes = 240): DoseOrder => ({ kind: 'perKgPerHour', doseMgPerKgPerHour, durationMinutes });

describe('planDose: the worked examples of CLINICAL.md section 2', () => {
  it('80 kg at 0.5 mg/kg over 40 min at 1 mg/mL = 40 mg, 40 mL, 60 mL/h', () => {
    const plan = planDose(depression(0.5), 80, 1);
    expect(plan).toMatchObject({
      totalDoseMg: 40,
      volumeMl: 40,
      rateMlPerHour: 60,
      rateMgPerHour: 60,
      durationMinutes: 40,
      doseMgPerKg: 0.5,
      doseMgPerKgPerHour: 0.75,
    });
    expect(DosePlanSchema.parse(plan)).toEqual(plan);
  });

  it('0.35 mg/kg/h x 70 kg at 1 mg/mL over 240 min = 24.5 mL/h and 98 mg in total', () => {
    const plan = planDose(perHour(0.35), 70, 1);
    expect(plan).toMatchObject({
      rateMlPerHour: 24.5,
      rateMgPerHour: 24.5,
      totalDoseMg: 98,
      volumeMl: 98,
      durationMinutes: 240,
      doseMgPerKgPerHour: 0.35,
      doseMgPerKg: 1.4,
    });
    // 0.35 x 70 is 24.499999999999996 in binary; the display value must still read 24.5.
    expect(plan.exact.rateMlPerHour).toBeCloseTo(24.5, 12);
  });

  it('divides by the concentration: 80 kg at 0.5 mg/kg at 10 mg/mL over 40 min = 4 mL at 6 mL/h', () => {
    expect(planDose(depression(0.5), 80, 10)).toMatchObject({ totalDoseMg: 40, volumeMl: 4, rateMlPerHour: 6, rateMgPerHour: 60 });
  });

  it('a longer infusion of the same dose runs slower: 0.5 mg/kg x 80 kg over 100 min = 24 mL/h', () => {
    expect(planDose(depression(0.5, 100), 80, 1)).toMatchObject({ volumeMl: 40, rateMlPerHour: 24, doseMgPerKgPerHour: 0.3 });
  });
});

describe('planDose rounding', () => {
  it('rounds each display figure from the exact value, never from another rounded figure', () => {
    // 0.5 mg/kg x 73.3 kg = 36.65 mg -> 36.7 mL shown. The rate is 36.65 mL / (2/3 h) = 54.975 -> 55.0 mL/h.
    // Chaining from the rounded volume would give 36.7 x 1.5 = 55.05 -> 55.1 mL/h, the wrong figure.
    const plan = planDose(depression(0.5), 73.3, 1);
    expect(plan.volumeMl).toBe(36.7);
    expect(plan.rateMlPerHour).toBe(55);
    expect(plan.exact.volumeMl).toBeCloseTo(36.65, 12);
    expect(plan.exact.rateMlPerHour).toBeCloseTo(54.975, 12);
  });

  it('rounds half up to 0.1 mg, 0.1 mL and 0.1 mL/h by default', () => {
    expect(DEFAULT_DOSE_ROUNDING).toMatchObject({ mgDecimals: 1, mlDecimals: 1, mlPerHourDecimals: 1 });
    // 0.45 mg/kg x 81 kg = 36.45 mg exactly in decimal; shown as 36.5.
    expect(planDose(depression(0.45), 81, 1).totalDoseMg).toBe(36.5);
    // 0.44 x 81 = 35.64 -> 35.6
    expect(planDose(depression(0.44), 81, 1).totalDoseMg).toBe(35.6);
  });

  it('shows the ordered per-kg figure as written and rounds only the derived one', () => {
    // 0.5 mg/kg over 45 min = 0.6666... mg/kg/h, shown to 0.001.
    const plan = planDose(depression(0.5, 45), 80, 1);
    expect(plan.doseMgPerKg).toBe(0.5);
    expect(plan.doseMgPerKgPerHour).toBe(0.667);
    expect(planDose(depression(0.3333), 80, 1).doseMgPerKg).toBe(0.3333);
  });

  it('takes a clinic rounding for pumps with finer steps', () => {
    const plan = planDose(depression(0.5), 73.3, 1, { ...DEFAULT_DOSE_ROUNDING, mlPerHourDecimals: 2 });
    expect(plan.rateMlPerHour).toBe(54.98);
  });

  it('roundToDecimals is not swayed by binary noise at the half', () => {
    expect(roundToDecimals(0.35 * 70, 1)).toBe(24.5);
    expect(roundToDecimals(1.005, 2)).toBe(1.01);
    expect(roundToDecimals(24.449, 1)).toBe(24.4);
  });
});

describe('planDose refuses invalid inputs with a RangeError naming the argument and unit', () => {
  const bad = [0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  it.each(bad)('weightKg %s', (value) => {
    expect(() => planDose(depression(0.5), value, 1)).toThrow(RangeError);
    expect(() => planDose(depression(0.5), value, 1)).toThrow(/weightKg.*kg/);
  });
  it.each(bad)('concentrationMgPerMl %s', (value) => {
    expect(() => planDose(depression(0.5), 80, value)).toThrow(/concentrationMgPerMl.*mg\/mL/);
  });
  it.each(bad)('order.durationMinutes %s', (value) => {
    expect(() => planDose(depression(0.5, value), 80, 1)).toThrow(/order\.durationMinutes.*min/);
  });
  it.each(bad)('order.doseMgPerKg %s', (value) => {
    expect(() => planDose(depression(value), 80, 1)).toThrow(/order\.doseMgPerKg .*mg\/kg/);
  });
  it.each(bad)('order.doseMgPerKgPerHour %s', (value) => {
    expect(() => planDose(perHour(value), 80, 1)).toThrow(/order\.doseMgPerKgPerHour.*mg\/kg\/h/);
  });

  it('the order schema refuses the same values at the contract', () => {
    expect(DoseOrderSchema.safeParse(depression(0)).success).toBe(false);
    expect(DoseOrderSchema.safeParse(perHour(Number.NaN)).success).toBe(false);
    expect(DoseOrderSchema.safeParse({ kind: 'perKgTotal', doseMgPerKgPerHour: 0.5, durationMinutes: 40 }).success).toBe(false);
    expect(DoseOrderSchema.safeParse(depression(0.5)).success).toBe(true);
  });
});

describe('planDose properties', () => {
  const order = fc.oneof(
    fc.record({ kind: fc.constant('perKgTotal' as const), doseMgPerKg: fc.double({ min: 0.05, max: 2, noNaN: true }), durationMinutes: fc.integer({ min: 10, max: 600 }) }),
    fc.record({ kind: fc.constant('perKgPerHour' as const), doseMgPerKgPerHour: fc.double({ min: 0.05, max: 2, noNaN: true }), durationMinutes: fc.integer({ min: 10, max: 600 }) }),
  );
  const weightKg = fc.double({ min: 20, max: 350, noNaN: true });
  const concentrationMgPerMl = fc.constantFrom(0.5, 1, 2, 10, 50);

  it('the exact figures agree with each other, and each display figure is within half a step of its exact value', () => {
    fc.assert(
      fc.property(order, weightKg, concentrationMgPerMl, (o, kg, conc) => {
        const plan = planDose(o, kg, conc);
        const { exact } = plan;
        expect(exact.volumeMl * conc).toBeCloseTo(exact.totalDoseMg, 9);
        expect(exact.rateMlPerHour * (exact.durationMinutes / 60)).toBeCloseTo(exact.volumeMl, 9);
        expect(exact.rateMgPerHour / kg).toBeCloseTo(exact.doseMgPerKgPerHour, 9);
        expect(Math.abs(plan.volumeMl - exact.volumeMl)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(plan.rateMlPerHour - exact.rateMlPerHour)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(plan.totalDoseMg - exact.totalDoseMg)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

/** Limits for a total-dose depression protocol, mg/kg. */
const TOTAL_LIMITS: DoseLimits = { kind: 'perKgTotal', hardMinMgPerKg: 0.1, softMinMgPerKg: 0.3, softMaxMgPerKg: 0.6, hardMaxMgPerKg: 0.75 };
/** Limits for a per-hour pain protocol, mg/kg/h. */
const HOURLY_LIMITS: DoseLimits = {
  kind: 'perKgPerHour',
  hardMinMgPerKgPerHour: 0.1,
  softMinMgPerKgPerHour: 0.2,
  softMaxMgPerKgPerHour: 0.4,
  hardMaxMgPerKgPerHour: 0.5,
};

describe('checkDoseAgainstLimits (smart-pump soft and hard limits)', () => {
  it.each([
    [0.05, { verdict: 'hardLimit', side: 'low', limit: 0.1, unit: 'mg/kg' }],
    [0.0999, { verdict: 'hardLimit', side: 'low', limit: 0.1, unit: 'mg/kg' }],
    [0.1, { verdict: 'softLimit', side: 'low', limit: 0.3, unit: 'mg/kg' }],
    [0.2999, { verdict: 'softLimit', side: 'low', limit: 0.3, unit: 'mg/kg' }],
    [0.3, { verdict: 'within' }],
    [0.5, { verdict: 'within' }],
    [0.6, { verdict: 'within' }],
    [0.6001, { verdict: 'softLimit', side: 'high', limit: 0.6, unit: 'mg/kg' }],
    [0.75, { verdict: 'softLimit', side: 'high', limit: 0.6, unit: 'mg/kg' }],
    [0.7501, { verdict: 'hardLimit', side: 'high', limit: 0.75, unit: 'mg/kg' }],
    [2, { verdict: 'hardLimit', side: 'high', limit: 0.75, unit: 'mg/kg' }],
  ] as const)('%s mg/kg total -> %o', (doseMgPerKg, expected) => {
    const check = checkDoseAgainstLimits(depression(doseMgPerKg), TOTAL_LIMITS);
    expect(check).toEqual(expected);
    expect(DoseLimitCheckSchema.parse(check)).toEqual(check);
  });

  it.each([
    [0.09, 'hardLimit', 'low'],
    [0.1, 'softLimit', 'low'],
    [0.2, 'within', undefined],
    [0.35, 'within', undefined],
    [0.4, 'within', undefined],
    [0.45, 'softLimit', 'high'],
    [0.5, 'softLimit', 'high'],
    [0.51, 'hardLimit', 'high'],
  ] as const)('%s mg/kg/h -> %s %s, in mg/kg/h', (doseMgPerKgPerHour, verdict, side) => {
    const check = checkDoseAgainstLimits(perHour(doseMgPerKgPerHour), HOURLY_LIMITS);
    expect(check.verdict).toBe(verdict);
    if (check.verdict !== 'within') expect(check).toMatchObject({ side, unit: 'mg/kg/h' });
  });

  it('judges the ordered figure, not the duration: 0.5 mg/kg over 40 or 100 min is the same verdict', () => {
    expect(checkDoseAgainstLimits(depression(0.5, 40), TOTAL_LIMITS)).toEqual(checkDoseAgainstLimits(depression(0.5, 100), TOTAL_LIMITS));
  });

  it('refuses to judge a mg/kg/h order with mg/kg limits (and the reverse)', () => {
    const hourly: DoseOrder = perHour(0.5);
    const total: DoseOrder = depression(0.5);
    expect(() => checkDoseAgainstLimits(hourly, TOTAL_LIMITS)).toThrow(/mg\/kg cannot judge an order in mg\/kg\/h/);
    expect(() => checkDoseAgainstLimits(total, HOURLY_LIMITS)).toThrow(RangeError);
  });

  it('refuses limits out of order, and the schema says so too', () => {
    const swapped: DoseLimits = { ...TOTAL_LIMITS, softMinMgPerKg: 0.7 };
    expect(() => checkDoseAgainstLimits(depression(0.5), swapped)).toThrow(/hardMin <= softMin <= softMax <= hardMax/);
    expect(DoseLimitsSchema.safeParse(swapped).success).toBe(false);
    const softOutsideHard: DoseLimits = { ...TOTAL_LIMITS, hardMaxMgPerKg: 0.5 };
    expect(DoseLimitsSchema.safeParse(softOutsideHard).success).toBe(false);
    const hardMinAboveSoft: DoseLimits = { ...TOTAL_LIMITS, hardMinMgPerKg: 0.35 };
    expect(() => checkDoseAgainstLimits(depression(0.5), hardMinAboveSoft)).toThrow(RangeError);
  });

  it('accepts limits that coincide (no soft band), and then a dose is either within or refused', () => {
    const tight: DoseLimits = { kind: 'perKgTotal', hardMinMgPerKg: 0.5, softMinMgPerKg: 0.5, softMaxMgPerKg: 0.5, hardMaxMgPerKg: 0.5 };
    expect(DoseLimitsSchema.parse(tight)).toEqual(tight);
    expect(checkDoseAgainstLimits(depression(0.5), tight)).toEqual({ verdict: 'within' });
    expect(checkDoseAgainstLimits(depression(0.51), tight)).toMatchObject({ verdict: 'hardLimit', side: 'high' });
  });

  it('refuses an invalid order rather than judging it', () => {
    expect(() => checkDoseAgainstLimits(depression(Number.NaN), TOTAL_LIMITS)).toThrow(/order\.doseMgPerKg/);
    expect(() => checkDoseAgainstLimits(depression(0.5, 0), TOTAL_LIMITS)).toThrow(/order\.durationMinutes/);
  });

  it('never calls a dose inside the soft band anything but within, and never within outside it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 3, noNaN: true }), (doseMgPerKg) => {
        const { verdict } = checkDoseAgainstLimits(depression(doseMgPerKg), TOTAL_LIMITS);
        const inSoft = doseMgPerKg >= 0.3 && doseMgPerKg <= 0.6;
        const inHard = doseMgPerKg >= 0.1 && doseMgPerKg <= 0.75;
        expect(verdict).toBe(inSoft ? 'within' : inHard ? 'softLimit' : 'hardLimit');
      }),
    );
  });
});

describe('deliveredDose', () => {
  const segment = (fromMin: number, toMin: number | null, rateMlPerHour: number): InfusionSegment => ({
    fromAt: t(fromMin),
    toAt: toMin === null ? null : t(toMin),
    rateMlPerHour,
  });

  it('a constant rate for the full duration delivers exactly the planned volume', () => {
    const plan = planDose(depression(0.5), 80, 1);
    const delivered = deliveredDose([segment(0, 40, plan.rateMlPerHour)], 1, t(40));
    expect(delivered.exact.volumeMl).toBe(plan.exact.volumeMl);
    expect(delivered).toEqual({ volumeMl: 40, doseMg: 40, exact: { volumeMl: 40, doseMg: 40 } });
    expect(DeliveredDoseSchema.parse(delivered)).toEqual(delivered);
  });

  it('a pause in the middle (a gap, or a 0 mL/h segment) delivers less', () => {
    const withGap = deliveredDose([segment(0, 10, 60), segment(15, 40, 60)], 1, t(40));
    const withZero = deliveredDose([segment(0, 10, 60), segment(10, 15, 0), segment(15, 40, 60)], 1, t(40));
    expect(withGap.exact.volumeMl).toBe(35);
    expect(withZero).toEqual(withGap);
  });

  it('a rate change midway starts a new segment', () => {
    const segments = [segment(0, 20, 60), segment(20, 40, 30)];
    expect(deliveredDose(segments, 1, t(40))).toMatchObject({ volumeMl: 30, doseMg: 30 });
    expect(deliveredDose(segments, 2, t(40))).toMatchObject({ volumeMl: 30, doseMg: 60 });
  });

  it('counts a still-running segment up to now', () => {
    expect(deliveredDose([segment(0, null, 60)], 1, t(10)).exact.volumeMl).toBe(10);
    expect(deliveredDose([segment(0, 20, 60), segment(20, null, 30)], 1, t(30)).exact.volumeMl).toBe(25);
  });

  it('ignores segments after now and clips the one that straddles it', () => {
    const segments = [segment(0, 20, 60), segment(20, 40, 30), segment(50, 60, 60)];
    expect(deliveredDose(segments, 1, t(30)).exact.volumeMl).toBe(25);
    expect(deliveredDose(segments, 1, t(45)).exact.volumeMl).toBe(30);
    expect(deliveredDose(segments, 1, t(-5)).exact.volumeMl).toBe(0);
    expect(deliveredDose([], 1, t(30))).toEqual({ volumeMl: 0, doseMg: 0, exact: { volumeMl: 0, doseMg: 0 } });
    // Left running two hours at 60 mL/h on a 40 mL order: the pump stopped at 40 mL, and so does the estimate.
    expect(deliveredDose([segment(0, null, 60)], 1, t(120), undefined, 40)).toMatchObject({ volumeMl: 40, doseMg: 40 });
    expect(deliveredDose([segment(0, null, 60)], 2, t(20), undefined, 40)).toMatchObject({ volumeMl: 20, doseMg: 40 });
    expect(() => deliveredDose([segment(0, null, 60)], 1, t(20), undefined, 0)).toThrow(/orderedVolumeMl.*mL/);
  });

  it('rounds only the display values, to 0.1 mL and 0.1 mg', () => {
    // 7 mL/h for 1 min = 0.11666... mL
    const delivered = deliveredDose([segment(0, 1, 7)], 10, t(1));
    expect(delivered.volumeMl).toBe(0.1);
    expect(delivered.doseMg).toBe(1.2);
    expect(delivered.exact.volumeMl).toBeCloseTo(7 / 60, 12);
    expect(delivered.exact.doseMg).toBeCloseTo(70 / 60, 12);
  });

  it('accepts segments in any order', () => {
    expect(deliveredDose([segment(20, 40, 30), segment(0, 20, 60)], 1, t(40)).exact.volumeMl).toBe(30);
  });

  it('refuses overlapping segments, which would count the same minutes twice', () => {
    expect(() => deliveredDose([segment(0, 20, 60), segment(10, 30, 60)], 1, t(40))).toThrow(/overlap/);
    expect(() => deliveredDose([segment(0, null, 60), segment(10, 30, 60)], 1, t(40))).toThrow(/overlap/);
  });

  it('refuses a negative rate, an end before its start, a bad concentration or a bad now', () => {
    expect(() => deliveredDose([segment(0, 10, -1)], 1, t(40))).toThrow(/segments\[0\]\.rateMlPerHour.*mL\/h/);
    expect(() => deliveredDose([segment(0, 10, Number.NaN)], 1, t(40))).toThrow(RangeError);
    expect(() => deliveredDose([segment(0, 10, 60), segment(20, 15, 60)], 1, t(40))).toThrow(/segments\[1\]\.toAt/);
    expect(() => deliveredDose([segment(0, 10, 60)], 0, t(40))).toThrow(/concentrationMgPerMl.*mg\/mL/);
    expect(() => deliveredDose([segment(0, 10, 60)], 1, Number.NaN)).toThrow(/nowAt/);
  });

  it('splitting a constant-rate run into pieces never changes the total, and more time never delivers less', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 239 }), { maxLength: 8 }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (cuts, rateMlPerHour, nowA, nowB) => {
          const edges = [0, ...[...cuts].sort((a, b) => a - b), 240];
          const pieces = edges.slice(1).map((to, i) => segment(edges[i] ?? 0, to, rateMlPerHour));
          const whole = deliveredDose([segment(0, 240, rateMlPerHour)], 1, t(240));
          expect(deliveredDose(pieces, 1, t(240)).exact.volumeMl).toBeCloseTo(whole.exact.volumeMl, 9);
          const earlier = deliveredDose(pieces, 1, t(Math.min(nowA, nowB))).exact.volumeMl;
          const later = deliveredDose(pieces, 1, t(Math.max(nowA, nowB))).exact.volumeMl;
          expect(later).toBeGreaterThanOrEqual(earlier - 1e-9);
        },
      ),
    );
  });
});
