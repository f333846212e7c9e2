import { z } from 'zod';

/**
 * The clinic's choices for values from a bedside monitor, stored with the rest of the clinic
 * configuration (versioned, changed by a physician with a reason).
 *
 * - An alert carried by monitor values needs `confirmationReadings` consecutive violating
 *   monitor readings, or the violation to have lasted `confirmationSeconds`, whichever comes
 *   first, so one motion artifact does not alarm. A value a nurse typed is her own
 *   confirmation. This comes on top of the rule's own confirmation.
 * - A bound monitor silent for `silenceLimitSeconds` during an infusion raises the
 *   low-priority technical alert `monitorSilent`.
 */
export const MonitorFeedConfigSchema = z
  .object({
    confirmationReadings: z.number().int().min(1).max(10),
    confirmationSeconds: z.number().int().min(0).max(600),
    silenceLimitSeconds: z.number().int().min(30).max(3600),
  })
  .strict();
export type MonitorFeedConfig = z.infer<typeof MonitorFeedConfigSchema>;

export const DEFAULT_MONITOR_FEED_CONFIG: Readonly<MonitorFeedConfig> = {
  confirmationReadings: 2,
  confirmationSeconds: 30,
  silenceLimitSeconds: 120,
};
