import { createContext, memo, useContext, useMemo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { TrendPoint } from './trend-points';
import type { ChartSeries } from './vitals-chart-series';

/** What changes with each reading, drawn over the chart without redrawing it. */
export interface TrendLive {
  /** What the chart holds up to its last fold (see TrendPointsKeeper): a dense trend's lines are drawn from it by TrendHistory. */
  history: readonly TrendPoint[];
  /** The newest points of a dense trend, not yet folded into the chart (see TrendPointsKeeper). */
  tail: readonly TrendPoint[];
  /** Monitor values no nurse has validated yet: drawn as hollow dots. */
  unvalidated: readonly TrendPoint[];
}

export const TrendLiveContext = createContext<TrendLive>({ history: [], tail: [], unvalidated: [] });

/** Radius of an unvalidated value's hollow dot, px. */
const MARK_RADIUS_PX = 3.5;

type Scale = ((value: unknown) => number | undefined) | undefined;
type Linear = (value: number) => number;

/** A pixel to a tenth: the eye sees no finer, and the path string (and the garbage it leaves) is a third as long. */
const tenth = (px: number) => Math.round(px * 10) / 10;

/**
 * The chart's scale as a plain linear map, from two of its own values `a` and `b` (recharts' time
 * and number axes are linear): one multiply per point instead of a d3 scale call (a Date per time).
 */
function linearOf(scale: Scale, a: number, b: number): Linear | null {
  const pa = scale?.(a);
  const pb = scale?.(b);
  if (pa === undefined || pb === undefined || a === b) return null;
  const slope = (pb - pa) / (b - a);
  return (value) => pa + (value - a) * slope;
}

function pathOf(points: readonly TrendPoint[], series: ChartSeries, xScale: Scale, yScale: Scale): string {
  const x = linearOf(xScale, points[0]?.t ?? 0, points.at(-1)?.t ?? 0);
  const y = linearOf(yScale, 0, 100);
  if (!x || !y) return '';
  let d = '';
  for (const point of points) {
    const value = point[series.key];
    if (value === undefined) continue;
    const px = tenth(x(point.t));
    const py = tenth(y(value));
    if (d === '') d = `M${px},${py}`;
    else if (series.step) d += `H${px}V${py}`;
    else d += `L${px},${py}`;
  }
  return d;
}

/** One path of small circles (one element per series however many values). */
function dotsOf(points: readonly TrendPoint[], series: ChartSeries, x: Scale, y: Scale): string {
  const r = MARK_RADIUS_PX;
  let d = '';
  for (const point of points) {
    const value = point[series.key];
    const px = x?.(point.t);
    const py = value === undefined ? undefined : y?.(value);
    if (px === undefined || py === undefined) continue;
    d += `M${px - r},${py}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

/**
 * Inside a panel's chart, on the chart's own scales: its lines from the chart's last point
 * through the tail points, and a hollow dot on every unvalidated monitor value.
 * It re-renders with each reading; the chart does not.
 */
export function TrendTail({ series }: { series: readonly ChartSeries[] }) {
  const { history, tail, unvalidated } = useContext(TrendLiveContext);
  const anchor = history.at(-1);
  const x = useXAxisScale();
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  const points = anchor ? [anchor, ...tail] : tail;
  return (
    <>
      {tail.length > 0 && (
        <g className="vitals-tail" data-testid="vitals-tail" data-points={tail.length}>
          {series.map((s) => (
            <path key={s.key} d={pathOf(points, s, x, s.axis === 'right' ? right : left)} fill="none" stroke={s.colour} strokeWidth={2} />
          ))}
        </g>
      )}
      {unvalidated.length > 0 && (
        <g className="unvalidated-marks" data-testid="unvalidated-marks" data-points={unvalidated.length}>
          {series.map((s) => (
            <path key={s.key} d={dotsOf(unvalidated, s, x, s.axis === 'right' ? right : left)} fill="var(--card)" stroke={s.colour} strokeWidth={1.5} />
          ))}
        </g>
      )}
    </>
  );
}

/**
 * A dense trend's lines, drawn on the chart's own scales instead of by recharts' Line (whose
 * redraw of three panels is one long task): a fold or a correction changes a few path strings.
 */
export const TrendHistory = memo(function TrendHistory({ series }: { series: readonly ChartSeries[] }) {
  const points = useContext(TrendLiveContext).history;
  const x = useXAxisScale();
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  const paths = useMemo(() => series.map((s) => ({ key: s.key, colour: s.colour, d: pathOf(points, s, x, s.axis === 'right' ? right : left) })), [series, points, x, left, right]);
  return (
    <g className="vitals-history" data-testid="vitals-history" data-points={points.length}>
      {paths.map((path) => (
        <path key={path.key} d={path.d} fill="none" stroke={path.colour} strokeWidth={2} />
      ))}
    </g>
  );
});
