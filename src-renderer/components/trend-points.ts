import type { Reading } from '../../shared/domain/reading';
import type { Trend, TrendBucket } from '../../shared/domain/reading-views';
import { lttb } from './downsample';
import { CHART_SERIES, type SeriesKey } from './vitals-chart-series';

export type TrendPoint = { t: number } & Partial<Record<SeriesKey, number>>;

/** About one point per pixel of the chart's width, after a rebuild. */
export const TREND_POINTS_TARGET = 540;
/** New readings are appended at full resolution until the chart holds this many, then it is downsampled again. */
export const TREND_POINTS_MAX = 600;

/** A bucket as two points, its minima then its maxima, so the line keeps every extreme. */
function bucketPoints(bucket: TrendBucket, bucketMs: number): TrendPoint[] {
  const low: TrendPoint = { t: bucket.at };
  const high: TrendPoint = { t: bucket.at + Math.floor(bucketMs / 2) };
  for (const series of CHART_SERIES) {
    const range = bucket.values[series.parameter];
    if (!range) continue;
    low[series.key] = range.min;
    high[series.key] = range.max;
  }
  return [low, high];
}

export function readingPoint(reading: Reading): TrendPoint {
  const point: TrendPoint = { t: reading.observedAt };
  for (const series of CHART_SERIES) {
    const value = reading.values[series.parameter];
    if (value !== undefined) point[series.key] = value;
  }
  return point;
}

/** The whole chart: main's buckets before the first loaded row, then the rows, downsampled (LTTB) past the target. */
export function buildTrendPoints(readings: readonly Reading[], trend: Trend | null): TrendPoint[] {
  const firstLoaded = readings[0]?.observedAt ?? Number.POSITIVE_INFINITY;
  const background = (trend?.buckets ?? []).filter((bucket) => bucket.at < firstLoaded).flatMap((bucket) => bucketPoints(bucket, trend?.bucketMs ?? 1));
  const points = [...background, ...readings.map(readingPoint)];
  if (points.length <= TREND_POINTS_MAX) return points;
  return lttb(points, TREND_POINTS_TARGET, (p) => p.t, (p) => p.hr ?? p.sbp ?? p.spo2 ?? 0);
}

/** Past this many points the trend is dense (no markers): new readings go to a tail layer instead of redrawing the chart. */
export const DENSE_FROM_POINTS = 120;
/** Readings the tail layer holds at most; they are folded into the chart when the axis moves on (every 1/40 of the session) or past this many. */
export const TAIL_MAX_POINTS = 900;
const MINUTE_MS = 60_000;

export interface TrendLayers {
  /** What the chart draws: changes only on a fold or a rebuild. */
  history: TrendPoint[];
  /** The newest points after `history`, drawn by a light layer of their own. */
  tail: TrendPoint[];
  /** The time axis, with room for the next readings: changes only every so many minutes. */
  xDomain: [number, number];
}

/** The axis' right end, moved forward in steps (about 1/40 of the session, at least a minute), so it changes rarely. */
function axisEnd(first: number, last: number): number {
  const stepMs = Math.max(MINUTE_MS, Math.round((last - first) / 40 / MINUTE_MS) * MINUTE_MS);
  return Math.floor(last / stepMs) * stepMs + stepMs;
}

/**
 * The chart's points, kept across updates. When the current readings are the previous ones
 * with new ones after them (the usual reading a second), a dense chart gets them in its
 * tail layer and is not redrawn; they are folded into it every TAIL_MAX_POINTS readings or
 * when the axis moves on. Anything else (a correction, an artifact, a late entry, older
 * rows, a new trend) rebuilds it once.
 */
export class TrendPointsKeeper {
  private readings: readonly Reading[] = [];
  private trend: Trend | null = null;
  private layers: TrendLayers = { history: [], tail: [], xDomain: [0, 0] };

  update(readings: readonly Reading[], trend: Trend | null): TrendLayers {
    const previous = this.readings;
    const { history, tail, xDomain } = this.layers;
    const appended = history.length > 0 && trend === this.trend && readings.length > previous.length && previous.every((reading, index) => readings[index] === reading);
    this.readings = readings;
    this.trend = trend;
    if (!appended) return (this.layers = layersOf(buildTrendPoints(readings, trend)));
    const added = readings.slice(previous.length).map(readingPoint);
    const all = history.length + tail.length + added.length;
    const end = axisEnd(history[0]?.t ?? 0, added.at(-1)?.t ?? 0);
    if (history.length > DENSE_FROM_POINTS && tail.length + added.length <= TAIL_MAX_POINTS && end === xDomain[1]) {
      return (this.layers = { history, tail: [...tail, ...added], xDomain });
    }
    if (all > TREND_POINTS_MAX) return (this.layers = layersOf(buildTrendPoints(readings, trend)));
    return (this.layers = layersOf([...history, ...tail, ...added]));
  }
}

function layersOf(points: TrendPoint[]): TrendLayers {
  const first = points[0]?.t ?? 0;
  return { history: points, tail: [], xDomain: [first, axisEnd(first, points.at(-1)?.t ?? first)] };
}

/** The point nearest `at` in time among points in time order (binary search); the earlier one on a tie. */
export function nearestPoint(points: readonly TrendPoint[], at: number): TrendPoint | undefined {
  let low = 0;
  let high = points.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((points[mid]?.t ?? 0) < at) low = mid + 1;
    else high = mid;
  }
  const after = points[low];
  const before = points[low - 1];
  if (!before || !after) return after ?? before;
  return at - before.t <= after.t - at ? before : after;
}
