import type { AlertParameter, AlertRule } from '../../../shared/clinical/alert-rules';
import { VITAL_PARAMETERS } from '../../../shared/clinical/parameters';
import { isVitalParameter } from '../../format/parameters';

/**
 * The values a parameter can take: what main accepts for a charted vital sign, and the
 * NEWS2 scales (CLINICAL.md section 6: aggregate 0-20, one parameter 0-3).
 */
const NEWS2_RANGE: Readonly<Record<Exclude<AlertParameter, keyof typeof VITAL_PARAMETERS>, readonly [number, number]>> = {
  news2Total: [0, 20],
  news2HighestSingle: [0, 3],
  news2HighestSingleExceptConsciousness: [0, 3],
};

export function possibleRange(parameter: AlertParameter): readonly [min: number, max: number] {
  if (isVitalParameter(parameter)) return [VITAL_PARAMETERS[parameter].hardMin, VITAL_PARAMETERS[parameter].hardMax];
  return NEWS2_RANGE[parameter];
}

export type LimitField = 'comparison.limit' | 'comparison.low' | 'comparison.high' | 'comparison.delta';

/**
 * A limit outside the values a parameter can take makes a rule that never alerts (a slip of
 * 1800 for 180, the quietest way to silence a real alarm) or one that alerts on every
 * reading. Main accepts it; the editor says so beside the field. Returns those fields.
 */
export function outOfReach(rule: AlertRule): LimitField[] {
  const [min, max] = possibleRange(rule.parameter);
  const outside = (value: number) => Number.isFinite(value) && (value < min || value > max);
  const c = rule.comparison;
  switch (c.kind) {
    case 'outside':
      return [...(outside(c.low) ? (['comparison.low'] as const) : []), ...(outside(c.high) ? (['comparison.high'] as const) : [])];
    case 'riseFromBaseline':
      return Number.isFinite(c.delta) && c.delta > max - min ? ['comparison.delta'] : [];
    default:
      return outside(c.limit) ? ['comparison.limit'] : [];
  }
}

/** The step of a limit input: a tenth for temperature, whole numbers otherwise. */
export function limitStep(parameter: AlertParameter): string {
  return isVitalParameter(parameter) && VITAL_PARAMETERS[parameter].decimals > 0 ? String(10 ** -VITAL_PARAMETERS[parameter].decimals) : '1';
}
