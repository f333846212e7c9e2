import type { AlertPriority } from './alert-rules';

/**
 * Technical (non-physiological) alert conditions (CLINICAL.md section 4) and their clinic
 * default priorities. The condition name is the alert's rule id and parameter.
 */
export const TECHNICAL_ALERT_CONDITIONS = ['vitalsOverdue', 'bpCheckpointOverdue', 'infusionOverrun', 'earlyDischargeAttempt', 'phq9SelfHarm', 'monitorSilent'] as const;
export type TechnicalAlertCondition = (typeof TECHNICAL_ALERT_CONDITIONS)[number];

export const DEFAULT_TECHNICAL_ALERT_PRIORITIES: Readonly<Record<TechnicalAlertCondition, AlertPriority>> = {
  vitalsOverdue: 'medium',
  bpCheckpointOverdue: 'medium',
  infusionOverrun: 'medium',
  earlyDischargeAttempt: 'low',
  /** PHQ-9 item 9 above 0 (CLINICAL.md 6a): a physician sees the patient the same day; stays until a physician resolves it. */
  phq9SelfHarm: 'medium',
  /** A bound bedside monitor has sent nothing for longer than the clinic's limit during an infusion. */
  monitorSilent: 'low',
};
