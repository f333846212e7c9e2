import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CADSS6_ITEM_NUMBERS,
  CADSS6_MAX_TOTAL,
  CADSS_ANCHORS,
  Cadss6ItemsSchema,
  scoreCadss6,
  type Cadss6Items,
} from '../../../shared/clinical/cadss';

const ALL = (score: number): Cadss6Items => ({ 1: score, 2: score, 6: score, 7: score, 15: score, 22: score });

describe('CADSS-6 reference data', () => {
  it('is items 1, 2, 6, 7, 15 and 22 of the CADSS, each 0-4, total 0-24', () => {
    expect(CADSS6_ITEM_NUMBERS).toEqual([1, 2, 6, 7, 15, 22]);
    expect(CADSS6_MAX_TOTAL).toBe(24);
  });

  it('anchors 0 not at all, 1 slightly, 2 moderately, 3 considerably, 4 extremely', () => {
    expect(CADSS_ANCHORS).toEqual({ 0: 'Not at all', 1: 'Slightly', 2: 'Moderately', 3: 'Considerably', 4: 'Extremely' });
  });
});

describe('Cadss6ItemsSchema', () => {
  it('accepts the lowest and highest assessments', () => {
    expect(Cadss6ItemsSchema.parse(ALL(0))).toEqual(ALL(0));
    expect(Cadss6ItemsSchema.parse(ALL(4))).toEqual(ALL(4));
  });

  it('accepts item numbers as JSON keys (strings), as they arrive over IPC', () => {
    const fromJson: unknown = JSON.parse(JSON.stringify(ALL(2)));
    expect(Cadss6ItemsSchema.parse(fromJson)).toEqual(ALL(2));
  });

  it.each(CADSS6_ITEM_NUMBERS)('refuses -1, 5, 2.5 and NaN for item %s, naming the item', (itemNumber) => {
    for (const score of [-1, 5, 2.5, Number.NaN]) {
      const result = Cadss6ItemsSchema.safeParse({ ...ALL(1), [itemNumber]: score });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([String(itemNumber)]);
    }
  });

  it.each(CADSS6_ITEM_NUMBERS)('refuses an assessment missing item %s', (itemNumber) => {
    const missing = Object.fromEntries(Object.entries(ALL(1)).filter(([key]) => key !== String(itemNumber)));
    const result = Cadss6ItemsSchema.safeParse(missing);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([String(itemNumber)]);
  });

  it('refuses an item that is not part of CADSS-6', () => {
    expect(Cadss6ItemsSchema.safeParse({ ...ALL(1), 3: 2 }).success).toBe(false);
  });
});

describe('scoreCadss6', () => {
  it('totals 0 at the floor and 24 at the ceiling', () => {
    expect(scoreCadss6(ALL(0))).toBe(0);
    expect(scoreCadss6(ALL(4))).toBe(24);
  });

  it.each(CADSS6_ITEM_NUMBERS)('counts every point of item %s once', (itemNumber) => {
    for (const score of [0, 1, 2, 3, 4]) expect(scoreCadss6({ ...ALL(0), [itemNumber]: score })).toBe(score);
  });

  it('refuses an out-of-range item that slipped past the schema, naming it', () => {
    expect(() => scoreCadss6({ ...ALL(0), 15: 5 })).toThrow(/item 15/);
    expect(() => scoreCadss6({ ...ALL(0), 22: -1 })).toThrow(RangeError);
    expect(() => scoreCadss6({ ...ALL(0), 7: 1.5 })).toThrow(/item 7/);
    const withoutItem22 = Object.fromEntries(Object.entries(ALL(0)).filter(([key]) => key !== '22')) as unknown as Cadss6Items;
    expect(() => scoreCadss6(withoutItem22)).toThrow(/item 22/);
  });

  it('is the sum of the six items and stays within 0-24', () => {
    const item = fc.integer({ min: 0, max: 4 });
    fc.assert(
      fc.property(fc.tuple(item, item, item, item, item, item), ([a, b, c, d, e, f]) => {
        const total = scoreCadss6({ 1: a, 2: b, 6: c, 7: d, 15: e, 22: f });
        expect(total).toBe(a + b + c + d + e + f);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(CADSS6_MAX_TOTAL);
      }),
    );
  });
});
