import { z } from 'zod';
import { AlertRuleListSchema, AlertRuleSchema } from '../clinical/alert-rules';
import { AlarmSettingsSchema } from '../clinical/alarm-settings';
import { EpochMsSchema, IdSchema, ReasonSchema } from './common';

/** Where a session's rules come from: Vigil's defaults, the clinic's set, or its protocol's set. */
export const RuleSourceSchema = z.enum(['default', 'clinic', 'protocol']);

/** 'inherit': the session goes back to its set's rule (the override is withdrawn). */
export const InheritSchema = z.literal('inherit');

export const SessionRuleOverrideSchema = z.object({
  id: IdSchema,
  ruleId: z.string(),
  /** null: the rule is switched off for this session; 'inherit': back to the set's rule. */
  rule: z.union([AlertRuleSchema, z.null(), InheritSchema]),
  reason: z.string(),
  at: EpochMsSchema,
  userName: z.string(),
});
export type SessionRuleOverride = z.infer<typeof SessionRuleOverrideSchema>;

export const RuleSetViewSchema = z.object({
  source: RuleSourceSchema,
  /** The set's own rules (before any session override). */
  baseRules: AlertRuleListSchema,
  /** What the engine applies: base rules with the session's overrides. */
  effectiveRules: AlertRuleListSchema,
  overrides: z.array(SessionRuleOverrideSchema),
  changedAt: EpochMsSchema.nullable(),
  changedByName: z.string().nullable(),
  changeReason: z.string().nullable(),
});
export type RuleSetView = z.infer<typeof RuleSetViewSchema>;

export const RulesQuerySchema = z
  .object({ sessionId: IdSchema.optional(), protocolFamilyId: IdSchema.optional() })
  .strict()
  .refine((q) => !(q.sessionId !== undefined && q.protocolFamilyId !== undefined), { message: 'Ask for a session or a protocol, not both', path: ['protocolFamilyId'] });

export const SetRuleSetSchema = z
  .object({
    /** Omitted: the clinic-wide set. */
    protocolFamilyId: IdSchema.optional(),
    /** null (for a protocol only): the protocol goes back to the clinic's set. */
    rules: AlertRuleListSchema.nullable(),
    reason: ReasonSchema,
  })
  .strict()
  .refine((set) => set.rules !== null || set.protocolFamilyId !== undefined, { message: 'The clinic set cannot be withdrawn; save the rules it should hold', path: ['rules'] });

export const SessionRuleOverrideInputSchema = z
  .object({ sessionId: IdSchema, ruleId: z.string().min(1), rule: z.union([AlertRuleSchema, z.null(), InheritSchema]), reason: ReasonSchema })
  .strict()
  .refine((o) => o.rule === null || o.rule === 'inherit' || o.rule.id === o.ruleId, { message: 'The rule must keep its id', path: ['rule', 'id'] });

export const AlarmSettingsViewSchema = z.object({
  settings: AlarmSettingsSchema,
  changedAt: EpochMsSchema.nullable(),
  changedByName: z.string().nullable(),
  changeReason: z.string().nullable(),
});
export type AlarmSettingsView = z.infer<typeof AlarmSettingsViewSchema>;

export const UpdateAlarmSettingsSchema = z.object({ settings: AlarmSettingsSchema, reason: ReasonSchema }).strict();
