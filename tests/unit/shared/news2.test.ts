import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundToDecimals } from '../../../shared/clinical/dose';
import {
  ACVPU_BY_MOAAS,
  NEWS2_CHART,
  NEWS2_PHYSIOLOGICAL_PARAMETERS,
  News2InputSchema,
  News2ScoreSchema,
  news2ParameterScore,
  scoreNews2,
  type News2Input,
  type News2PhysiologicalParameter,
} from '../../../shared/clinical/news2';

/** Every printed edge of the RCP chart (CLINICAL.md section 6), both sides: [value, score]. */
const EDGES: Record<News2PhysiologicalParameter, readonly (readonly [number, number])[]> = {
  respiratoryRatePerMin: [
    [0, 3],
    [8, 3],
    [9, 1],
    [11, 1],
    [12, 0],
    [20, 0],
    [21, 2],
    [24, 2],
    [25, 3],
    [60, 3],
  ],
  spo2Pct: [
    [70, 3],
    [91, 3],
    [92, 2],
    [93, 2],
    [94, 1],
    [95, 1],
    [96, 0],
    [100, 0],
  ],
  systolicMmHg: [
    [60, 3],
    [90, 3],
    [91, 2],
    [100, 2],
    [101, 1],
    [110, 1],
    [111, 0],
    [219, 0],
    [220, 3],
    [260, 3],
  ],
  heartRateBpm: [
    [30, 3],
    [40, 3],
    [41, 1],
    [50, 1],
    [51, 0],
    [90, 0],
    [91, 1],
    [110, 1],
    [111, 2],
    [130, 2],
    [131, 3],
    [200, 3],
  ],
  moaasScore: [
    [0, 3],
    [1, 3],
    [2, 3],
    [3, 3],
    [4, 3],
    [5, 0],
  ],
  temperatureC: [
    [33.0, 3],
    [35.0, 3],
    [35.1, 1],
    [36.0, 1],
    [36.1, 0],
    [38.0, 0],
    [38.1, 1],
    [39.0, 1],
    [39.1, 2],
    [41.0, 2],
  ],
};

describe('news2ParameterScore at every band edge of the chart', () => {
  for (const parameter of NEWS2_PHYSIOLOGICAL_PARAMETERS) {
    it.each(EDGES[parameter])(`${parameter} %s scores %s`, (value, score) => {
      expect(news2ParameterScore(parameter, value)).toBe(score);
    });
  }
});

describe('values between the printed edges are compared at the charted precision', () => {
  it.each([
    [36.05, 0],
    [36.04, 1],
    [35.05, 1],
    [35.04, 3],
    [38.04, 0],
    [38.05, 1],
    [39.04, 1],
    [39.05, 2],
    [36.0999, 0],
  ])('temperature %s °C (charted to 0.1) scores %s', (value, score) => {
    expect(news2ParameterScore('temperatureC', value)).toBe(score);
  });

  it('whole-number parameters are rounded half up before lookup', () => {
    expect(news2ParameterScore('heartRateBpm', 90.4)).toBe(0);
    expect(news2ParameterScore('heartRateBpm', 90.5)).toBe(1);
    expect(news2ParameterScore('spo2Pct', 95.5)).toBe(0);
  });

  it('the chart leaves no gap at its precision: each band starts one step after the last ends', () => {
    for (const parameter of NEWS2_PHYSIOLOGICAL_PARAMETERS) {
      const { bands, decimals } = NEWS2_CHART[parameter];
      for (let i = 1; i < bands.length; i += 1) {
        const previous = bands[i - 1];
        const next = bands[i];
        if (!previous || !next) throw new Error('unreachable');
        expect(next.min, `${parameter} band ${i}`).toBe(roundToDecimals(previous.max + 10 ** -decimals, decimals));
      }
    }
  });

  it('scores any finite value of a vital sign 0-3 without throwing', () => {
    const vitals = NEWS2_PHYSIOLOGICAL_PARAMETERS.filter((p) => p !== 'moaasScore');
    fc.assert(
      fc.property(fc.constantFrom(...vitals), fc.double({ min: 0, max: 400, noNaN: true }), (parameter, value) => {
        const score = news2ParameterScore(parameter, value);
        expect([0, 1, 2, 3]).toContain(score);
      }),
    );
  });

  it('refuses a value that is not a finite number', () => {
    expect(() => news2ParameterScore('heartRateBpm', Number.NaN)).toThrow(/heartRateBpm/);
    expect(() => news2ParameterScore('temperatureC', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('consciousness from MOAA/S', () => {
  it('maps 5 to A, 3-4 to V, 1-2 to P, 0 to U', () => {
    expect(ACVPU_BY_MOAAS).toEqual({ 5: 'A', 4: 'V', 3: 'V', 2: 'P', 1: 'P', 0: 'U' });
  });

  it('refuses a MOAA/S that is not an integer 0-5', () => {
    for (const moaasScore of [4.5, 6, -1]) expect(() => scoreNews2({ ...NORMAL, moaasScore })).toThrow(/moaasScore/);
    expect(News2InputSchema.safeParse({ moaasScore: 6 }).success).toBe(false);
    expect(News2InputSchema.safeParse({ moaasScore: 4.5 }).success).toBe(false);
  });
});

/** A well adult at rest, on air. */
const NORMAL: News2Input = {
  respiratoryRatePerMin: 16,
  spo2Pct: 98,
  onSupplementalOxygen: false,
  systolicMmHg: 120,
  heartRateBpm: 70,
  moaasScore: 5,
  temperatureC: 36.8,
};

describe('scoreNews2 whole scores and the RCP response', () => {
  it('an all-normal adult scores 0, complete, no response', () => {
    const score = scoreNews2(NORMAL);
    expect(score).toEqual({
      total: 0,
      partial: false,
      missing: [],
      subscores: { respiratoryRatePerMin: 0, spo2Pct: 0, systolicMmHg: 0, heartRateBpm: 0, moaasScore: 0, temperatureC: 0, onSupplementalOxygen: 0 },
      highestSingleScore: 0,
      response: 'none',
      oxygenAssumedAir: false,
    });
    expect(News2ScoreSchema.parse(score)).toEqual(score);
  });

  it('a single 3 with a total of 3 asks for the medical team (lowMediumSingle)', () => {
    // MOAA/S 3 (responds to voice) during the infusion, everything else normal.
    expect(scoreNews2({ ...NORMAL, moaasScore: 3 })).toMatchObject({ total: 3, highestSingleScore: 3, response: 'lowMediumSingle' });
    expect(scoreNews2({ ...NORMAL, heartRateBpm: 135, temperatureC: 38.5 })).toMatchObject({ total: 4, response: 'lowMediumSingle' });
  });

  it('1-4 without a single 3 is low', () => {
    expect(scoreNews2({ ...NORMAL, heartRateBpm: 95 })).toMatchObject({ total: 1, response: 'low' });
    expect(scoreNews2({ ...NORMAL, onSupplementalOxygen: true })).toMatchObject({ total: 2, highestSingleScore: 2, response: 'low' });
    expect(scoreNews2({ ...NORMAL, respiratoryRatePerMin: 22, systolicMmHg: 95 })).toMatchObject({ total: 4, response: 'low' });
  });

  it('5-6 is medium, whether or not one parameter scored 3', () => {
    expect(scoreNews2({ ...NORMAL, respiratoryRatePerMin: 22, spo2Pct: 95, systolicMmHg: 105, heartRateBpm: 95 })).toMatchObject({ total: 5, response: 'medium' });
    expect(scoreNews2({ ...NORMAL, moaasScore: 2, heartRateBpm: 115, spo2Pct: 95 })).toMatchObject({ total: 6, highestSingleScore: 3, response: 'medium' });
  });

  it('a worked example of 7 or more is high', () => {
    // RR 22 (2), SpO2 94 (1), air (0), SBP 100 (2), HR 105 (1), alert (0), 38.2 °C (1) = 7
    const seven = scoreNews2({ respiratoryRatePerMin: 22, spo2Pct: 94, onSupplementalOxygen: false, systolicMmHg: 100, heartRateBpm: 105, moaasScore: 5, temperatureC: 38.2 });
    expect(seven).toMatchObject({
      total: 7,
      response: 'high',
      subscores: { respiratoryRatePerMin: 2, spo2Pct: 1, onSupplementalOxygen: 0, systolicMmHg: 2, heartRateBpm: 1, moaasScore: 0, temperatureC: 1 },
    });
    // RR 26 (3), SpO2 91 (3), oxygen (2), SBP 88 (3), HR 135 (3), unresponsive (3), 39.5 °C (2) = 19
    const worst = scoreNews2({ respiratoryRatePerMin: 26, spo2Pct: 91, onSupplementalOxygen: true, systolicMmHg: 88, heartRateBpm: 135, moaasScore: 0, temperatureC: 39.5 });
    expect(worst).toMatchObject({ total: 19, highestSingleScore: 3, response: 'high' });
  });

  it('the highest possible total is 20', () => {
    const max = scoreNews2({ respiratoryRatePerMin: 30, spo2Pct: 85, onSupplementalOxygen: true, systolicMmHg: 80, heartRateBpm: 140, moaasScore: 0, temperatureC: 34 });
    expect(max.total).toBe(20);
  });
});

describe('scoreNews2 partial scores and the oxygen flag', () => {
  it('marks a missing parameter partial and leaves it out of the subscores (not a silent 0)', () => {
    const { temperatureC: _omitted, ...withoutTemperature } = NORMAL;
    const score = scoreNews2(withoutTemperature);
    expect(score).toMatchObject({ total: 0, partial: true, missing: ['temperatureC'], response: 'none' });
    expect(score.subscores).not.toHaveProperty('temperatureC');
  });

  it('scores what is there and lists every missing parameter in chart order', () => {
    const score = scoreNews2({ heartRateBpm: 135, spo2Pct: 93 });
    expect(score).toMatchObject({ total: 5, partial: true, response: 'medium', missing: ['respiratoryRatePerMin', 'systolicMmHg', 'moaasScore', 'temperatureC'] });
  });

  it('an empty set of observations is partial with every parameter missing', () => {
    expect(scoreNews2({})).toEqual({
      total: 0,
      partial: true,
      missing: [...NEWS2_PHYSIOLOGICAL_PARAMETERS],
      subscores: { onSupplementalOxygen: 0 },
      highestSingleScore: 0,
      response: 'none',
      oxygenAssumedAir: true,
    });
  });

  it('takes a missing oxygen flag as air, says so, and does not make the score partial', () => {
    const { onSupplementalOxygen: _omitted, ...noFlag } = NORMAL;
    expect(scoreNews2(noFlag)).toMatchObject({ total: 0, partial: false, oxygenAssumedAir: true, subscores: { onSupplementalOxygen: 0 } });
    expect(scoreNews2({ ...NORMAL, onSupplementalOxygen: true })).toMatchObject({ total: 2, oxygenAssumedAir: false });
  });

  it('total is always the sum of the subscores, and the answer always fits the schema', () => {
    const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          respiratoryRatePerMin: maybe(fc.integer({ min: 0, max: 60 })),
          spo2Pct: maybe(fc.integer({ min: 60, max: 100 })),
          onSupplementalOxygen: maybe(fc.boolean()),
          systolicMmHg: maybe(fc.integer({ min: 50, max: 260 })),
          heartRateBpm: maybe(fc.integer({ min: 20, max: 220 })),
          moaasScore: maybe(fc.integer({ min: 0, max: 5 })),
          temperatureC: maybe(fc.integer({ min: 330, max: 420 }).map((tenths) => tenths / 10)),
        }),
        (input) => {
          const score = scoreNews2(input);
          expect(News2ScoreSchema.safeParse(score).success).toBe(true);
          expect(score.total).toBe(Object.values(score.subscores).reduce((a, b) => a + b, 0));
          expect(score.partial).toBe(score.missing.length > 0);
          if (score.total >= 7) expect(score.response).toBe('high');
          else if (score.total >= 5) expect(score.response).toBe('medium');
          else if (score.highestSingleScore === 3) expect(score.response).toBe('lowMediumSingle');
          else expect(score.response).toBe(score.total === 0 ? 'none' : 'low');
        },
      ),
    );
  });
});
