import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanArterialPressureMmHg } from '../../../shared/clinical/map';

describe('meanArterialPressureMmHg: MAP = (SBP + 2 x DBP) / 3', () => {
  it.each([
    // [sbp, dbp, map]
    [120, 80, 93], // 93.33 rounds down
    [121, 80, 94], // 93.67 rounds up
    [120, 81, 94], // exactly 94
    [90, 60, 70],
    [180, 110, 133], // 133.33
    [200, 100, 133], // 133.33
    [41, 20, 27], // 27
  ])('SBP %i / DBP %i gives MAP %i', (sbp, dbp, map) => {
    expect(meanArterialPressureMmHg(sbp, dbp)).toBe(map);
  });

  it('weights the diastolic twice as much as the systolic', () => {
    // Raising DBP by 3 moves MAP by 2; raising SBP by 3 moves it by 1.
    expect(meanArterialPressureMmHg(120, 83) - meanArterialPressureMmHg(120, 80)).toBe(2);
    expect(meanArterialPressureMmHg(123, 80) - meanArterialPressureMmHg(120, 80)).toBe(1);
  });

  it('always lies between the diastolic and the systolic, within half a mmHg of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 15, max: 299 }), fc.integer({ min: 1, max: 285 }), (dbp, gap) => {
        const sbp = dbp + gap;
        const map = meanArterialPressureMmHg(sbp, dbp);
        expect(Number.isInteger(map)).toBe(true);
        expect(map).toBeGreaterThanOrEqual(dbp);
        expect(map).toBeLessThanOrEqual(sbp);
        expect(Math.abs(map - (sbp + 2 * dbp) / 3)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
