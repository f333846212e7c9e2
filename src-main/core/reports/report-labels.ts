import type { Comparison } from '../../../shared/clinical/alert-rules';
import { VITAL_PARAMETERS, type VitalParameter } from '../../../shared/clinical/parameters';
import type { Alert } from '../../../shared/domain/alert';

/**
 * English wording of the exported documents (a report is a clinical record handed over as
 * written; the screens are translated, the files are in the clinic's record language).
 */
export const PARAMETER_LABELS: Readonly<Record<VitalParameter, string>> = {
  heartRateBpm: 'Heart rate',
  systolicMmHg: 'Systolic BP',
  diastolicMmHg: 'Diastolic BP',
  meanArterialMmHg: 'Mean arterial pressure',
  spo2Pct: 'SpO2',
  respiratoryRatePerMin: 'Respiratory rate',
  etco2MmHg: 'EtCO2',
  temperatureC: 'Temperature',
  moaasScore: 'MOAA/S',
  dissociationLevel: 'Dissociation level',
};

const OTHER_PARAMETER_LABELS: Readonly<Record<string, string>> = {
  news2Total: 'NEWS2 total',
  news2HighestSingle: 'NEWS2 single parameter',
  news2HighestSingleExceptConsciousness: 'NEWS2 single parameter',
  vitalsOverdue: 'Vitals check overdue',
  bpCheckpointOverdue: 'BP checkpoint missed',
  infusionOverrun: 'Infusion past its planned end',
  earlyDischargeAttempt: 'Discharge before the minimum recovery time',
};

/** The unit as a reader writes it (UCUM mm[Hg] as mmHg, Cel as °C, scores without one). */
export function readableUnit(parameter: VitalParameter): string {
  const unit = VITAL_PARAMETERS[parameter].unit;
  return unit === 'mm[Hg]' ? 'mmHg' : unit === 'Cel' ? '°C' : unit === '{score}' ? 'score' : unit;
}

export function parameterLabel(parameter: string): string {
  return (PARAMETER_LABELS as Record<string, string>)[parameter] ?? OTHER_PARAMETER_LABELS[parameter] ?? parameter;
}

/** Priority by word and symbol, so it reads in black and white. */
export const PRIORITY_MARK: Readonly<Record<Alert['priority'], string>> = { high: '!!! HIGH', medium: '!! MEDIUM', low: '! LOW' };

export function comparisonText(comparison: Comparison | null): string {
  if (!comparison) return '';
  switch (comparison.kind) {
    case 'above':
      return `above ${comparison.limit}`;
    case 'atOrAbove':
      return `at or above ${comparison.limit}`;
    case 'below':
      return `below ${comparison.limit}`;
    case 'atOrBelow':
      return `at or below ${comparison.limit}`;
    case 'outside':
      return `outside ${comparison.low}–${comparison.high}`;
    case 'riseFromBaseline':
      return `rise of ${comparison.delta} or more from baseline`;
  }
}

/** "Systolic BP 186 mmHg above 180" or the technical condition's name. */
export function alertCondition(alert: Alert): string {
  if (alert.kind === 'technical') return parameterLabel(alert.parameter);
  const unit = alert.parameter in VITAL_PARAMETERS ? ` ${readableUnit(alert.parameter as VitalParameter)}` : '';
  const value = alert.value === null ? '' : ` ${alert.value}${unit === ' score' ? '' : unit}`;
  return `${parameterLabel(alert.parameter)}${value} ${comparisonText(alert.comparison)}`.trim();
}

const AUTOMATIC_ENDINGS: Readonly<Record<string, string>> = {
  cleared: 'ended by a normal value',
  superseded: 'replaced by a more urgent alert of the same condition',
  corrected: 'ended: the reading was corrected',
  artifact: 'ended: the reading was marked as an artifact',
  sessionEnded: 'ended with the session',
  ruleChanged: 'ended: the rule was changed',
  acknowledgedAfterClearing: 'ended: acknowledged after the value recovered',
  phaseEnded: 'ended: the check no longer applied',
};

/** How an alert ended: automatically (why) or by hand (who, and their reason). */
export function alertEnding(alert: Alert): string | null {
  if (alert.resolvedAt === null) return null;
  const reason = alert.resolvedReason ?? '';
  const automatic = AUTOMATIC_ENDINGS[reason];
  if (automatic) return automatic;
  return `resolved by hand${alert.resolvedByName ? ` by ${alert.resolvedByName}` : ''}: ${reason}`;
}

export const PHASE_LABELS: Readonly<Record<string, string>> = {
  screening: 'Screening',
  infusing: 'Infusing',
  paused: 'Paused',
  recovery: 'Recovery',
  discharged: 'Discharged',
  closed: 'Closed (signed)',
  aborted: 'Aborted',
};

export const CHECKPOINT_LABELS: Readonly<Record<string, string>> = {
  bpBeforeDosing: 'BP before dosing',
  bpAt40Minutes: 'BP at 40 minutes',
  bpBeforeDischarge: 'BP before discharge',
};

/** A safe file-name part: letters, digits and dashes. */
export const fileSlug = (text: string): string => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
