import { z } from 'zod';
import { VITAL_PARAMETER_KEYS } from './parameters';

export const ALERT_PRIORITIES = ['high', 'medium', 'low'] as const;
export const AlertPrioritySchema = z.enum(ALERT_PRIORITIES);
export type AlertPriority = z.infer<typeof AlertPrioritySchema>;

/** Higher number = more urgent; used for sorting and for "highest active alert". */
export const PRIORITY_RANK: Readonly<Record<AlertPriority, number>> = { high: 3, medium: 2, low: 1 };

/**
 * How a value is compared with a rule's limit. All limits are in the unit of the rule's
 * parameter (the unit is part of the parameter's name, e.g. `systolicMmHg`).
 */
export const ComparisonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('above'), limit: z.number() }),
  z.object({ kind: z.literal('atOrAbove'), limit: z.number() }),
  z.object({ kind: z.literal('below'), limit: z.number() }),
  z.object({ kind: z.literal('atOrBelow'), limit: z.number() }),
  z.object({ kind: z.literal('outside'), low: z.number(), high: z.number() }),
  /** value - session baseline >= delta */
  z.object({ kind: z.literal('riseFromBaseline'), delta: z.number().positive() }),
]);
export type Comparison = z.infer<typeof ComparisonSchema>;

export const AlertRuleSchema = z.object({
  id: z.string().min(1),
  parameter: z.enum(VITAL_PARAMETER_KEYS),
  comparison: ComparisonSchema,
  priority: AlertPrioritySchema,
  /**
   * Rules watching the same condition at different severities share a group
   * (heart rate high at 120 and at 150; systolic above 160, above 180 or risen 40 from
   * baseline). Only the most urgent violated rule of a group is raised, so one condition
   * never shows twice.
   */
  group: z.string().min(1),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/**
 * Clinic defaults from ../shared/CLINICAL.md section 4. These are data the clinic can
 * change; code never compares a vital sign against a literal.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { id: 'hr-above-120', parameter: 'heartRateBpm', comparison: { kind: 'above', limit: 120 }, priority: 'medium', group: 'hr-high' },
  { id: 'hr-above-150', parameter: 'heartRateBpm', comparison: { kind: 'above', limit: 150 }, priority: 'high', group: 'hr-high' },
  { id: 'hr-below-50', parameter: 'heartRateBpm', comparison: { kind: 'below', limit: 50 }, priority: 'medium', group: 'hr-low' },
  { id: 'hr-below-40', parameter: 'heartRateBpm', comparison: { kind: 'below', limit: 40 }, priority: 'high', group: 'hr-low' },
  { id: 'sbp-above-160', parameter: 'systolicMmHg', comparison: { kind: 'above', limit: 160 }, priority: 'medium', group: 'sbp-high' },
  { id: 'sbp-above-180', parameter: 'systolicMmHg', comparison: { kind: 'above', limit: 180 }, priority: 'high', group: 'sbp-high' },
  { id: 'sbp-rise-40', parameter: 'systolicMmHg', comparison: { kind: 'riseFromBaseline', delta: 40 }, priority: 'medium', group: 'sbp-high' },
  { id: 'sbp-below-90', parameter: 'systolicMmHg', comparison: { kind: 'below', limit: 90 }, priority: 'high', group: 'sbp-low' },
  { id: 'dbp-above-100', parameter: 'diastolicMmHg', comparison: { kind: 'above', limit: 100 }, priority: 'medium', group: 'dbp-high' },
  { id: 'dbp-above-110', parameter: 'diastolicMmHg', comparison: { kind: 'above', limit: 110 }, priority: 'high', group: 'dbp-high' },
  { id: 'dbp-rise-25', parameter: 'diastolicMmHg', comparison: { kind: 'riseFromBaseline', delta: 25 }, priority: 'medium', group: 'dbp-high' },
  { id: 'spo2-below-92', parameter: 'spo2Pct', comparison: { kind: 'below', limit: 92 }, priority: 'medium', group: 'spo2-low' },
  { id: 'spo2-below-88', parameter: 'spo2Pct', comparison: { kind: 'below', limit: 88 }, priority: 'high', group: 'spo2-low' },
  { id: 'rr-below-10', parameter: 'respiratoryRatePerMin', comparison: { kind: 'below', limit: 10 }, priority: 'medium', group: 'rr-low' },
  { id: 'rr-below-8', parameter: 'respiratoryRatePerMin', comparison: { kind: 'below', limit: 8 }, priority: 'high', group: 'rr-low' },
  { id: 'rr-above-24', parameter: 'respiratoryRatePerMin', comparison: { kind: 'above', limit: 24 }, priority: 'medium', group: 'rr-high' },
  { id: 'rr-above-30', parameter: 'respiratoryRatePerMin', comparison: { kind: 'above', limit: 30 }, priority: 'high', group: 'rr-high' },
  { id: 'moaas-at-or-below-2', parameter: 'moaasScore', comparison: { kind: 'atOrBelow', limit: 2 }, priority: 'medium', group: 'moaas-low' },
  { id: 'moaas-at-or-below-1', parameter: 'moaasScore', comparison: { kind: 'atOrBelow', limit: 1 }, priority: 'high', group: 'moaas-low' },
  { id: 'dissociation-at-or-above-4', parameter: 'dissociationLevel', comparison: { kind: 'atOrAbove', limit: 4 }, priority: 'medium', group: 'dissociation-high' },
];
