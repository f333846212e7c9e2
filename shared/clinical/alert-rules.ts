import { z } from 'zod';
import { VITAL_PARAMETER_KEYS, VITAL_PARAMETERS } from './parameters';

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

/**
 * What a rule watches: a charted vital sign, or a NEWS2 figure derived from a reading:
 * the aggregate, the highest single-parameter score, or that score leaving consciousness out.
 */
export const NEWS2_ALERT_PARAMETERS = ['news2Total', 'news2HighestSingle', 'news2HighestSingleExceptConsciousness'] as const;
export const ALERT_PARAMETERS = [...VITAL_PARAMETER_KEYS, ...NEWS2_ALERT_PARAMETERS] as const;
export const AlertParameterSchema = z.enum(ALERT_PARAMETERS);
export type AlertParameter = z.infer<typeof AlertParameterSchema>;
/** The values an evaluation sees: each parameter's newest current value. */
export type EvaluationValues = Partial<Record<AlertParameter, number>>;

/**
 * Before an alert is raised, the condition may have to hold for a number of consecutive
 * readings, or for a delay (checked on each tick), to keep one stray value from alarming.
 */
export const ConfirmationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('consecutiveReadings'), count: z.number().int().min(2).max(10) }),
  z.object({ kind: z.literal('delaySeconds'), seconds: z.number().int().min(1).max(3600) }),
]);
export type Confirmation = z.infer<typeof ConfirmationSchema>;

export const AlertRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/, 'A rule id is 2-60 lower-case letters, digits or dashes'),
    parameter: AlertParameterSchema,
    comparison: ComparisonSchema,
    priority: AlertPrioritySchema,
    /**
     * Rules watching the same condition at different severities share a group
     * (heart rate high at 120 and at 150; systolic above 160, above 180 or risen 40 from
     * baseline). Only the most urgent violated rule of a group is raised, so one condition
     * never shows twice.
     */
    group: z.string().regex(/^[a-z0-9-]{2,60}$/, 'A group is 2-60 lower-case letters, digits or dashes'),
    confirmation: ConfirmationSchema,
    /**
     * How far back inside the limit (in the parameter's unit) a value must come before an
     * active alert clears, so a value hovering at the limit does not raise a storm.
     */
    hysteresis: z.number().min(0).max(100),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const problem = unreachableLimit(rule.parameter, rule.comparison);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: ['comparison', problem.field] });
  });
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/** The values a parameter can take: a vital sign's possible range, NEWS2's chart (0-20 in all, 0-3 for one parameter). */
export function possibleRange(parameter: AlertParameter): { min: number; max: number } {
  if (parameter === 'news2Total') return { min: 0, max: 20 };
  if (parameter === 'news2HighestSingle' || parameter === 'news2HighestSingleExceptConsciousness') return { min: 0, max: 3 };
  return { min: VITAL_PARAMETERS[parameter].hardMin, max: VITAL_PARAMETERS[parameter].hardMax };
}

/**
 * A limit no value can reach makes a rule that never alerts, which looks like protection
 * and is none: refused, naming the limit.
 */
function unreachableLimit(parameter: AlertParameter, comparison: Comparison): { field: string; message: string } | null {
  const { min, max } = possibleRange(parameter);
  const outside = (value: number) => value < min || value > max;
  switch (comparison.kind) {
    case 'outside':
      if (comparison.low >= comparison.high) return { field: 'low', message: 'The low limit must be below the high limit' };
      if (outside(comparison.low)) return { field: 'low', message: `The low limit must lie within ${min}-${max}` };
      if (outside(comparison.high)) return { field: 'high', message: `The high limit must lie within ${min}-${max}` };
      return null;
    case 'riseFromBaseline':
      return comparison.delta > max - min ? { field: 'delta', message: `A rise of more than ${max - min} can never happen` } : null;
    default:
      return outside(comparison.limit) ? { field: 'limit', message: `The limit must lie within ${min}-${max}` } : null;
  }
}

export const AlertRuleListSchema = z
  .array(AlertRuleSchema)
  .max(200)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: 'Each rule needs its own id', path: [index, 'id'] });
      seen.add(rule.id);
    });
  });

/**
 * Clinic defaults from ../shared/CLINICAL.md section 4. These are data the clinic can
 * change; code never compares a vital sign against a literal.
 */
const NO_CONFIRMATION = { kind: 'none' } as const;

/**
 * Hysteresis defaults (clinic choices, not from a standard): 5 /min or 5 mmHg, 1 % SpO2,
 * 2 /min respiratory rate; the 0-5 and 0-4 scales clear at the next step. No confirmation
 * by default: every value here is charted by a nurse on purpose, not streamed by a monitor.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { id: 'hr-above-120', parameter: 'heartRateBpm', comparison: { kind: 'above', limit: 120 }, priority: 'medium', group: 'hr-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'hr-above-150', parameter: 'heartRateBpm', comparison: { kind: 'above', limit: 150 }, priority: 'high', group: 'hr-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'hr-below-50', parameter: 'heartRateBpm', comparison: { kind: 'below', limit: 50 }, priority: 'medium', group: 'hr-low', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'hr-below-40', parameter: 'heartRateBpm', comparison: { kind: 'below', limit: 40 }, priority: 'high', group: 'hr-low', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'sbp-above-160', parameter: 'systolicMmHg', comparison: { kind: 'above', limit: 160 }, priority: 'medium', group: 'sbp-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'sbp-above-180', parameter: 'systolicMmHg', comparison: { kind: 'above', limit: 180 }, priority: 'high', group: 'sbp-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'sbp-rise-40', parameter: 'systolicMmHg', comparison: { kind: 'riseFromBaseline', delta: 40 }, priority: 'medium', group: 'sbp-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'sbp-below-90', parameter: 'systolicMmHg', comparison: { kind: 'below', limit: 90 }, priority: 'high', group: 'sbp-low', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'dbp-above-100', parameter: 'diastolicMmHg', comparison: { kind: 'above', limit: 100 }, priority: 'medium', group: 'dbp-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'dbp-above-110', parameter: 'diastolicMmHg', comparison: { kind: 'above', limit: 110 }, priority: 'high', group: 'dbp-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'dbp-rise-25', parameter: 'diastolicMmHg', comparison: { kind: 'riseFromBaseline', delta: 25 }, priority: 'medium', group: 'dbp-high', confirmation: NO_CONFIRMATION, hysteresis: 5 },
  { id: 'spo2-below-92', parameter: 'spo2Pct', comparison: { kind: 'below', limit: 92 }, priority: 'medium', group: 'spo2-low', confirmation: NO_CONFIRMATION, hysteresis: 1 },
  { id: 'spo2-below-88', parameter: 'spo2Pct', comparison: { kind: 'below', limit: 88 }, priority: 'high', group: 'spo2-low', confirmation: NO_CONFIRMATION, hysteresis: 1 },
  { id: 'rr-below-10', parameter: 'respiratoryRatePerMin', comparison: { kind: 'below', limit: 10 }, priority: 'medium', group: 'rr-low', confirmation: NO_CONFIRMATION, hysteresis: 2 },
  { id: 'rr-below-8', parameter: 'respiratoryRatePerMin', comparison: { kind: 'below', limit: 8 }, priority: 'high', group: 'rr-low', confirmation: NO_CONFIRMATION, hysteresis: 2 },
  { id: 'rr-above-24', parameter: 'respiratoryRatePerMin', comparison: { kind: 'above', limit: 24 }, priority: 'medium', group: 'rr-high', confirmation: NO_CONFIRMATION, hysteresis: 2 },
  { id: 'rr-above-30', parameter: 'respiratoryRatePerMin', comparison: { kind: 'above', limit: 30 }, priority: 'high', group: 'rr-high', confirmation: NO_CONFIRMATION, hysteresis: 2 },
  { id: 'moaas-at-or-below-2', parameter: 'moaasScore', comparison: { kind: 'atOrBelow', limit: 2 }, priority: 'medium', group: 'moaas-low', confirmation: NO_CONFIRMATION, hysteresis: 0 },
  { id: 'moaas-at-or-below-1', parameter: 'moaasScore', comparison: { kind: 'atOrBelow', limit: 1 }, priority: 'high', group: 'moaas-low', confirmation: NO_CONFIRMATION, hysteresis: 0 },
  { id: 'dissociation-at-or-above-4', parameter: 'dissociationLevel', comparison: { kind: 'atOrAbove', limit: 4 }, priority: 'medium', group: 'dissociation-high', confirmation: NO_CONFIRMATION, hysteresis: 0 },
  // NEWS2 (CLINICAL.md section 6): aggregate 5 or more medium, 7 or more high; a single
  // parameter scoring 3 medium. Consciousness is left out of the single-parameter rule by
  // default: MOAA/S has its own rules above, and dissociation is the expected effect of
  // every ketamine infusion, so "3 in consciousness" would alarm in every session.
  { id: 'news2-total-5', parameter: 'news2Total', comparison: { kind: 'atOrAbove', limit: 5 }, priority: 'medium', group: 'news2', confirmation: NO_CONFIRMATION, hysteresis: 0 },
  { id: 'news2-total-7', parameter: 'news2Total', comparison: { kind: 'atOrAbove', limit: 7 }, priority: 'high', group: 'news2', confirmation: NO_CONFIRMATION, hysteresis: 0 },
  { id: 'news2-single-3', parameter: 'news2HighestSingleExceptConsciousness', comparison: { kind: 'atOrAbove', limit: 3 }, priority: 'medium', group: 'news2', confirmation: NO_CONFIRMATION, hysteresis: 0 },
];
