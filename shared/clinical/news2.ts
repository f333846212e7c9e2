import { z } from 'zod';
import { roundToDecimals } from './dose';

/**
 * NEWS2 (Royal College of Physicians), transcribed from CLINICAL.md section 6.
 *
 * SpO2 uses scale 1 only. Scale 2 exists for patients with hypercapnic respiratory
 * failure (a lower SpO2 target set by a clinician) and is not used by default.
 * Consciousness comes from MOAA/S: 5 is alert (A, 0); 3-4 responds to voice (V), 1-2 to
 * pain (P), 0 unresponsive (U), each scoring 3.
 *
 * Each value is first rounded (half up) to the precision the chart is written in, then
 * looked up: temperature is charted to 0.1 °C (36.05 counts as 36.1), the others to whole
 * numbers. So the chart's printed edges (35.0 / 35.1) leave no value unscored.
 *
 * A missing physiological parameter is never scored 0 silently: it is listed in
 * `missing` and the score is `partial` (it can only underestimate). A missing
 * supplemental-oxygen flag is taken as air (0), reported by `oxygenAssumedAir`.
 */

export const NEWS2_PHYSIOLOGICAL_PARAMETERS = [
  'respiratoryRatePerMin',
  'spo2Pct',
  'systolicMmHg',
  'heartRateBpm',
  'moaasScore',
  'temperatureC',
] as const;
export type News2PhysiologicalParameter = (typeof NEWS2_PHYSIOLOGICAL_PARAMETERS)[number];
export type News2Parameter = News2PhysiologicalParameter | 'onSupplementalOxygen';

/** Inclusive at both ends, in the parameter's charted precision. */
export interface News2Band {
  min: number;
  max: number;
  score: number;
}

export interface News2ParameterChart {
  /** Decimal places the chart is written in; values are rounded to this before lookup. */
  decimals: number;
  bands: readonly News2Band[];
}

const BELOW = Number.NEGATIVE_INFINITY;
const ABOVE = Number.POSITIVE_INFINITY;

export const NEWS2_CHART: Readonly<Record<News2PhysiologicalParameter, News2ParameterChart>> = {
  respiratoryRatePerMin: {
    decimals: 0,
    bands: [
      { min: BELOW, max: 8, score: 3 },
      { min: 9, max: 11, score: 1 },
      { min: 12, max: 20, score: 0 },
      { min: 21, max: 24, score: 2 },
      { min: 25, max: ABOVE, score: 3 },
    ],
  },
  spo2Pct: {
    decimals: 0,
    bands: [
      { min: BELOW, max: 91, score: 3 },
      { min: 92, max: 93, score: 2 },
      { min: 94, max: 95, score: 1 },
      { min: 96, max: ABOVE, score: 0 },
    ],
  },
  systolicMmHg: {
    decimals: 0,
    bands: [
      { min: BELOW, max: 90, score: 3 },
      { min: 91, max: 100, score: 2 },
      { min: 101, max: 110, score: 1 },
      { min: 111, max: 219, score: 0 },
      { min: 220, max: ABOVE, score: 3 },
    ],
  },
  heartRateBpm: {
    decimals: 0,
    bands: [
      { min: BELOW, max: 40, score: 3 },
      { min: 41, max: 50, score: 1 },
      { min: 51, max: 90, score: 0 },
      { min: 91, max: 110, score: 1 },
      { min: 111, max: 130, score: 2 },
      { min: 131, max: ABOVE, score: 3 },
    ],
  },
  moaasScore: {
    decimals: 0,
    bands: [
      { min: 0, max: 4, score: 3 },
      { min: 5, max: 5, score: 0 },
    ],
  },
  temperatureC: {
    decimals: 1,
    bands: [
      { min: BELOW, max: 35.0, score: 3 },
      { min: 35.1, max: 36.0, score: 1 },
      { min: 36.1, max: 38.0, score: 0 },
      { min: 38.1, max: 39.0, score: 1 },
      { min: 39.1, max: ABOVE, score: 2 },
    ],
  },
};

export const NEWS2_SUPPLEMENTAL_OXYGEN_SCORE = { onOxygen: 2, onAir: 0 } as const;

/** ACVPU level for each MOAA/S score (CLINICAL.md section 6). */
export const ACVPU_BY_MOAAS: Readonly<Record<0 | 1 | 2 | 3 | 4 | 5, 'A' | 'V' | 'P' | 'U'>> = { 5: 'A', 4: 'V', 3: 'V', 2: 'P', 1: 'P', 0: 'U' };

/** RCP response thresholds: aggregate 5+ urgent, 7+ emergency; a 3 in one parameter informs the medical team. */
export const NEWS2_RESPONSE_THRESHOLDS = { mediumAggregate: 5, highAggregate: 7, singleParameterRedScore: 3 } as const;

export const News2ResponseSchema = z.enum(['none', 'low', 'lowMediumSingle', 'medium', 'high']);
export type News2Response = z.infer<typeof News2ResponseSchema>;

const optionalFinite = z.number().finite().optional();

export const News2InputSchema = z.object({
  respiratoryRatePerMin: optionalFinite,
  spo2Pct: optionalFinite,
  onSupplementalOxygen: z.boolean().optional(),
  systolicMmHg: optionalFinite,
  heartRateBpm: optionalFinite,
  moaasScore: z.number().int().min(0).max(5).optional(),
  temperatureC: optionalFinite,
});
export type News2Input = z.infer<typeof News2InputSchema>;

const News2ParameterSchema = z.enum([...NEWS2_PHYSIOLOGICAL_PARAMETERS, 'onSupplementalOxygen']);

export const News2ScoreSchema = z.object({
  total: z.number().int().min(0).max(20),
  /** True when a physiological parameter was missing; the total can only be an underestimate. */
  partial: z.boolean(),
  missing: z.array(z.enum(NEWS2_PHYSIOLOGICAL_PARAMETERS)),
  /** Score of each parameter that was scored (supplemental oxygen always is). */
  subscores: z.partialRecord(News2ParameterSchema, z.number().int().min(0).max(3)),
  highestSingleScore: z.number().int().min(0).max(3),
  response: News2ResponseSchema,
  /** The supplemental-oxygen flag was not given and air was assumed. */
  oxygenAssumedAir: z.boolean(),
});
export type News2Score = z.infer<typeof News2ScoreSchema>;

/** The chart score for one value. Throws a RangeError for a non-finite value or one outside every band. */
export function news2ParameterScore(parameter: News2PhysiologicalParameter, value: number): number {
  const chart = NEWS2_CHART[parameter];
  if (!Number.isFinite(value)) throw new RangeError(`${parameter} must be a finite number, got ${String(value)}`);
  const charted = roundToDecimals(value, chart.decimals);
  const band = chart.bands.find((candidate) => charted >= candidate.min && charted <= candidate.max);
  if (!band) throw new RangeError(`${parameter} ${value} is outside the NEWS2 chart`);
  return band.score;
}

function responseFor(total: number, highestSingleScore: number): News2Response {
  const thresholds = NEWS2_RESPONSE_THRESHOLDS;
  if (total >= thresholds.highAggregate) return 'high';
  if (total >= thresholds.mediumAggregate) return 'medium';
  if (highestSingleScore >= thresholds.singleParameterRedScore) return 'lowMediumSingle';
  return total > 0 ? 'low' : 'none';
}

/** NEWS2 for one set of observations; see the module comment for missing values. */
export function scoreNews2(input: News2Input): News2Score {
  // MOAA/S is an ordinal scale: 4.6 is a charting error, not "nearly alert".
  if (input.moaasScore !== undefined && !Number.isInteger(input.moaasScore)) {
    throw new RangeError(`moaasScore must be an integer 0-5, got ${input.moaasScore}`);
  }
  const subscores: Partial<Record<News2Parameter, number>> = {};
  const missing: News2PhysiologicalParameter[] = [];
  for (const parameter of NEWS2_PHYSIOLOGICAL_PARAMETERS) {
    const value = input[parameter];
    if (value === undefined) missing.push(parameter);
    else subscores[parameter] = news2ParameterScore(parameter, value);
  }
  const oxygenAssumedAir = input.onSupplementalOxygen === undefined;
  subscores.onSupplementalOxygen = input.onSupplementalOxygen ? NEWS2_SUPPLEMENTAL_OXYGEN_SCORE.onOxygen : NEWS2_SUPPLEMENTAL_OXYGEN_SCORE.onAir;
  const scores = Object.values(subscores);
  const total = scores.reduce((sum, score) => sum + score, 0);
  const highestSingleScore = Math.max(...scores);
  return {
    total,
    partial: missing.length > 0,
    missing,
    subscores,
    highestSingleScore,
    response: responseFor(total, highestSingleScore),
    oxygenAssumedAir,
  };
}
