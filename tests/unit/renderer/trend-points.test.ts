import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../shared/domain/reading';
import { timeTicks } from '../../../src-renderer/components/time-ticks';
import { DENSE_FROM_POINTS, TREND_POINTS_MAX, TrendPointsKeeper, buildTrendPoints, nearestPoint } from '../../../src-renderer/components/trend-points';
import { CHART_PANELS, axisDomain, mergeExtents, seriesExtents } from '../../../src-renderer/components/vitals-chart-series';
import { deepEqual, keepIfEqual } from '../../../src-renderer/store/keep-equal';

const SECOND = 1_000;
const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const reading = (index: number, heartRateBpm = 70 + (index % 9)): Reading =>
  ({ id: index + 1, observedAt: START + index * SECOND, values: { heartRateBpm, systolicMmHg: 120 } }) as unknown as Reading;
const readings = (count: number) => Array.from({ length: count }, (_, index) => reading(index));

describe('the trend keeps its points across readings', () => {
  it('draws a short session point for point, every reading redrawing the chart (markers on)', () => {
    const keeper = new TrendPointsKeeper();
    const first = readings(3);
    expect(keeper.update(first, null).history.map((p) => p.hr)).toEqual([70, 71, 72]);
    const next = keeper.update([...first, reading(3)], null);
    expect(next.history).toHaveLength(4);
    expect(next.tail).toEqual([]);
  });

  it('puts new readings of a dense trend in the tail and leaves the drawn points (and their identity) alone', () => {
    const keeper = new TrendPointsKeeper();
    const loaded = readings(DENSE_FROM_POINTS + 50);
    const opened = keeper.update(loaded, null);
    const more = [...loaded, reading(loaded.length), reading(loaded.length + 1, 140)];
    const after = keeper.update(more, null);
    expect(after.history).toBe(opened.history);
    expect(after.xDomain).toBe(opened.xDomain);
    expect(after.tail.map((p) => p.hr)).toEqual([70 + (loaded.length % 9), 140]);
    // Every reading is on the chart, in one layer or the other.
    expect(after.history.length + after.tail.length).toBe(more.length);
  });

  it('rebuilds when a reading in the middle changes (a correction or an artifact leaves the current rows)', () => {
    const keeper = new TrendPointsKeeper();
    const loaded = readings(DENSE_FROM_POINTS + 50);
    keeper.update([...loaded, reading(loaded.length)], null);
    const withoutOne = [...loaded.slice(0, 10), ...loaded.slice(11), reading(loaded.length)];
    const rebuilt = keeper.update(withoutOne, null);
    expect(rebuilt.tail).toEqual([]);
    expect(rebuilt.history.map((p) => p.t)).toEqual(withoutOne.map((r) => r.observedAt));
  });

  it('folds the tail into the chart when the time axis moves on', () => {
    const keeper = new TrendPointsKeeper();
    const loaded = readings(DENSE_FROM_POINTS + 50);
    const opened = keeper.update(loaded, null);
    const late = { ...reading(loaded.length), observedAt: opened.xDomain[1] + SECOND } as Reading;
    const folded = keeper.update([...loaded, late], null);
    expect(folded.tail).toEqual([]);
    expect(folded.history.at(-1)?.t).toBe(late.observedAt);
    expect(folded.xDomain[1]).toBeGreaterThan(late.observedAt);
  });

  it('downsamples past the maximum, keeping the first and the newest point', () => {
    const many = readings(TREND_POINTS_MAX * 3);
    const points = buildTrendPoints(many, null);
    expect(points.length).toBeLessThanOrEqual(TREND_POINTS_MAX);
    expect(points[0]?.t).toBe(many[0]?.observedAt);
    expect(points.at(-1)?.t).toBe(many.at(-1)?.observedAt);
  });
});

describe('time axis ticks', () => {
  it('falls on round minutes and never more than asked for', () => {
    const ticks = timeTicks(START + 17 * SECOND, START + 8 * 3_600_000);
    expect(ticks.length).toBeLessThanOrEqual(8);
    const offsetMs = new Date(START).getTimezoneOffset() * 60_000;
    for (const tick of ticks) expect((tick - offsetMs) % 3_600_000).toBe(0);
  });
});

describe('keeping what main sent again', () => {
  it('keeps the held object when the new one is equal at every depth, and takes the new one otherwise', () => {
    const held = { id: 1, chair: 'Chair 1', blockers: ['a'], nested: { x: null } };
    expect(keepIfEqual(held, { id: 1, chair: 'Chair 1', blockers: ['a'], nested: { x: null } })).toBe(held);
    const changed = { id: 1, chair: 'Chair 1', blockers: ['a', 'b'], nested: { x: null } };
    expect(keepIfEqual(held, changed)).toBe(changed);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});

describe('the dense trend drawn outside recharts', () => {
  const points = [
    { t: 0, hr: 70, spo2: 97, rr: 14 },
    { t: 10, hr: 190, spo2: 76 },
    { t: 20, hr: 80, rr: 52 },
  ];

  it('stretches an axis to a value outside its range, from any series on it, and leaves the others alone', () => {
    const extents = seriesExtents(points);
    expect(extents).toEqual({ hr: [70, 190], spo2: [76, 97], rr: [14, 52] });
    const [circulation, breathing] = CHART_PANELS;
    if (!circulation || !breathing?.right) throw new Error('panels changed');
    expect(axisDomain('circulation', 'left', circulation.left, extents)).toEqual([0, 220]);
    expect(axisDomain('breathing', 'left', breathing.left, extents)).toEqual([76, 100]);
    expect(axisDomain('breathing', 'right', breathing.right, extents)).toEqual([0, 52]);
    expect(axisDomain('circulation', 'left', circulation.left, mergeExtents(extents, { sbp: [60, 260] }))).toEqual([0, 260]);
  });

  it('finds the point nearest a time (the hover readout), the earlier one on a tie', () => {
    expect(nearestPoint(points, -5)?.t).toBe(0);
    expect(nearestPoint(points, 14)?.t).toBe(10);
    expect(nearestPoint(points, 15)?.t).toBe(10);
    expect(nearestPoint(points, 16)?.t).toBe(20);
    expect(nearestPoint(points, 99)?.t).toBe(20);
    expect(nearestPoint([], 5)).toBeUndefined();
  });
});
