import { describe, expect, it } from 'vitest';
import { inDisplayPeriods } from '../../../bench/browser/frame-times';
import { percentile } from '../../../bench/stats';

// What a headless Chromium's rAF timestamps look like on an idle page: 60 Hz, jittering by a tenth of a ms.
const jittered = (count: number) => Array.from({ length: count }, (_, i) => [16.6, 16.7, 16.8, 16.5, 16.7, 16.7][i % 6] as number);

describe('frame intervals in display periods', () => {
  it('counts a jittered interval as one period, so frames on time read the period however the clock rounds', () => {
    const frames = jittered(600);
    expect(percentile(frames, 95)).toBe(16.8);
    const shown = inDisplayPeriods(frames);
    expect(shown.periodMs).toBeCloseTo(16.667, 2);
    expect(shown.late).toBe(0);
    expect(percentile(shown.frameTimesMs, 95)).toBeLessThan(16.7);
  });

  it('reads a dropped frame as two periods and fails the p95 once more than 5 % are late', () => {
    const frames = jittered(600);
    for (let i = 0; i < 40; i++) frames[i * 15] = 33.4;
    const shown = inDisplayPeriods(frames);
    expect(shown.late).toBe(40);
    expect(percentile(shown.frameTimesMs, 95)).toBeCloseTo(33.33, 1);
    const fewLate = inDisplayPeriods(jittered(600).map((ms, i) => (i % 100 === 0 ? 50 : ms)));
    expect(fewLate.late).toBe(6);
    expect(Math.max(...fewLate.frameTimesMs)).toBeCloseTo(50, 0);
    expect(percentile(fewLate.frameTimesMs, 95)).toBeLessThan(16.7);
  });

  it('has no period without frames', () => {
    expect(inDisplayPeriods([]).late).toBe(0);
  });
});
