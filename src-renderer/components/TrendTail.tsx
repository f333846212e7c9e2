import { createContext, useContext } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { TrendPoint } from './trend-points';
import type { ChartSeries } from './vitals-chart-series';

/** The newest points of a dense trend, not yet folded into the chart (see TrendPointsKeeper). */
export const TrendTailContext = createContext<readonly TrendPoint[]>([]);

type Scale = ((value: unknown) => number | undefined) | undefined;

function pathOf(points: readonly TrendPoint[], series: ChartSeries, x: Scale, y: Scale): string {
  const commands: string[] = [];
  for (const point of points) {
    const value = point[series.key];
    if (value === undefined) continue;
    const px = x?.(point.t);
    const py = y?.(value);
    if (px === undefined || py === undefined) continue;
    if (commands.length === 0) commands.push(`M${px},${py}`);
    else if (series.step) commands.push(`H${px}V${py}`);
    else commands.push(`L${px},${py}`);
  }
  return commands.join('');
}

/**
 * Inside a panel's chart: its lines from the chart's last point (`anchor`) through the tail
 * points, on the chart's own scales. It re-renders with each reading; the chart does not.
 */
export function TrendTail({ series, anchor }: { series: readonly ChartSeries[]; anchor: TrendPoint | undefined }) {
  const tail = useContext(TrendTailContext);
  const x = useXAxisScale();
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  if (tail.length === 0) return null;
  const points = anchor ? [anchor, ...tail] : tail;
  return (
    <g className="vitals-tail" data-testid="vitals-tail" data-points={tail.length}>
      {series.map((s) => (
        <path key={s.key} d={pathOf(points, s, x, s.axis === 'right' ? right : left)} fill="none" stroke={s.colour} strokeWidth={2} />
      ))}
    </g>
  );
}
