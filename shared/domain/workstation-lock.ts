import { z } from 'zod';
import { AlertPrioritySchema } from '../clinical/alert-rules';
import { AlertKindSchema } from './alert';
import { IdSchema } from './common';
import { PhaseSchema } from './phase';

/**
 * One chair as the lock screen shows it: where, which phase, and its most urgent active
 * alert, with nothing that names the patient or gives a value. Enough for whoever walks by
 * a locked workstation to see (and hear) that a chair needs someone, and nothing more.
 */
export const LockedChairSchema = z.object({
  sessionId: IdSchema,
  chair: z.string(),
  phase: PhaseSchema,
  alert: z
    .object({
      priority: AlertPrioritySchema,
      kind: AlertKindSchema,
      /** A vital parameter key or a technical condition's name: which alarm, not its value. */
      parameter: z.string(),
      acknowledged: z.boolean(),
      escalated: z.boolean(),
    })
    .nullable(),
  activeAlertCount: z.number().int().nonnegative(),
});
export type LockedChair = z.infer<typeof LockedChairSchema>;
