import { z } from 'zod';

/**
 * CADSS-6 (Rodrigues et al. 2021; CLINICAL.md section 3): six items of the 23-item
 * Clinician-Administered Dissociative States Scale, each rated 0-4, total 0-24.
 * The items' wording is the CADSS's own and is not reproduced here; the UI shows the
 * clinic's licensed text against these item numbers.
 */

/** The CADSS item numbers that make up CADSS-6, in scale order. */
export const CADSS6_ITEM_NUMBERS = [1, 2, 6, 7, 15, 22] as const;
export type Cadss6ItemNumber = (typeof CADSS6_ITEM_NUMBERS)[number];

export const CADSS_ITEM_MAX_SCORE = 4;
export const CADSS6_MAX_TOTAL = CADSS6_ITEM_NUMBERS.length * CADSS_ITEM_MAX_SCORE;

/** The rating anchors every CADSS item shares (English, for reference). */
export const CADSS_ANCHORS: Readonly<Record<0 | 1 | 2 | 3 | 4, string>> = {
  0: 'Not at all',
  1: 'Slightly',
  2: 'Moderately',
  3: 'Considerably',
  4: 'Extremely',
};

const itemScore = z.number().int().min(0).max(CADSS_ITEM_MAX_SCORE);

/** One CADSS-6 assessment: a score for each of the six items, keyed by CADSS item number. */
export const Cadss6ItemsSchema = z.strictObject({
  1: itemScore,
  2: itemScore,
  6: itemScore,
  7: itemScore,
  15: itemScore,
  22: itemScore,
});
export type Cadss6Items = z.infer<typeof Cadss6ItemsSchema>;

/** Total 0-24. Throws a RangeError naming the item if one is missing or not an integer 0-4. */
export function scoreCadss6(items: Cadss6Items): number {
  let total = 0;
  for (const itemNumber of CADSS6_ITEM_NUMBERS) {
    const score = items[itemNumber];
    if (!Number.isInteger(score) || score < 0 || score > CADSS_ITEM_MAX_SCORE) {
      throw new RangeError(`CADSS item ${itemNumber} must be an integer 0-${CADSS_ITEM_MAX_SCORE}, got ${String(score)}`);
    }
    total += score;
  }
  return total;
}
