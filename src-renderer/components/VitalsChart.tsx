import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Reading } from '../../shared/domain/reading';
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

/** Live trend of HR, SBP/DBP and dissociation; only what main stored, no animation. */
/** Memoised: it re-renders when the readings change, not on every store update. */
export const VitalsChart = memo(function VitalsChart({ readings }: { readings: readonly Reading[] }) {
  const { t } = useTranslation();
  const data = useMemo(() => {
    const points: Point[] = readings.map((reading) => {
      const point: Point = { t: reading.observedAt };
      for (const series of CHART_SERIES) {
        const value = reading.values[series.parameter];
        if (value !== undefined) point[series.key] = value;
      }
      return point;
    });
    return lttb(points, MAX_POINTS, (p) => p.t, (p) => p.hr ?? p.sbp ?? 0);
  }, [readings]);
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
