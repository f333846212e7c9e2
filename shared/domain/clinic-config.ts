import { z } from 'zod';
import { AlertPrioritySchema } from '../clinical/alert-rules';
import { DEFAULT_DISCHARGE_CRITERIA, DischargeCriteriaSchema } from '../clinical/aldrete';
import { DEFAULT_MONITORING_SCHEDULE, MonitoringScheduleSchema } from '../clinical/due-checks';
import { DEFAULT_TECHNICAL_ALERT_PRIORITIES, TECHNICAL_ALERT_CONDITIONS } from '../clinical/technical-alerts';
import { ReasonSchema } from './common';

/**
 * The clinic's own choices, stored and versioned like alert rules: what discharge needs,
 * when checks fall due, and how urgent each technical alert is. Changed by a physician with
 * a reason; open sessions are judged under the new values at once.
 */
export const ClinicConfigSchema = z
  .object({
    dischargeCriteria: DischargeCriteriaSchema.strict(),
    monitoringSchedule: MonitoringScheduleSchema,
    technicalAlertPriorities: z.object(Object.fromEntries(TECHNICAL_ALERT_CONDITIONS.map((c) => [c, AlertPrioritySchema])) as Record<(typeof TECHNICAL_ALERT_CONDITIONS)[number], typeof AlertPrioritySchema>).strict(),
  })
  .strict();
export type ClinicConfig = z.infer<typeof ClinicConfigSchema>;

export const DEFAULT_CLINIC_CONFIG: ClinicConfig = {
  dischargeCriteria: { ...DEFAULT_DISCHARGE_CRITERIA },
  monitoringSchedule: { ...DEFAULT_MONITORING_SCHEDULE, checkpoints: { ...DEFAULT_MONITORING_SCHEDULE.checkpoints } },
  technicalAlertPriorities: { ...DEFAULT_TECHNICAL_ALERT_PRIORITIES },
};

/** The values in force, and where they came from (null: Vigil's defaults). */
export const ClinicConfigViewSchema = z.object({
  config: ClinicConfigSchema,
  source: z.object({ reason: z.string(), at: z.number(), userName: z.string() }).nullable(),
});
export type ClinicConfigView = z.infer<typeof ClinicConfigViewSchema>;

export const SetClinicConfigSchema = z.object({ config: ClinicConfigSchema, reason: ReasonSchema }).strict();
