import { VITAL_PARAMETERS, type VitalParameter } from '../../shared/clinical/parameters';

export type SeriesKey = 'hr' | 'sbp' | 'dbp' | 'spo2' | 'rr' | 'moaas' | 'dissociation';
export type PanelId = 'circulation' | 'breathing' | 'sedation';

export interface ChartSeries {
  key: SeriesKey;
  parameter: VitalParameter;
  label: string;
  /** A theme token, so the dim room keeps each line readable. */
  colour: string;
  panel: PanelId;
  axis: 'left' | 'right';
  /** Scores (MOAA/S, dissociation) hold until the next rating: drawn as steps. */
  step: boolean;
}

export const CHART_SERIES: readonly ChartSeries[] = [
  { key: 'hr', parameter: 'heartRateBpm', label: 'chart.heartRate', colour: 'var(--vital-hr)', panel: 'circulation', axis: 'left', step: false },
  { key: 'sbp', parameter: 'systolicMmHg', label: 'chart.systolic', colour: 'var(--vital-sbp)', panel: 'circulation', axis: 'left', step: false },
  { key: 'dbp', parameter: 'diastolicMmHg', label: 'chart.diastolic', colour: 'var(--vital-dbp)', panel: 'circulation', axis: 'left', step: false },
  { key: 'spo2', parameter: 'spo2Pct', label: 'chart.spo2', colour: 'var(--vital-spo2)', panel: 'breathing', axis: 'left', step: false },
  { key: 'rr', parameter: 'respiratoryRatePerMin', label: 'chart.respiratoryRate', colour: 'var(--vital-rr)', panel: 'breathing', axis: 'right', step: false },
  { key: 'moaas', parameter: 'moaasScore', label: 'chart.moaas', colour: 'var(--vital-moaas)', panel: 'sedation', axis: 'left', step: true },
  { key: 'dissociation', parameter: 'dissociationLevel', label: 'chart.dissociation', colour: 'var(--vital-dissociation)', panel: 'sedation', axis: 'left', step: true },
];

interface AxisScale {
  min: number;
  max: number;
  ticks?: number[];
}

export interface ChartPanel {
  id: PanelId;
  heightPx: number;
  left: AxisScale;
  right?: AxisScale;
}

const scoreTicks = (parameter: VitalParameter) => Array.from({ length: VITAL_PARAMETERS[parameter].hardMax + 1 }, (_, i) => i);

/**
 * The drawing scales (not clinical limits): mmHg and /min share 0-220; SpO2 shows 80-100 %;
 * RR 0-40 /min; the scores their whole range. An axis stretches to a value outside its range
 * (a desaturation below 80 % stays on the chart): see `axisDomain`.
 */
export const CHART_PANELS: readonly ChartPanel[] = [
  { id: 'circulation', heightPx: 190, left: { min: 0, max: 220, ticks: [0, 40, 80, 120, 160, 200] } },
  { id: 'breathing', heightPx: 120, left: { min: 80, max: 100, ticks: [80, 85, 90, 95, 100] }, right: { min: 0, max: 40, ticks: [0, 10, 20, 30, 40] } },
  { id: 'sedation', heightPx: 90, left: { min: 0, max: VITAL_PARAMETERS.moaasScore.hardMax, ticks: scoreTicks('moaasScore') } },
];

/** The time axis under the last panel, px. */
export const TIME_AXIS_PX = 24;
/**
 * A y tick's label is centred on its tick, so the lowest hangs about half a line below the plot:
 * a panel without the time axis under it keeps this margin, or its "0" / "80" was cut in half.
 */
export const TICK_LABEL_OVERHANG_PX = 10;
/** The three panels, the margins under the upper two and the time axis, px: what the trend takes on screen. */
export const CHART_HEIGHT_PX = CHART_PANELS.reduce((sum, panel) => sum + panel.heightPx, 0) + TICK_LABEL_OVERHANG_PX * (CHART_PANELS.length - 1) + TIME_AXIS_PX;

/** Each series' lowest and highest value in a run of points (series without values left out). */
export type SeriesExtents = Partial<Record<SeriesKey, [number, number]>>;

export function seriesExtents(points: readonly ({ t: number } & Partial<Record<SeriesKey, number>>)[]): SeriesExtents {
  const extents: SeriesExtents = {};
  for (const point of points) {
    for (const series of CHART_SERIES) {
      const value = point[series.key];
      if (value === undefined) continue;
      const known = extents[series.key];
      if (!known) extents[series.key] = [value, value];
      else {
        if (value < known[0]) known[0] = value;
        if (value > known[1]) known[1] = value;
      }
    }
  }
  return extents;
}

export function mergeExtents(a: SeriesExtents, b: SeriesExtents): SeriesExtents {
  const merged: SeriesExtents = { ...a };
  for (const [key, range] of Object.entries(b) as [SeriesKey, [number, number]][]) {
    const known = merged[key];
    merged[key] = known ? [Math.min(known[0], range[0]), Math.max(known[1], range[1])] : range;
  }
  return merged;
}

/** An axis' drawn range: its own, stretched to the values of the panel's series on it that fall outside. */
export function axisDomain(panel: PanelId, axis: 'left' | 'right', scale: AxisScale, extents: SeriesExtents): [number, number] {
  let [low, high] = [scale.min, scale.max];
  for (const series of CHART_SERIES) {
    const range = series.panel === panel && series.axis === axis ? extents[series.key] : undefined;
    if (!range) continue;
    low = Math.min(low, range[0]);
    high = Math.max(high, range[1]);
  }
  return [low, high];
}
