import type { TFunction } from 'i18next';
import { displayUnit, VITAL_PARAMETERS, type VitalParameter } from '../../shared/clinical/parameters';

export function parameterShort(t: TFunction, parameter: string): string {
  return t(`parameters.${parameter}.short`, { defaultValue: parameter });
}

export function parameterLabel(t: TFunction, parameter: string): string {
  return t(`parameters.${parameter}.label`, { defaultValue: parameter });
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
