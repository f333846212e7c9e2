import { useTranslation } from 'react-i18next';
import { formatValue } from '../format/parameters';
import { CHART_PANELS } from '../components/vitals-chart-series';
import { useSparkline, type SparkPoint } from './use-sparkline';

const WIDTH_PX = 200;
const HEIGHT_PX = 26;

/** One parameter's line, on the trend chart's own drawing scale for it. */
function SparkRow({ points, field, label, colour, min, max }: { points: SparkPoint[]; field: 'systolicMmHg' | 'spo2Pct'; label: string; colour: string; min: number; max: number }) {
  const { t } = useTranslation();
  const values = points.filter((p) => p[field] !== undefined);
  const first = values[0]?.t ?? 0;
  const span = Math.max(1, (values.at(-1)?.t ?? 1) - first);
  const low = Math.min(min, ...values.map((p) => p[field] ?? min));
  const y = (value: number) => HEIGHT_PX - 2 - ((value - low) / Math.max(1, max - low)) * (HEIGHT_PX - 4);
  const line = values.map((p) => `${(((p.t - first) / span) * (WIDTH_PX - 4) + 2).toFixed(1)},${y(p[field] ?? low).toFixed(1)}`).join(' ');
  const latest = values.at(-1)?.[field];
  return (
    <span className="spark-row" data-testid={`spark-${field}`} data-points={values.length}>
      <span className="spark-label">{label}</span>
      <svg width="100%" height={HEIGHT_PX} viewBox={`0 0 ${WIDTH_PX} ${HEIGHT_PX}`} preserveAspectRatio="none" role="img" aria-label={t('physician.sparkLabel', { what: label, count: values.length })}>
        {values.length > 1 && <polyline points={line} fill="none" stroke={colour} strokeWidth={2} vectorEffect="non-scaling-stroke" />}
        {values.length === 1 && <circle cx={WIDTH_PX / 2} cy={y(latest ?? low)} r={2.5} fill={colour} />}
      </svg>
      <b className="spark-latest">{latest === undefined ? '–' : formatValue(field, latest)}</b>
    </span>
  );
}

/** The physician's tile: how SBP and SpO2 have gone this session, with the latest of each. */
export function Sparkline({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const points = useSparkline(sessionId);
  const [circulation, breathing] = CHART_PANELS;
  return (
    <span className="sparkline" data-testid="tile-sparkline">
      <SparkRow points={points} field="systolicMmHg" label={t('chart.systolic')} colour="var(--vital-sbp)" min={circulation?.left.min ?? 0} max={circulation?.left.max ?? 220} />
      <SparkRow points={points} field="spo2Pct" label={t('chart.spo2')} colour="var(--vital-spo2)" min={breathing?.left.min ?? 80} max={breathing?.left.max ?? 100} />
    </span>
  );
}
