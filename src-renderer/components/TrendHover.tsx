import { createContext, useContext, useSyncExternalStore, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import { formatClockTime } from '../format/time';
import { TrendLiveContext } from './TrendTail';
import { nearestPoint, type TrendPoint } from './trend-points';
import type { ChartSeries } from './vitals-chart-series';

/** The time the pointer is over on any panel of one chart (null: none), shared so the three panels show the same moment. */
export interface HoverTime {
  get(): number | null;
  set(at: number | null): void;
  subscribe(listener: () => void): () => void;
}

export function hoverTime(): HoverTime {
  let at: number | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => at,
    set(next) {
      if (next === at) return;
      at = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const HoverTimeContext = createContext<HoverTime>(hoverTime());

/** Readout box width, px; it flips to the cursor's left near the right edge. */
const READOUT_WIDTH_PX = 130;
const READOUT_LINE_PX = 17;

/**
 * A dense trend's hover readout (it has no recharts Tooltip, whose data would be the whole
 * trend again): the pointer's time on any panel puts a cursor line at the nearest point in
 * all three, each with its panel's values at that point.
 */
export function TrendHover({ series }: { series: readonly ChartSeries[] }) {
  const { t } = useTranslation();
  const hover = useContext(HoverTimeContext);
  const at = useSyncExternalStore(hover.subscribe, hover.get);
  const { history, tail } = useContext(TrendLiveContext);
  const plot = usePlotArea();
  const x = useXAxisScale();
  const invert = useXAxisInverseScale();
  const left = useYAxisScale('left');
  const right = useYAxisScale('right');
  if (!plot) return null;
  const onMove = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    // The axis is a time scale: its inverse gives a Date.
    const time = Number(invert?.(plot.x + event.clientX - box.left));
    hover.set(Number.isFinite(time) ? time : null);
  };
  const catcher = <rect className="trend-hover-area" x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="transparent" onPointerMove={onMove} onPointerLeave={() => hover.set(null)} />;
  if (at === null) return catcher;
  const candidates = [nearestPoint(history, at), nearestPoint(tail, at)].filter((p): p is TrendPoint => p !== undefined);
  const point = candidates.sort((a, b) => Math.abs(a.t - at) - Math.abs(b.t - at))[0];
  const px = point ? x?.(point.t) : undefined;
  if (!point || px === undefined) return catcher;
  const shown = series.filter((s) => point[s.key] !== undefined);
  const boxX = px + 8 + READOUT_WIDTH_PX > plot.x + plot.width ? px - 8 - READOUT_WIDTH_PX : px + 8;
  return (
    <>
      {catcher}
      <g className="trend-hover" data-testid="trend-hover" pointerEvents="none">
        <line x1={px} x2={px} y1={plot.y} y2={plot.y + plot.height} stroke="var(--chart-axis)" strokeDasharray="2 2" />
        {shown.map((s) => {
          const py = (s.axis === 'right' ? right : left)?.(point[s.key]);
          return py === undefined ? null : <circle key={s.key} cx={px} cy={py} r={3} fill={s.colour} />;
        })}
        <foreignObject x={boxX} y={plot.y} width={READOUT_WIDTH_PX} height={READOUT_LINE_PX * (Math.max(1, shown.length) + 1) + 8}>
          <div className="trend-readout">
            <strong>{formatClockTime(point.t)}</strong>
            {shown.length === 0 && <span className="muted">{t('trendMarks.noValues')}</span>}
            {shown.map((s) => (
              <span key={s.key} style={{ color: s.colour }}>
                {t(s.label)}: {point[s.key]}
              </span>
            ))}
          </div>
        </foreignObject>
      </g>
    </>
  );
}
