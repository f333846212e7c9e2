import { z } from 'zod';
import { AlertPrioritySchema } from '../clinical/alert-rules';
import { DEFAULT_DISCHARGE_CRITERIA, DischargeCriteriaSchema } from '../clinical/aldrete';
import { DEFAULT_MONITORING_SCHEDULE, MonitoringScheduleSchema } from '../clinical/due-checks';
import { DEFAULT_TECHNICAL_ALERT_PRIORITIES, TECHNICAL_ALERT_CONDITIONS } from '../clinical/technical-alerts';
import { AlarmSettingsSchema } from '../clinical/alarm-settings';
import { DEFAULT_MONITOR_FEED_CONFIG, MonitorFeedConfigSchema } from '../clinical/monitor-feed-config';
import { EpochMsSchema, oneLineText, ReasonSchema } from './common';
import { ClinicChairsSchema } from './clinic-chairs';

/** The clinic's name as printed on every report page (issue 7). */
export const DEFAULT_CLINIC_NAME = 'Vigil Infusion Clinic';
export const ClinicIdentitySchema = z.object({ name: oneLineText(z.string().trim().min(1, 'Name the clinic').max(120)) }).strict();

/** The idle time before a workstation locks: 15 min by default; a clinic may choose 1 to 120. */
export const DEFAULT_WORKSTATION_LOCK_MINUTES = 15;
export const WORKSTATION_LOCK_MINUTES_MIN = 1;
export const WORKSTATION_LOCK_MINUTES_MAX = 120;

/**
 * The clinic's own choices, stored and versioned like alert rules: what discharge needs,
 * when checks fall due, and how urgent each technical alert is. Changed by a physician with
 * a reason; open sessions are judged under the new values at once.
 */
export const ClinicConfigSchema = z
  .object({
    // Added after the first stored versions: those read as the default name.
    clinic: ClinicIdentitySchema.default({ name: DEFAULT_CLINIC_NAME }),
    /**
     * The clinic's chairs: a session opens in one of them and a monitor is bound to one. No
     * default: a version stored before the registry existed is read with the chairs already
     * used (clinic-config service), so nothing in use disappears.
     */
    chairs: ClinicChairsSchema,
    dischargeCriteria: DischargeCriteriaSchema.strict(),
    monitoringSchedule: MonitoringScheduleSchema,
    // A condition added after a version was stored (monitorSilent) reads as its default priority.
    technicalAlertPriorities: z
      .object(
        Object.fromEntries(TECHNICAL_ALERT_CONDITIONS.map((c) => [c, AlertPrioritySchema.default(DEFAULT_TECHNICAL_ALERT_PRIORITIES[c])])) as Record<
          (typeof TECHNICAL_ALERT_CONDITIONS)[number],
          z.ZodDefault<typeof AlertPrioritySchema>
        >,
      )
      .strict(),
    /** Monitor confirmation and silence limit; a version stored before the monitor feed reads as the defaults. */
    monitorFeed: MonitorFeedConfigSchema.default({ ...DEFAULT_MONITOR_FEED_CONFIG }),
    /**
     * A workstation with no call for this long is locked by main: patient data hidden, the
     * chairs' alarms still shown and sounding, unlocked with a PIN. Versions stored before
     * this setting existed read as the default.
     */
    workstationLockMinutes: z.number().int().min(WORKSTATION_LOCK_MINUTES_MIN).max(WORKSTATION_LOCK_MINUTES_MAX).default(DEFAULT_WORKSTATION_LOCK_MINUTES),
  })
  .strict();
export type ClinicConfig = z.infer<typeof ClinicConfigSchema>;

export const DEFAULT_CLINIC_CONFIG: ClinicConfig = {
  clinic: { name: DEFAULT_CLINIC_NAME },
  // A new clinic has no chairs until an administrator adds them (Clinic settings).
  chairs: [],
  dischargeCriteria: { ...DEFAULT_DISCHARGE_CRITERIA },
  monitoringSchedule: { ...DEFAULT_MONITORING_SCHEDULE, checkpoints: { ...DEFAULT_MONITORING_SCHEDULE.checkpoints } },
  technicalAlertPriorities: { ...DEFAULT_TECHNICAL_ALERT_PRIORITIES },
  monitorFeed: { ...DEFAULT_MONITOR_FEED_CONFIG },
  workstationLockMinutes: DEFAULT_WORKSTATION_LOCK_MINUTES,
};

/** The values in force, and where they came from (null: Vigil's defaults). */
export const ClinicConfigViewSchema = z.object({
  config: ClinicConfigSchema,
  source: z.object({ reason: z.string(), at: z.number(), userName: z.string() }).nullable(),
});
export type ClinicConfigView = z.infer<typeof ClinicConfigViewSchema>;

export const SetClinicConfigSchema = z.object({ config: ClinicConfigSchema, reason: ReasonSchema }).strict();
/** The chairs alone (the administrator's part of the clinic configuration). */
export const SetClinicChairsSchema = z.object({ chairs: ClinicChairsSchema, reason: ReasonSchema }).strict();

/** One stored version of a versioned setting: what it was set to, by whom, when and why. */
function versionSchema<T extends z.ZodType>(value: T) {
  return z.object({ id: z.number().int(), value, at: EpochMsSchema, userName: z.string(), reason: z.string() });
}
export const ClinicConfigVersionSchema = versionSchema(ClinicConfigSchema);
export const AlarmSettingsVersionSchema = versionSchema(AlarmSettingsSchema);
export type ClinicConfigVersion = z.infer<typeof ClinicConfigVersionSchema>;
export type AlarmSettingsVersion = z.infer<typeof AlarmSettingsVersionSchema>;

/** Newest first, at most `SETTINGS_HISTORY_LIMIT` of each. */
export const SETTINGS_HISTORY_LIMIT = 50;
export const SettingsHistorySchema = z.object({
  clinic: z.array(ClinicConfigVersionSchema),
  alarm: z.array(AlarmSettingsVersionSchema),
});
export type SettingsHistory = z.infer<typeof SettingsHistorySchema>;
