import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, type CartesianGridProps, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AlertRule } from '../../shared/clinical/alert-rules';
import type { Reading } from '../../shared/domain/reading';
import type { Trend } from '../../shared/domain/reading-views';
import { formatClockTime } from '../format/time';
import { timeTicks } from './time-ticks';
import { isUnvalidatedMonitorValue } from '../monitor/MonitorBadge';
import { TrendTail, TrendLiveContext } from './TrendTail';
import { DENSE_FROM_POINTS, TrendPointsKeeper, readingPoint, type TrendPoint } from './trend-points';
import { thresholdLines } from './threshold-lines';
import { CHART_PANELS, CHART_SERIES, TIME_AXIS_PX, type ChartPanel, type SeriesKey } from './vitals-chart-series';

export { CHART_SERIES } from './vitals-chart-series';

/** One time axis for the three panels: tooltips move together. */
const SYNC_ID = 'vitals';
const LEFT_AXIS_PX = 40;
const RIGHT_AXIS_PX = 34;
const PRIORITY_COLOUR = { high: 'var(--high)', medium: 'var(--warn-line)', low: 'var(--low)' } as const;
// Props recharts compares by reference: made once, so an update redraws only what changed.
const MARGIN_WITH_RIGHT_AXIS = { top: 6, right: 4, bottom: 0, left: 0 };
const MARGIN_WITHOUT_RIGHT_AXIS = { top: 6, right: 4 + RIGHT_AXIS_PX, bottom: 0, left: 0 };
const TOOLTIP_STYLE = { background: 'var(--card)', borderColor: 'var(--line)' };
const LEGEND_STYLE = { fontSize: '0.8rem' };
const DOT = { r: 3 };
const clockLabel = (value: unknown) => formatClockTime(Number(value));

type Point = TrendPoint;
const NO_RULES: readonly AlertRule[] = [];

interface PanelProps {
  panel: ChartPanel;
  data: Point[];
  rules: readonly AlertRule[];
  bottom: boolean;
  showDots: boolean;
  xDomain: [number, number];
  xTicks: number[];
  /** The lowest value of the series the left axis reaches down to (`panel.left.floorFrom`), tail included. */
  lowest: number;
}

const Panel = memo(function Panel({ panel, data, rules, bottom, showDots, xDomain, xTicks, lowest }: PanelProps) {
  const { t } = useTranslation();
  const series = useMemo(() => CHART_SERIES.filter((s) => s.panel === panel.id), [panel]);
  const lines = useMemo(
    () =>
      thresholdLines(
        rules,
        series.map((s) => s.parameter),
      ),
    [rules, series],
  );
  const axisOf = (parameter: string) => series.find((s) => s.parameter === parameter)?.axis ?? 'left';
  const floor = Math.min(panel.left.min, lowest);
  const leftDomain = useMemo(() => [floor, panel.left.max], [floor, panel.left.max]);
  // The time grid at the axis' own ticks: recharts' default works them out again and measures every label's width.
  const verticalAt = useCallback<NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>>(({ xAxis }) => xTicks.flatMap((tick) => xAxis?.scale?.map(tick) ?? []), [xTicks]);
  const rightDomain = useMemo(() => (panel.right ? [panel.right.min, panel.right.max] : undefined), [panel.right]);
  return (
    <div className="vitals-panel" data-panel={panel.id}>
      <ResponsiveContainer width="100%" height={panel.heightPx + (bottom ? TIME_AXIS_PX : 0)}>
        <LineChart data={data} syncId={SYNC_ID} margin={panel.right ? MARGIN_WITH_RIGHT_AXIS : MARGIN_WITHOUT_RIGHT_AXIS}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" verticalCoordinatesGenerator={verticalAt} />
          <XAxis dataKey="t" type="number" scale="time" domain={xDomain} ticks={xTicks} interval={0} niceTicks="none" tickFormatter={formatClockTime} hide={!bottom} stroke="var(--chart-axis)" />
          <YAxis yAxisId="left" domain={leftDomain} ticks={panel.left.ticks} interval={0} niceTicks="none" allowDecimals={false} width={LEFT_AXIS_PX} stroke="var(--chart-axis)" />
          {panel.right && <YAxis yAxisId="right" orientation="right" domain={rightDomain} ticks={panel.right.ticks} interval={0} niceTicks="none" width={RIGHT_AXIS_PX} stroke="var(--chart-axis)" />}
          <Tooltip labelFormatter={clockLabel} isAnimationActive={false} contentStyle={TOOLTIP_STYLE} />
          <Legend verticalAlign="top" align="right" height={20} iconSize={10} wrapperStyle={LEGEND_STYLE} />
          {lines.map((line) => (
            <ReferenceLine
              key={`${line.ruleId}-${line.value}`}
              yAxisId={axisOf(line.parameter)}
              y={line.value}
              stroke={PRIORITY_COLOUR[line.priority]}
              strokeDasharray={line.priority === 'high' ? undefined : '5 4'}
              strokeOpacity={0.8}
              ifOverflow="hidden"
              className={`threshold threshold-${line.priority}`}
              label={{ value: String(line.value), position: axisOf(line.parameter) === 'right' ? 'insideBottomRight' : 'insideBottomLeft', fontSize: 10, fill: PRIORITY_COLOUR[line.priority] }}
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.key}
              yAxisId={s.axis}
              dataKey={s.key}
              name={t(s.label)}
              stroke={s.colour}
              strokeWidth={2}
              type={s.step ? 'stepAfter' : 'linear'}
              dot={showDots ? DOT : false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <TrendTail series={series} anchor={data.at(-1)} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

/**
 * The session's trend in three panels on one time axis: circulation (HR, SBP, DBP), breathing
 * (SpO2 and RR, each on its own axis) and sedation (MOAA/S and dissociation, as steps), with
 * the fixed limits of the session's rules as lines (red high, amber medium). Only what main
 * stored, no animation; a long session draws main's min/max buckets behind the loaded rows.
 * Memoised: it re-renders when the readings or rules change, not on every store update.
 */
export const VitalsChart = memo(function VitalsChart({ readings, trend = null, rules = NO_RULES }: { readings: readonly Reading[]; trend?: Trend | null; rules?: readonly AlertRule[] }) {
  const { t } = useTranslation();
  const [keeper] = useState(() => new TrendPointsKeeper());
  const { history, tail, xDomain } = useMemo(() => keeper.update(readings, trend), [keeper, readings, trend]);
  const tickKey = timeTicks(xDomain[0], xDomain[1]).join(',');
  const xTicks = useMemo(() => tickKey.split(',').map(Number), [tickKey]);
  const pointCount = history.length + tail.length;
  const showDots = pointCount <= DENSE_FROM_POINTS;
  const unvalidated = useMemo(() => readings.filter(isUnvalidatedMonitorValue).map(readingPoint), [readings]);
  const live = useMemo(() => ({ tail, unvalidated }), [tail, unvalidated]);
  const lowestOf = (key: SeriesKey | undefined) => (key ? Math.min(...history.map((p) => p[key] ?? Infinity), ...tail.map((p) => p[key] ?? Infinity)) : Infinity);

  return (
    <TrendLiveContext.Provider value={live}>
      <div className="vitals-chart" data-testid="vitals-chart" data-points={pointCount}>
        {CHART_PANELS.map((panel, index) => (
          <Panel
            key={panel.id}
            panel={panel}
            data={history}
            rules={rules}
            bottom={index === CHART_PANELS.length - 1}
            showDots={showDots}
            xDomain={xDomain}
            xTicks={xTicks}
            lowest={lowestOf(panel.left.floorFrom)}
          />
        ))}
      </div>
      {unvalidated.length > 0 && (
        <p className="trend-marks-legend muted" data-testid="trend-unvalidated-legend">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4" fill="var(--card)" stroke="currentColor" strokeWidth="1.5" />
          </svg>{' '}
          {t('trendMarks.unvalidated', { count: unvalidated.length })}
        </p>
      )}
    </TrendLiveContext.Provider>
  );
});
