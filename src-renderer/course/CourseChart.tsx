import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PHQ9_MAX_TOTAL } from '../../shared/clinical/phq9';
import type { PatientHistoryEntry } from '../../shared/domain/views';
import { formatDateTime } from '../format/time';
import './course.css';

/** Each series on its own axis, in its own unit; colours are theme tokens so the dim room keeps them readable. */
const SERIES = [
  { key: 'phq9', label: 'course.series.phq9', colour: 'var(--chart-phq9)', axis: 'score' },
  { key: 'peakSystolic', label: 'course.series.peakSystolic', colour: 'var(--chart-sbp)', axis: 'mmHg' },
  { key: 'peakDissociation', label: 'course.series.peakDissociation', colour: 'var(--chart-dissociation)', axis: 'dissociation' },
] as const;

type Point = { label: string } & Partial<Record<(typeof SERIES)[number]['key'], number>>;

/** The course at a glance: PHQ-9 against the session's peak SBP and dissociation, oldest session first. */
export function CourseChart({ sessions }: { sessions: readonly PatientHistoryEntry[] }) {
  const { t } = useTranslation();
  const data = useMemo(
    () =>
      [...sessions].reverse().map((entry): Point => {
        const point: Point = { label: formatDateTime(entry.infusionStartedAt ?? entry.session.createdAt) };
        if (entry.phq9) point.phq9 = entry.phq9.total;
        if (entry.peakSystolicMmHg !== null) point.peakSystolic = entry.peakSystolicMmHg;
        if (entry.peakDissociationLevel !== null) point.peakDissociation = entry.peakDissociationLevel;
        return point;
      }),
    [sessions],
  );
  return (
    <figure className="course-chart" data-testid="course-chart" data-points={data.length} aria-label={t('course.chartLabel')}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
          <XAxis dataKey="label" stroke="var(--chart-axis)" />
          <YAxis yAxisId="score" domain={[0, PHQ9_MAX_TOTAL]} ticks={[0, 5, 10, 15, 20, 27]} width={32} stroke="var(--chart-phq9)" />
          <YAxis yAxisId="mmHg" orientation="right" domain={[60, 220]} width={40} stroke="var(--chart-sbp)" />
          <YAxis yAxisId="dissociation" orientation="right" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} width={24} stroke="var(--chart-dissociation)" />
          <Tooltip isAnimationActive={false} contentStyle={{ background: 'var(--card)', borderColor: 'var(--line)' }} />
          <Legend />
          {SERIES.map((series) => (
            <Line key={series.key} yAxisId={series.axis} dataKey={series.key} name={t(series.label)} stroke={series.colour} strokeWidth={2} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
