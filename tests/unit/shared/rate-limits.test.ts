import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDose, type DoseLimits } from '../../../shared/clinical/dose';
import { checkRateAgainstLimits, rateLimitsOf, type RatedOrder } from '../../../shared/clinical/rate-limits';

// CLINICAL.md section 2: 80 kg at 0.5 mg/kg over 40 min at 1 mg/mL is 40 mL at 60 mL/h.
const depression: RatedOrder = { orderKind: 'perKgTotal', weightKg: 80, concentrationMgPerMl: 1, durationMinutes: 40, rateMlPerHour: 60 };
const depressionLimits: DoseLimits = { kind: 'perKgTotal', hardMinMgPerKg: 0.1, softMinMgPerKg: 0.3, softMaxMgPerKg: 0.75, hardMaxMgPerKg: 1 };
// A pain protocol's per-hour order: 0.35 mg/kg/h for 80 kg at 1 mg/mL is 28 mL/h.
const pain: RatedOrder = { orderKind: 'perKgPerHour', weightKg: 80, concentrationMgPerMl: 1, durationMinutes: 240, rateMlPerHour: 28 };
const painLimits: DoseLimits = { kind: 'perKgPerHour', hardMinMgPerKgPerHour: 0.05, softMinMgPerKgPerHour: 0.1, softMaxMgPerKgPerHour: 0.5, hardMaxMgPerKgPerHour: 1 };

describe('pump rate limits of an order', () => {
  it('turn a total-dose protocol\'s soft and hard maxima into the rates that would give them over the ordered duration', () => {
    // 0.75 mg/kg x 80 kg over 40 min = 90 mL/h; 1 mg/kg = 120 mL/h.
    expect(rateLimitsOf(depression, depressionLimits)).toEqual({ softMaxMlPerHour: 90, hardMaxMlPerHour: 120 });
  });

  it('turn a per-hour protocol\'s maxima into rates directly', () => {
    expect(rateLimitsOf(pain, painLimits)).toEqual({ softMaxMlPerHour: 40, hardMaxMlPerHour: 80 });
  });

  it('judge a rate: up to the soft limit within, then soft, above the hard limit refused; slowing down never needs a reason', () => {
    const limits = rateLimitsOf(depression, depressionLimits);
    expect(checkRateAgainstLimits(0, limits)).toEqual({ verdict: 'within' });
    expect(checkRateAgainstLimits(45, limits)).toEqual({ verdict: 'within' });
    expect(checkRateAgainstLimits(90, limits)).toEqual({ verdict: 'within' });
    expect(checkRateAgainstLimits(90.1, limits)).toEqual({ verdict: 'softLimit', limit: 90, unit: 'mL/h' });
    expect(checkRateAgainstLimits(120, limits)).toEqual({ verdict: 'softLimit', limit: 90, unit: 'mL/h' });
    // A mistyped 900 for 90: the 40 mg order in under three minutes.
    expect(checkRateAgainstLimits(900, limits)).toEqual({ verdict: 'hardLimit', limit: 120, unit: 'mL/h' });
  });

  it('let the ordered rate itself pass when a physician ordered a dose beyond the soft limit', () => {
    // 0.9 mg/kg (above the soft 0.75, with a reason) is 108 mL/h.
    expect(rateLimitsOf({ ...depression, rateMlPerHour: 108 }, depressionLimits)).toEqual({ softMaxMlPerHour: 108, hardMaxMlPerHour: 120 });
  });

  it('refuse limits of the other kind of order', () => {
    expect(() => rateLimitsOf(depression, painLimits)).toThrow(/perKgPerHour.*perKgTotal/);
  });

  it('never pass a rate whose dose is beyond the protocol\'s maximum, always pass the ordered rate, and only tighten as the rate rises', () => {
    const limitsArb = fc
      .tuple(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }))
      .map(([softMax, factor]) => ({ softMax, hardMax: softMax * factor }));
    fc.assert(
      fc.property(
        fc.constantFrom('perKgTotal' as const, 'perKgPerHour' as const),
        limitsArb,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 3, max: 250, noNaN: true }),
        fc.constantFrom(0.5, 1, 2, 10, 50),
        fc.integer({ min: 5, max: 600 }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        (kind, { softMax, hardMax }, doseShare, weightKg, concentrationMgPerMl, durationMinutes, rate) => {
          const dosePerKg = Math.max(0.001, softMax * doseShare);
          const limits: DoseLimits =
            kind === 'perKgTotal'
              ? { kind, hardMinMgPerKg: 0, softMinMgPerKg: 0, softMaxMgPerKg: softMax, hardMaxMgPerKg: hardMax }
              : { kind, hardMinMgPerKgPerHour: 0, softMinMgPerKgPerHour: 0, softMaxMgPerKgPerHour: softMax, hardMaxMgPerKgPerHour: hardMax };
          const plan = planDose(kind === 'perKgTotal' ? { kind, doseMgPerKg: dosePerKg, durationMinutes } : { kind, doseMgPerKgPerHour: dosePerKg, durationMinutes }, weightKg, concentrationMgPerMl);
          const order: RatedOrder = { orderKind: kind, weightKg, concentrationMgPerMl, durationMinutes, rateMlPerHour: plan.rateMlPerHour };
          const rateLimits = rateLimitsOf(order, limits);
          expect(checkRateAgainstLimits(order.rateMlPerHour, rateLimits).verdict).toBe('within');
          expect(rateLimits.hardMaxMlPerHour).toBeGreaterThanOrEqual(rateLimits.softMaxMlPerHour);
          // The dose rate (mg/kg/h) a passing rate gives stays within the protocol's maximum, past the ordered rate.
          const hours = kind === 'perKgTotal' ? durationMinutes / 60 : 1;
          const doseOf = (mlPerHour: number) => (mlPerHour * concentrationMgPerMl * hours) / weightKg;
          const verdict = checkRateAgainstLimits(rate, rateLimits).verdict;
          if (verdict === 'within' && rate > order.rateMlPerHour) expect(doseOf(rate)).toBeLessThanOrEqual(softMax * (1 + 1e-9));
          if (verdict !== 'hardLimit') expect(doseOf(rate)).toBeLessThanOrEqual(Math.max(hardMax, doseOf(order.rateMlPerHour)) * (1 + 1e-9));
          const rank = { within: 0, softLimit: 1, hardLimit: 2 } as const;
          expect(rank[checkRateAgainstLimits(rate + 1, rateLimits).verdict]).toBeGreaterThanOrEqual(rank[verdict]);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
