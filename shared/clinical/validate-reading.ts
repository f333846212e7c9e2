import type { AppError } from '../result';
import type { ReadingValues } from '../domain/reading';
import { VITAL_PARAMETER_KEYS, VITAL_PARAMETERS, displayUnit, type VitalParameter } from './parameters';

/**
 * Checks one reading's values against the parameter limits. Returns the first problem:
 * an impossible value (refused), an unconfirmed unusual value (ask the nurse), or an
 * inconsistent pair. Returns null when the reading may be stored.
 */
export function checkReadingValues(values: ReadingValues, confirmed: readonly VitalParameter[]): AppError | null {
  const present = VITAL_PARAMETER_KEYS.filter((key) => values[key] !== undefined);
  if (present.length === 0) {
    return { code: 'invalid_request', message: 'Enter at least one value', field: 'values', reason: 'no_values' };
  }
  for (const key of present) {
    const value = values[key] as number;
    const spec = VITAL_PARAMETERS[key];
    const field = `values.${key}`;
    const factor = 10 ** spec.decimals;
    if (Math.round(value * factor) !== value * factor) {
      return {
        code: 'invalid_request',
        message: `${key} takes at most ${spec.decimals} decimal places`,
        field,
        reason: 'too_many_decimals',
        params: { decimals: spec.decimals },
      };
    }
    if (value < spec.hardMin || value > spec.hardMax) {
      const unit = displayUnit(key);
      return {
        code: 'value_out_of_range',
        message: `${key} ${value} is outside the possible range ${spec.hardMin}-${spec.hardMax} ${unit}`.trim(),
        field,
        params: { value, min: spec.hardMin, max: spec.hardMax, unit },
      };
    }
  }
  const { systolicMmHg, diastolicMmHg, meanArterialMmHg } = values;
  if ((systolicMmHg === undefined) !== (diastolicMmHg === undefined)) {
    const missing = systolicMmHg === undefined ? 'systolicMmHg' : 'diastolicMmHg';
    return { code: 'invalid_request', message: 'Blood pressure needs both systolic and diastolic', field: `values.${missing}`, reason: 'bp_incomplete' };
  }
  // Equal pressures are possible (0/0 in arrest, a damped line); a diastolic above the systolic is not.
  if (systolicMmHg !== undefined && diastolicMmHg !== undefined && diastolicMmHg > systolicMmHg) {
    return {
      code: 'invalid_request',
      message: `Diastolic ${diastolicMmHg} cannot be above systolic ${systolicMmHg}`,
      field: 'values.diastolicMmHg',
      reason: 'bp_order',
      params: { systolic: systolicMmHg, diastolic: diastolicMmHg },
    };
  }
  if (meanArterialMmHg !== undefined) {
    if (systolicMmHg === undefined || diastolicMmHg === undefined) {
      return { code: 'invalid_request', message: 'A MAP needs the systolic and diastolic it came from', field: 'values.meanArterialMmHg', reason: 'map_needs_bp' };
    }
    if (meanArterialMmHg < diastolicMmHg || meanArterialMmHg > systolicMmHg) {
      return {
        code: 'value_out_of_range',
        message: `MAP ${meanArterialMmHg} must lie between diastolic ${diastolicMmHg} and systolic ${systolicMmHg}`,
        field: 'values.meanArterialMmHg',
        params: { value: meanArterialMmHg, min: diastolicMmHg, max: systolicMmHg, unit: 'mmHg' },
      };
    }
  }
  for (const key of present) {
    const value = values[key] as number;
    const spec = VITAL_PARAMETERS[key];
    if ((value < spec.plausibleMin || value > spec.plausibleMax) && !confirmed.includes(key)) {
      const unit = displayUnit(key);
      return {
        code: 'needs_confirmation',
        message: `${key} ${value} ${unit} is unusual (expected ${spec.plausibleMin}-${spec.plausibleMax}); confirm it`,
        field: `values.${key}`,
        params: { value, min: spec.plausibleMin, max: spec.plausibleMax, unit },
      };
    }
  }
  return null;
}
