import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, type CartesianGridProps, DefaultLegendContent, type DefaultLegendContentProps, Legend, type LegendPayload, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AlertRule } from '../../shared/clinical/alert-rules';
import type { Reading } from '../../shared/domain/reading';
import type { Trend } from '../../shared/domain/reading-views';
import { formatClockTime } from '../format/time';
import { timeTicks } from './time-ticks';
import { isUnvalidatedMonitorValue } from '../monitor/MonitorBadge';
import { TrendHistory, TrendTail, TrendLiveContext } from './TrendTail';
import { HoverTimeContext, TrendHover, hoverTime } from './TrendHover';
import { DENSE_FROM_POINTS, TrendPointsKeeper, readingPoint, type TrendPoint } from './trend-points';
import { labelShiftPx, placeThresholdLabels, thresholdLines, type LabelSide, type PlotPoint } from './threshold-lines';
import { parameterShort } from '../format/parameters';
import { CHART_PANELS, CHART_SERIES, TICK_LABEL_OVERHANG_PX, TIME_AXIS_PX, axisDomain, mergeExtents, seriesExtents, type ChartPanel } from './vitals-chart-series';

export { CHART_SERIES } from './vitals-chart-series';

/** One time axis for the three panels: tooltips move together. */
const SYNC_ID = 'vitals';
const LEFT_AXIS_PX = 40;
const RIGHT_AXIS_PX = 34;
/** A panel's legend (20 px) and top margin (6 px): what of its height the plot does not get. */
const PLOT_INSET_PX = 26;
/** Threshold labels are 10 px text: closer than this on one side they print over each other. */
const LABEL_GAP_PX = 11;
const LABEL_FONT_PX = 10;
/** recharts' default: a label sits this far in from the plot's edge and above its line. */
const LABEL_OFFSET_PX = 5;
/** A label's width per character, generous for the sans of Debian's Chromium (DejaVu digits are 0.64 em). */
const LABEL_CHAR_PX = 6.5;
const PRIORITY_COLOUR = { high: 'var(--high)', medium: 'var(--warn-line)', low: 'var(--low)' } as const;
/** The labels' text: the alert red as text colour, legible on the dim-room theme's dark plot too (the line red was not). */
const LABEL_COLOUR = { high: 'var(--high-text)', medium: 'var(--warn-line)', low: 'var(--low)' } as const;
// Props recharts compares by reference: made once, so an update redraws only what changed.
// The panel above the time axis has its lowest tick label's room in the axis; the others keep a margin for it.
const margin = (rightAxis: boolean, timeAxis: boolean) => ({ top: 6, right: 4 + (rightAxis ? 0 : RIGHT_AXIS_PX), bottom: timeAxis ? 0 : TICK_LABEL_OVERHANG_PX, left: 0 });
const MARGINS = {
  withRightAxis: { timeAxis: margin(true, true), noTimeAxis: margin(true, false) },
  withoutRightAxis: { timeAxis: margin(false, true), noTimeAxis: margin(false, false) },
} as const;
const TOOLTIP_STYLE = { background: 'var(--card)', borderColor: 'var(--line)' };
const LEGEND_STYLE = { fontSize: '0.8rem' };
const DOT = { r: 3 };
/** Room kept between a label and a dot: a label 2 px from a dot still reads as printed on it. */
const LABEL_DOT_CLEARANCE_PX = 3;
/** How far in from its edge a label may move past the readings' dots: further, it no longer reads as its axis' label. */
const LABEL_MAX_SHIFT_SHARE = 0.25;
/** What of a panel's width is not plot: the left axis, the right axis (or the margin kept in its place) and 4 px. */
const PLOT_WIDTH_INSET_PX = LEFT_AXIS_PX + RIGHT_AXIS_PX + 4;
const clockLabel = (value: unknown) => formatClockTime(Number(value));

type Point = TrendPoint;
const NO_RULES: readonly AlertRule[] = [];

interface PanelProps {
  panel: ChartPanel;
  /** A short trend's points, drawn by recharts with markers; null for a dense trend, whose lines TrendHistory draws from the context. */
  data: Point[] | null;
  rules: readonly AlertRule[];
  bottom: boolean;
  xDomain: [number, number];
  xTicks: number[];
  /** The axes' drawn ranges (`axisDomain`, tail included), as numbers so a reading that leaves them as they were redraws nothing. */
  leftLow: number;
  leftHigh: number;
  rightLow: number;
  rightHigh: number;
}

/**
 * One panel. A dense trend's points never reach it as props: its lines are layers of their own
 * (TrendHistory, TrendTail) on the chart's scales, so a reading, a fold or a correction redraws
 * a few paths, and recharts (whose redraw of three panels was one long task) only sees the axes move.
 */
const Panel = memo(function Panel({ panel, data, rules, bottom, xDomain, xTicks, leftLow, leftHigh, rightLow, rightHigh }: PanelProps) {
  const { t } = useTranslation();
  const series = useMemo(() => CHART_SERIES.filter((s) => s.panel === panel.id), [panel]);
  // The plot's width, for where the first and newest readings' dots lie under the labels.
  const [plotWidthPx, setPlotWidthPx] = useState(0);
  const onResize = useCallback((width: number) => setPlotWidthPx(Math.max(0, width - PLOT_WIDTH_INSET_PX)), []);
  const lines = useMemo(() => {
    const drawn = thresholdLines(
      rules,
      series.map((s) => s.parameter),
    ).map((line) => ({ ...line, axis: series.find((s) => s.parameter === line.parameter)?.axis ?? 'left' }));
    // Each label names its parameter ("SBP 160": the colour gives the priority only) and moves to
    // the other side, or is left out, rather than print over a neighbour.
    const plotPx = panel.heightPx - PLOT_INSET_PX;
    const heightPx = (value: number, axis: 'left' | 'right') => {
      const [low, high] = axis === 'right' ? [rightLow, rightHigh] : [leftLow, leftHigh];
      return ((value - low) / (high - low || 1)) * plotPx;
    };
    // A short trend draws each reading as a dot: a label goes where none is under it. A dense one draws no dots.
    const [start, end] = xDomain;
    const dots: PlotPoint[] =
      data === null || plotWidthPx === 0
        ? []
        : data.flatMap((point) =>
            series.flatMap((s) => {
              const value = point[s.key];
              return value === undefined ? [] : [{ xPx: ((point.t - start) / (end - start || 1)) * plotWidthPx, heightPx: heightPx(value, s.axis) }];
            }),
          );
    const placed = drawn.map((line) => {
      const text = `${parameterShort(t, line.parameter)} ${line.value}`;
      const lineHeightPx = heightPx(line.value, line.axis);
      const box = { widthPx: text.length * LABEL_CHAR_PX, textPx: LABEL_FONT_PX, offsetPx: LABEL_OFFSET_PX };
      const shift = (side: LabelSide) => labelShiftPx(side, lineHeightPx, box, plotWidthPx, dots, DOT.r + LABEL_DOT_CLEARANCE_PX, plotWidthPx * LABEL_MAX_SHIFT_SHARE);
      return { line, text, lineHeightPx, shiftPx: { start: shift('start'), end: shift('end') } };
    });
    const sides = placeThresholdLabels(
      placed.map(({ line, lineHeightPx, shiftPx }) => ({
        heightPx: lineHeightPx,
        preferred: line.axis === 'right' ? 'end' : 'start',
        blocked: (['start', 'end'] as const).filter((side) => shiftPx[side] === null),
      })),
      LABEL_GAP_PX,
    );
    return placed.map(({ line, text, shiftPx }, index) => {
      const colour = PRIORITY_COLOUR[line.priority];
      const side = sides[index];
      // Moved in by `dx` past the first (or newest) reading's dots when one sits at the plot's edge.
      const dx = side ? (shiftPx[side] ?? 0) * (side === 'end' ? -1 : 1) : 0;
      const label = side && ({ value: text, position: side === 'end' ? 'insideBottomRight' : 'insideBottomLeft', offset: LABEL_OFFSET_PX, dx, fontSize: LABEL_FONT_PX, fill: LABEL_COLOUR[line.priority] } as const);
      return { ...line, colour, label: label || undefined };
    });
  }, [rules, series, panel.heightPx, leftLow, leftHigh, rightLow, rightHigh, t, data, xDomain, plotWidthPx]);
  const leftDomain = useMemo(() => [leftLow, leftHigh], [leftLow, leftHigh]);
  const rightDomain = useMemo(() => [rightLow, rightHigh], [rightLow, rightHigh]);
  // The time grid at the axis' own ticks: recharts' default works them out again and measures every label's width.
  const verticalAt = useCallback<NonNullable<CartesianGridProps['verticalCoordinatesGenerator']>>(({ xAxis }) => xTicks.flatMap((tick) => xAxis?.scale?.map(tick) ?? []), [xTicks]);
  // recharts lays out its scales only with data: a dense chart gives it the axis' two ends.
  const axisCorners = useMemo<Point[]>(() => [{ t: xDomain[0] }, { t: xDomain[1] }], [xDomain]);
  const dense = data === null;
  // The legend recharts makes from its Lines, for a dense trend (no Lines), in the same order (by name) and look.
  const denseLegend = useMemo(() => {
    const byName = (a: LegendPayload, b: LegendPayload) => (String(a.value) < String(b.value) ? -1 : String(a.value) > String(b.value) ? 1 : 0);
    const payload = series.map((s): LegendPayload => ({ value: t(s.label), type: 'line', color: s.colour, dataKey: s.key })).sort(byName);
    return (props: DefaultLegendContentProps) => <DefaultLegendContent {...props} payload={payload} />;
  }, [series, t]);
  // Each child element is made again only when what it shows changes: recharts' axes, reference lines and lines
  // report their settings to the chart's store on every render they get, and each report re-runs the chart's selectors.
  const grid = useMemo(() => <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" verticalCoordinatesGenerator={verticalAt} />, [verticalAt]);
  const xAxis = useMemo(
    () => <XAxis dataKey="t" type="number" scale="time" domain={xDomain} ticks={xTicks} interval={0} niceTicks="none" tickFormatter={formatClockTime} hide={!bottom} stroke="var(--chart-axis)" />,
    [xDomain, xTicks, bottom],
  );
  const leftAxis = useMemo(
    () => <YAxis yAxisId="left" domain={leftDomain} allowDataOverflow ticks={panel.left.ticks} interval={0} niceTicks="none" allowDecimals={false} width={LEFT_AXIS_PX} stroke="var(--chart-axis)" />,
    [leftDomain, panel.left.ticks],
  );
  const rightAxis = useMemo(
    () => panel.right && <YAxis yAxisId="right" orientation="right" domain={rightDomain} allowDataOverflow ticks={panel.right.ticks} interval={0} niceTicks="none" width={RIGHT_AXIS_PX} stroke="var(--chart-axis)" />,
    [rightDomain, panel.right],
  );
  const overlays = useMemo(
    () => (
      <>
        {!dense && <Tooltip labelFormatter={clockLabel} isAnimationActive={false} contentStyle={TOOLTIP_STYLE} />}
        <Legend verticalAlign="top" align="right" height={20} iconSize={10} wrapperStyle={LEGEND_STYLE} content={dense ? denseLegend : undefined} />
        {lines.map((line) => (
          <ReferenceLine
            key={`${line.ruleId}-${line.value}`}
            yAxisId={line.axis}
            y={line.value}
            stroke={line.colour}
            strokeDasharray={line.priority === 'high' ? undefined : '5 4'}
            strokeOpacity={0.8}
            ifOverflow="hidden"
            className={`threshold threshold-${line.priority}`}
            label={line.label}
          />
        ))}
        {/* A dense trend has no recharts Line: every one is a chart item recharts re-lays out on a fold. */}
        {!dense &&
          series.map((s) => (
          <Line
            key={s.key}
            yAxisId={s.axis}
            dataKey={s.key}
            name={t(s.label)}
            stroke={s.colour}
            strokeWidth={2}
            type={s.step ? 'stepAfter' : 'linear'}
            dot={DOT}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        {dense && <TrendHistory series={series} />}
        <TrendTail series={series} />
        {dense && <TrendHover series={series} />}
      </>
    ),
    [dense, denseLegend, lines, series, t],
  );
  return (
    <div className="vitals-panel" data-panel={panel.id}>
      <ResponsiveContainer onResize={onResize} width="100%" height={panel.heightPx + (bottom ? TIME_AXIS_PX : TICK_LABEL_OVERHANG_PX)}>
        <LineChart data={data ?? axisCorners} syncId={SYNC_ID} margin={MARGINS[panel.right ? 'withRightAxis' : 'withoutRightAxis'][bottom ? 'timeAxis' : 'noTimeAxis']}>
          {grid}
          {xAxis}
          {leftAxis}
          {rightAxis}
          {overlays}
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
  const [hover] = useState(hoverTime);
  const { history, tail, xDomain } = useMemo(() => keeper.update(readings, trend), [keeper, readings, trend]);
  const tickKey = timeTicks(xDomain[0], xDomain[1]).join(',');
  const xTicks = useMemo(() => tickKey.split(',').map(Number), [tickKey]);
  const pointCount = history.length + tail.length;
  const showDots = pointCount <= DENSE_FROM_POINTS;
  const unvalidated = useMemo(() => readings.filter(isUnvalidatedMonitorValue).map(readingPoint), [readings]);
  const live = useMemo(() => ({ history, tail, unvalidated }), [history, tail, unvalidated]);
  const historyExtents = useMemo(() => seriesExtents(history), [history]);
  const extents = useMemo(() => mergeExtents(historyExtents, seriesExtents(tail)), [historyExtents, tail]);

  return (
    <TrendLiveContext.Provider value={live}>
      <HoverTimeContext.Provider value={hover}>
      <div className="vitals-chart" data-testid="vitals-chart" data-points={pointCount} data-axis-end={xDomain[1]}>
        {CHART_PANELS.map((panel, index) => {
          const [leftLow, leftHigh] = axisDomain(panel.id, 'left', panel.left, extents);
          const [rightLow, rightHigh] = panel.right ? axisDomain(panel.id, 'right', panel.right, extents) : [0, 0];
          return (
          <Panel
            key={panel.id}
            panel={panel}
            data={showDots ? history : null}
            rules={rules}
            bottom={index === CHART_PANELS.length - 1}
            xDomain={xDomain}
            xTicks={xTicks}
            leftLow={leftLow}
            leftHigh={leftHigh}
            rightLow={rightLow}
            rightHigh={rightHigh}
          />
          );
        })}
      </div>
      {unvalidated.length > 0 && (
        <p className="trend-marks-legend muted" data-testid="trend-unvalidated-legend">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="4" fill="var(--card)" stroke="currentColor" strokeWidth="1.5" />
          </svg>{' '}
          {t('trendMarks.unvalidated', { count: unvalidated.length })}
        </p>
      )}
      </HoverTimeContext.Provider>
    </TrendLiveContext.Provider>
  );
});
