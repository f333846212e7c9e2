/**
 * Frame intervals read as the display shows them. A 60 Hz display shows a frame every
 * 16.67 ms; the rAF timestamps of a headless Chromium jitter around that by a tenth of a
 * millisecond (an idle blank page reads 16.5-16.8 ms, about 5 % at 16.8), so the raw p95
 * of intervals sits on the 16.7 ms budget whether or not a frame was ever late. Each
 * interval is counted in whole display periods instead: one period is a frame on time,
 * two or more is a frame late by that many periods (a dropped frame).
 */
export interface DisplayFrames {
  /** The display period: the mean of the intervals within half a period of the median, ms. */
  periodMs: number;
  /** Each interval as whole periods times the period, ms. */
  frameTimesMs: number[];
  /** Intervals of two periods or more. */
  late: number;
}

export function inDisplayPeriods(intervalsMs: readonly number[]): DisplayFrames {
  if (intervalsMs.length === 0) return { periodMs: Number.NaN, frameTimesMs: [], late: 0 };
  const sorted = [...intervalsMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  const onTime = sorted.filter((ms) => Math.abs(ms - median) < median / 2);
  const periodMs = onTime.reduce((sum, ms) => sum + ms, 0) / onTime.length;
  const frameTimesMs = intervalsMs.map((ms) => Math.max(1, Math.round(ms / periodMs)) * periodMs);
  return { periodMs, frameTimesMs, late: frameTimesMs.filter((ms) => ms > periodMs).length };
}
