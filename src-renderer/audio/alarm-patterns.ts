import type { AlertPriority } from '../../shared/clinical/alert-rules';

/**
 * Audible patterns after IEC 60601-1-8: high = a burst of 10 pulses (3 + 2, twice),
 * repeated often; medium = 3 pulses, repeated less often; low = 2 pulses, once in a
 * while. Pitch falls with priority. Times in milliseconds, frequency in hertz.
 */
export interface AlarmPattern {
  frequencyHz: number;
  pulseMs: number;
  /** Start of each pulse from the start of the burst. */
  pulseOffsetsMs: readonly number[];
  /** From the start of one burst to the start of the next. */
  repeatEveryMs: number;
  /** Linear gain, 0-1. */
  gain: number;
}

const HIGH_OFFSETS_MS = [0, 200, 400, 1000, 1200, 2200, 2400, 2600, 3200, 3400];

export const ALARM_PATTERNS: Readonly<Record<AlertPriority, AlarmPattern>> = {
  high: { frequencyHz: 660, pulseMs: 150, pulseOffsetsMs: HIGH_OFFSETS_MS, repeatEveryMs: 6000, gain: 0.35 },
  medium: { frequencyHz: 520, pulseMs: 200, pulseOffsetsMs: [0, 300, 600], repeatEveryMs: 15000, gain: 0.25 },
  low: { frequencyHz: 440, pulseMs: 250, pulseOffsetsMs: [0, 350], repeatEveryMs: 30000, gain: 0.15 },
};

/** An escalated alert sounds louder and more often. */
export function escalatedPattern(pattern: AlarmPattern): AlarmPattern {
  return { ...pattern, gain: Math.min(1, pattern.gain * 2), repeatEveryMs: Math.round(pattern.repeatEveryMs / 2) };
}
