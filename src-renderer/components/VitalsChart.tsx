import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AlertRule } from '../../shared/clinical/alert-rules';
import type { Reading } from '../../shared/domain/reading';
import type { Trend, TrendBucket } from '../../shared/domain/reading-views';
import { formatClockTime } from '../format/time';
import { lttb } from './downsample';
import { thresholdLines } from './threshold-lines';
import { CHART_PANELS, CHART_SERIES, type ChartPanel, type SeriesKey } from './vitals-chart-series';

export { CHART_SERIES } from './vitals-chart-series';

const MAX_POINTS = 600;
/** Markers help when readings are minutes apart; past this many they only clutter. */
const DOTS_UP_TO = 120;
/** One time axis for the three panels: tooltips move together. */
const SYNC_ID = 'vitals';
const LEFT_AXIS_PX = 40;
const RIGHT_AXIS_PX = 34;
const PRIORITY_COLOUR = { high: 'var(--high)', medium: 'var(--warn-line)', low: 'var(--low)' } as const;

type Point = { t: number } & Partial<Record<SeriesKey, number>>;

/** A bucket as two points, its minima then its maxima, so the line keeps every extreme. */
function bucketPoints(bucket: TrendBucket, bucketMs: number): Point[] {
  const low: Point = { t: bucket.at };
  const high: Point = { t: bucket.at + Math.floor(bucketMs / 2) };
  for (const series of CHART_SERIES) {
    const range = bucket.values[series.parameter];
    if (!range) continue;
    low[series.key] = range.min;
    high[series.key] = range.max;
  }
  return [low, high];
}

function Panel({ panel, data, rules, bottom, showDots }: { panel: ChartPanel; data: Point[]; rules: readonly AlertRule[]; bottom: boolean; showDots: boolean }) {
  const { t } = useTranslation();
  const series = CHART_SERIES.filter((s) => s.panel === panel.id);
  const lines = thresholdLines(
    rules,
    series.map((s) => s.parameter),
  );
  const axisOf = (parameter: string) => series.find((s) => s.parameter === parameter)?.axis ?? 'left';
  const lowest = (key: SeriesKey) => data.reduce((min, point) => Math.min(min, point[key] ?? min), Number.POSITIVE_INFINITY);
  const leftDomain = panel.left.floorFrom ? [Math.min(panel.left.min, lowest(panel.left.floorFrom)), panel.left.max] : [panel.left.min, panel.left.max];
  return (
    <div className="vitals-panel" data-panel={panel.id}>
      <ResponsiveContainer width="100%" height={panel.heightPx + (bottom ? 24 : 0)}>
        <LineChart data={data} syncId={SYNC_ID} margin={{ top: 6, right: panel.right ? 4 : 4 + RIGHT_AXIS_PX, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatClockTime} hide={!bottom} stroke="var(--chart-axis)" />
          <YAxis yAxisId="left" domain={leftDomain} ticks={panel.left.ticks} allowDecimals={false} width={LEFT_AXIS_PX} stroke="var(--chart-axis)" />
          {panel.right && <YAxis yAxisId="right" orientation="right" domain={[panel.right.min, panel.right.max]} ticks={panel.right.ticks} width={RIGHT_AXIS_PX} stroke="var(--chart-axis)" />}
          <Tooltip labelFormatter={(value) => formatClockTime(Number(value))} isAnimationActive={false} contentStyle={{ background: 'var(--card)', borderColor: 'var(--line)' }} />
          <Legend verticalAlign="top" align="right" height={20} iconSize={10} wrapperStyle={{ fontSize: '0.8rem' }} />
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
              dot={showDots ? { r: 3 } : false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * The session's trend in three panels on one time axis: circulation (HR, SBP, DBP), breathing
 * (SpO2 and RR, each on its own axis) and sedation (MOAA/S and dissociation, as steps), with
 * the fixed limits of the session's rules as lines (red high, amber medium). Only what main
 * stored, no animation; a long session draws main's min/max buckets behind the loaded rows.
 * Memoised: it re-renders when the readings or rules change, not on every store update.
 */
export const VitalsChart = memo(function VitalsChart({ readings, trend = null, rules = [] }: { readings: readonly Reading[]; trend?: Trend | null; rules?: readonly AlertRule[] }) {
  const data = useMemo(() => {
    const firstLoaded = readings[0]?.observedAt ?? Number.POSITIVE_INFINITY;
    const background: Point[] = (trend?.buckets ?? []).filter((bucket) => bucket.at < firstLoaded).flatMap((bucket) => bucketPoints(bucket, trend?.bucketMs ?? 1));
    const points: Point[] = readings.map((reading) => {
      const point: Point = { t: reading.observedAt };
      for (const series of CHART_SERIES) {
        const value = reading.values[series.parameter];
        if (value !== undefined) point[series.key] = value;
      }
      return point;
    });
    return lttb([...background, ...points], MAX_POINTS, (p) => p.t, (p) => p.hr ?? p.sbp ?? p.spo2 ?? 0);
  }, [readings, trend]);
  const showDots = data.length <= DOTS_UP_TO;

  return (
    <div className="vitals-chart" data-testid="vitals-chart" data-points={data.length}>
      {CHART_PANELS.map((panel, index) => (
        <Panel key={panel.id} panel={panel} data={data} rules={rules} bottom={index === CHART_PANELS.length - 1} showDots={showDots} />
      ))}
    </div>
  );
});
