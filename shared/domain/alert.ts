import { z } from 'zod';
import { AlertPrioritySchema, ComparisonSchema } from '../clinical/alert-rules';
import { EpochMsSchema, IdSchema } from './common';

export const AlertKindSchema = z.enum(['physiological', 'technical']);
export type AlertKind = z.infer<typeof AlertKindSchema>;

export const AlertStateSchema = z.enum(['active', 'resolved']);
export type AlertState = z.infer<typeof AlertStateSchema>;

export const AlertSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  ruleId: z.string(),
  /** A vital parameter key, or the name of a technical condition. */
  parameter: z.string(),
  kind: AlertKindSchema,
  priority: AlertPrioritySchema,
  comparison: ComparisonSchema.nullable(),
  threshold: z.number().nullable(),
  baseline: z.number().nullable(),
  /** The value that raised the alert, and the reading it came from. */
  value: z.number().nullable(),
  readingId: IdSchema.nullable(),
  raisedAt: EpochMsSchema,
  /** How many readings have met the condition while it stayed active (1 = only the first). */
  count: z.number().int().positive(),
  lastValue: z.number().nullable(),
  lastAt: EpochMsSchema,
  state: AlertStateSchema,
  resolvedAt: EpochMsSchema.nullable(),
  /** 'cleared', 'superseded', 'corrected', 'artifact', 'sessionEnded', 'ruleChanged', 'acknowledgedAfterClearing', or a person's reason. */
  resolvedReason: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  /** Latching: the condition cleared while nobody had acknowledged; it stays shown until someone does. */
  conditionClearedAt: EpochMsSchema.nullable(),
  /** Silenced until this time, still shown. */
  audioPausedUntil: EpochMsSchema.nullable(),
  /** A high alert nobody acknowledged in time was escalated to the supervising physician. */
  escalatedAt: EpochMsSchema.nullable(),
  acknowledgedAt: EpochMsSchema.nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;
