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
  /** The axis reaches down to this series' lowest value when it falls below `min` (a desaturation stays on the chart). */
  floorFrom?: SeriesKey;
}

export interface ChartPanel {
  id: PanelId;
  heightPx: number;
  left: AxisScale;
  right?: AxisScale;
}

const scoreTicks = (parameter: VitalParameter) => Array.from({ length: VITAL_PARAMETERS[parameter].hardMax + 1 }, (_, i) => i);

/**
 * The drawing scales (not clinical limits): mmHg and /min share 0-220; SpO2 shows 80-100 %
 * unless a value falls lower; RR 0-40 /min; the scores their whole range.
 */
export const CHART_PANELS: readonly ChartPanel[] = [
  { id: 'circulation', heightPx: 190, left: { min: 0, max: 220, ticks: [0, 40, 80, 120, 160, 200] } },
  { id: 'breathing', heightPx: 120, left: { min: 80, max: 100, ticks: [80, 85, 90, 95, 100], floorFrom: 'spo2' }, right: { min: 0, max: 40, ticks: [0, 10, 20, 30, 40] } },
  { id: 'sedation', heightPx: 90, left: { min: 0, max: VITAL_PARAMETERS.moaasScore.hardMax, ticks: scoreTicks('moaasScore') } },
];

/** The time axis under the last panel, px. */
export const TIME_AXIS_PX = 24;
/** The three panels and the time axis, px: what the trend takes on screen. */
export const CHART_HEIGHT_PX = CHART_PANELS.reduce((sum, panel) => sum + panel.heightPx, 0) + TIME_AXIS_PX;
