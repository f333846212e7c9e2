import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Reading } from '../../shared/domain/reading';
import type { Trend, TrendBucket } from '../../shared/domain/reading-views';
import { formatClockTime } from '../format/time';
import { lttb } from './downsample';

const MAX_POINTS = 600;
/** Markers help when readings are minutes apart; past this many they only clutter. */
const DOTS_UP_TO = 120;

export const CHART_SERIES = [
  { key: 'hr', parameter: 'heartRateBpm', label: 'chart.heartRate', colour: '#c2185b', axis: 'vitals' },
  { key: 'sbp', parameter: 'systolicMmHg', label: 'chart.systolic', colour: '#1565c0', axis: 'vitals' },
  { key: 'dbp', parameter: 'diastolicMmHg', label: 'chart.diastolic', colour: '#64b5f6', axis: 'vitals' },
  { key: 'dissociation', parameter: 'dissociationLevel', label: 'chart.dissociation', colour: '#6a1b9a', axis: 'scale' },
] as const;

type Point = { t: number } & Partial<Record<(typeof CHART_SERIES)[number]['key'], number>>;

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

/** Live trend of HR, SBP/DBP and dissociation; only what main stored, no animation. */
/** Memoised: it re-renders when the readings change, not on every store update. */
export const VitalsChart = memo(function VitalsChart({ readings, trend = null }: { readings: readonly Reading[]; trend?: Trend | null }) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    // A long session: main's min/max buckets up to the first loaded reading, then the readings.
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
    return lttb([...background, ...points], MAX_POINTS, (p) => p.t, (p) => p.hr ?? p.sbp ?? 0);
  }, [readings, trend]);
  const showDots = data.length <= DOTS_UP_TO;

  return (
    <div className="vitals-chart" data-testid="vitals-chart" data-points={data.length}>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dde3ea" />
          <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatClockTime} />
          <YAxis yAxisId="vitals" domain={[0, 220]} tickCount={12} width={40} />
          <YAxis yAxisId="scale" orientation="right" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} width={28} />
          <Tooltip labelFormatter={(value) => formatClockTime(Number(value))} isAnimationActive={false} />
          <Legend />
          {CHART_SERIES.map((series) => (
            <Line
              key={series.key}
              yAxisId={series.axis}
              dataKey={series.key}
              name={t(series.label)}
              stroke={series.colour}
              strokeWidth={2}
              type="linear"
              dot={showDots ? { r: 3 } : false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
