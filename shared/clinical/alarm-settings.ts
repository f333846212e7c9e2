import { z } from 'zod';

/** Clinic-wide alarm behaviour (CLINICAL.md section 5), changed by a physician with a reason. */
export const AlarmSettingsSchema = z
  .object({
    /**
     * Latching: an alert whose condition has cleared stays shown until someone acknowledges
     * it (IEC 60601-1-8 leaves this to the organisation). Off: it resolves by itself.
     */
    latchingAlerts: z.boolean(),
    /** How long an audio pause silences an alert that stays on screen. */
    audioPauseSeconds: z.number().int().min(30, 'At least 30 s').max(600, 'At most 600 s'),
    /** A high-priority alert nobody acknowledged escalates after this long. */
    escalateHighAfterSeconds: z.number().int().min(30, 'At least 30 s').max(1800, 'At most 1800 s'),
  })
  .strict();
export type AlarmSettings = z.infer<typeof AlarmSettingsSchema>;

/**
 * Defaults: not latching (every value is charted by a nurse standing at the chair, and a
 * resolved alert stays in the history and the queue); audio pause 2 minutes, the common
 * monitor default; escalation of an unacknowledged high alert after 2 minutes [L8].
 */
export const DEFAULT_ALARM_SETTINGS: Readonly<AlarmSettings> = {
  latchingAlerts: false,
  audioPauseSeconds: 120,
  escalateHighAfterSeconds: 120,
};
