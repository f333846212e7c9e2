import type { VitalParameter } from './parameters';
import { scoreNews2, type News2Score } from './news2';

/**
 * A reading is complete enough for NEWS2 when it carries these; the rest (consciousness,
 * temperature) may be missing, which makes the score partial, never silently complete.
 */
export const NEWS2_MINIMUM_PARAMETERS: readonly VitalParameter[] = ['heartRateBpm', 'systolicMmHg', 'spo2Pct', 'respiratoryRatePerMin'];

export function news2ForReading(values: Partial<Record<VitalParameter, number>>, onSupplementalOxygen: boolean | null): News2Score | null {
  if (!NEWS2_MINIMUM_PARAMETERS.every((p) => values[p] !== undefined)) return null;
  return scoreNews2({
    respiratoryRatePerMin: values.respiratoryRatePerMin,
    spo2Pct: values.spo2Pct,
    ...(onSupplementalOxygen === null ? {} : { onSupplementalOxygen }),
    systolicMmHg: values.systolicMmHg,
    heartRateBpm: values.heartRateBpm,
    moaasScore: values.moaasScore,
    temperatureC: values.temperatureC,
  });
}

/** The NEWS2 figures alert rules can watch. */
export function news2AlertValues(score: News2Score): { news2Total: number; news2HighestSingle: number; news2HighestSingleExceptConsciousness: number } {
  // Consciousness is scored from MOAA/S, so its subscore is keyed moaasScore.
  const { moaasScore: _consciousness, ...others } = score.subscores;
  return {
    news2Total: score.total,
    news2HighestSingle: score.highestSingleScore,
    news2HighestSingleExceptConsciousness: Math.max(0, ...Object.values(others)),
  };
}
