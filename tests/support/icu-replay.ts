import { VITAL_PARAMETERS, type VitalParameter } from '../../shared/clinical/parameters';
import type { ReadingValues } from '../../shared/domain/reading';

/**
 * A monitor sample as Vigil reading values, mapped as bench/run.ts maps it: drop-outs
 * (missing, 0 or below) and values Vigil would refuse outright (outside the hard limits) are
 * left out; values are rounded to the parameter's charted precision; the cuff pressure
 * (NBP) is used only as a consistent pair (both valid, systolic above diastolic). Unusual-but-possible
 * values stay in: the caller confirms them, as the nurse would.
 */
export function monitorSampleToValues(sample: readonly (number | null)[], channels: readonly string[]): ReadingValues {
  const pick = (name: string): number | null => {
    const index = channels.indexOf(name);
    return index === -1 ? null : (sample[index] ?? null);
  };
  const values: ReadingValues = {};
  const valid = (key: VitalParameter, value: number | null): number | null => {
    if (value === null || value <= 0) return null;
    const spec = VITAL_PARAMETERS[key];
    const rounded = Math.round(value * 10 ** spec.decimals) / 10 ** spec.decimals;
    return rounded >= spec.hardMin && rounded <= spec.hardMax ? rounded : null;
  };
  const put = (key: VitalParameter, value: number | null) => {
    const checked = valid(key, value);
    if (checked !== null) values[key] = checked;
  };
  put('heartRateBpm', pick('HR'));
  put('respiratoryRatePerMin', pick('RESP'));
  put('spo2Pct', pick('SpO2'));
  const sbp = valid('systolicMmHg', pick('NBPSys'));
  const dbp = valid('diastolicMmHg', pick('NBPDias'));
  if (sbp !== null && dbp !== null && sbp > dbp) {
    values.systolicMmHg = sbp;
    values.diastolicMmHg = dbp;
  }
  return values;
}
