import { z } from 'zod';

/**
 * PHQ-9 (CLINICAL.md section 6a): nine items over the last two weeks, each scored 0 (not at
 * all), 1 (several days), 2 (more than half the days) or 3 (nearly every day); total 0-27.
 * Recorded before each infusion of a course to follow the response. The items' official
 * wording is its authors'; the UI names each item by its topic.
 */
export const PHQ9_ITEM_IDS = ['interest', 'mood', 'sleep', 'energy', 'appetite', 'selfWorth', 'concentration', 'psychomotor', 'selfHarm'] as const;
export type Phq9ItemId = (typeof PHQ9_ITEM_IDS)[number];

export const PHQ9_ITEM_MAX_SCORE = 3;
export const PHQ9_MAX_TOTAL = PHQ9_ITEM_IDS.length * PHQ9_ITEM_MAX_SCORE;

/** Severity bands by total, lowest first; each band runs from its minimum to the next band's minimum - 1. */
export const PHQ9_BANDS = [
  { band: 'minimal', minTotal: 0 },
  { band: 'mild', minTotal: 5 },
  { band: 'moderate', minTotal: 10 },
  { band: 'moderatelySevere', minTotal: 15 },
  { band: 'severe', minTotal: 20 },
] as const;
export type Phq9Band = (typeof PHQ9_BANDS)[number]['band'];
export const PHQ9_BAND_IDS = PHQ9_BANDS.map((entry) => entry.band) as [Phq9Band, ...Phq9Band[]];

/** Remission is usually taken as a total below this (CLINICAL.md section 6a). */
export const PHQ9_REMISSION_BELOW_TOTAL = 5;

const itemScore = z.number().int().min(0).max(PHQ9_ITEM_MAX_SCORE);
export const Phq9AnswersSchema = z.strictObject(Object.fromEntries(PHQ9_ITEM_IDS.map((id) => [id, itemScore])) as Record<Phq9ItemId, typeof itemScore>);
export type Phq9Answers = Record<Phq9ItemId, number>;

export interface Phq9Score {
  total: number;
  band: Phq9Band;
  /** Item 9 (thoughts of being better off dead or of self-harm) above 0: a clinician sees the patient the same day. */
  selfHarmFlag: boolean;
}

export function phq9Band(total: number): Phq9Band {
  if (!Number.isInteger(total) || total < 0 || total > PHQ9_MAX_TOTAL) throw new RangeError(`PHQ-9 total must be an integer 0-${PHQ9_MAX_TOTAL}, got ${total}`);
  let band: Phq9Band = 'minimal';
  for (const entry of PHQ9_BANDS) if (total >= entry.minTotal) band = entry.band;
  return band;
}

/** Total, band and the item-9 flag. Throws a RangeError naming the item if one is missing or not an integer 0-3. */
export function scorePhq9(answers: Phq9Answers): Phq9Score {
  let total = 0;
  for (const id of PHQ9_ITEM_IDS) {
    const score = answers[id];
    if (!Number.isInteger(score) || score < 0 || score > PHQ9_ITEM_MAX_SCORE) throw new RangeError(`PHQ-9 item ${id} must be an integer 0-${PHQ9_ITEM_MAX_SCORE}, got ${String(score)}`);
    total += score;
  }
  return { total, band: phq9Band(total), selfHarmFlag: answers.selfHarm > 0 };
}

/** Response is usually taken as a fall of at least this fraction from the first score (CLINICAL.md 6a). */
export const PHQ9_RESPONSE_FALL_FRACTION = 0.5;

export interface Phq9CourseChange {
  /** Negative when the score fell; null when the first score was 0. */
  changePercent: number | null;
  response: boolean;
  remission: boolean;
}

/** The course from the first PHQ-9 to the latest: change, response (a 50 % fall) and remission (below 5). */
export function phq9CourseChange(firstTotal: number, latestTotal: number): Phq9CourseChange {
  return {
    changePercent: firstTotal === 0 ? null : Math.round(((latestTotal - firstTotal) / firstTotal) * 100),
    response: firstTotal > 0 && latestTotal <= firstTotal * (1 - PHQ9_RESPONSE_FALL_FRACTION),
    remission: latestTotal < PHQ9_REMISSION_BELOW_TOTAL,
  };
}
