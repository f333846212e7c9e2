import type { TFunction } from 'i18next';
import { displayUnit, VITAL_PARAMETERS, type VitalParameter } from '../../shared/clinical/parameters';

/** A parameter's short name; derived scores (NEWS2) are named in the rules catalogue. */
export function parameterShort(t: TFunction, parameter: string): string {
  return t([`parameters.${parameter}.short`, `rules.parameter.${parameter}.short`], { defaultValue: parameter });
}

export function parameterLabel(t: TFunction, parameter: string): string {
  return t([`parameters.${parameter}.label`, `rules.parameter.${parameter}.label`], { defaultValue: parameter });
}

/**
 * What an alert is about, by name: a technical alert's condition ("Blood pressure checkpoint
 * missed") or a physiological alert's parameter ("Systolic BP"), never the stored key.
 */
export function alertSubject(t: TFunction, alert: { kind: string; parameter: string }): string {
  return alert.kind === 'technical' ? t(`alerts.technical.${alert.parameter}`, { defaultValue: alert.parameter }) : parameterLabel(t, alert.parameter);
}

export function isVitalParameter(parameter: string): parameter is VitalParameter {
  return Object.hasOwn(VITAL_PARAMETERS, parameter);
}

export function unitOf(parameter: string): string {
  return isVitalParameter(parameter) ? displayUnit(parameter) : '';
}

/** A value with the parameter's own number of decimals (temperature 36.8, the rest whole). */
export function formatValue(parameter: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const decimals = isVitalParameter(parameter) ? VITAL_PARAMETERS[parameter].decimals : 0;
  return value.toFixed(decimals);
}

/** "HR 72 · BP 128/82 · SpO₂ 98 …": every value of a reading on one line. */
export function summarizeValues(t: TFunction, values: Partial<Record<VitalParameter, number>>): string {
  const parts: string[] = [];
  if (values.systolicMmHg !== undefined) parts.push(`${t('parameters.bloodPressure.short')} ${values.systolicMmHg}/${values.diastolicMmHg ?? ''}`);
  for (const key of Object.keys(VITAL_PARAMETERS) as VitalParameter[]) {
    if (key === 'systolicMmHg' || key === 'diastolicMmHg' || key === 'meanArterialMmHg') continue;
    const value = values[key];
    if (value !== undefined) parts.push(`${parameterShort(t, key)} ${formatValue(key, value)}`);
  }
  return parts.join(' · ');
}
