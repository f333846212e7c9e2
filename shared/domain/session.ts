import { z } from 'zod';
import { EpochMsSchema, IdSchema, oneLineText } from './common';
import { PhaseSchema } from './phase';

export const ChairSchema = oneLineText(z.string().trim().min(1, 'Name the chair').max(40));

export const NewSessionSchema = z.object({
  patientId: IdSchema,
  chair: ChairSchema,
  /** Weight for this session's dose; defaults to the patient's recorded weight. */
  weightKg: z.number().finite().optional(),
  /** The protocol to run; its current version's dose becomes the session's first order. */
  protocolId: IdSchema.optional(),
  /** Without a protocol; with one, the protocol's duration is the plan. */
  plannedInfusionMinutes: z.number().int().min(1).max(24 * 60).optional(),
});
export type NewSession = z.infer<typeof NewSessionSchema>;

export const PhaseEventSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  fromPhase: PhaseSchema.nullable(),
  toPhase: PhaseSchema,
  at: EpochMsSchema,
  userId: IdSchema,
  userName: z.string(),
  reason: z.string().nullable(),
});
export type PhaseEvent = z.infer<typeof PhaseEventSchema>;

/** Everything about a session's clock, derived from its stored phase events and "now". */
export const SessionTimerSchema = z.object({
  sessionId: IdSchema,
  phase: PhaseSchema,
  nowAt: EpochMsSchema,
  infusionStartedAt: EpochMsSchema.nullable(),
  infusionEndedAt: EpochMsSchema.nullable(),
  /** Time actually infusing; pauses are not counted. */
  infusionElapsedMs: z.number().int().nonnegative(),
  infusionRemainingMs: z.number().int().nullable(),
  pausedElapsedMs: z.number().int().nonnegative(),
  recoveryStartedAt: EpochMsSchema.nullable(),
  recoveryElapsedMs: z.number().int().nonnegative(),
  /** From the start of the infusion to now (or to the end of the session). */
  totalElapsedMs: z.number().int().nonnegative(),
});
export type SessionTimer = z.infer<typeof SessionTimerSchema>;

export const SessionSchema = z.object({
  id: IdSchema,
  patientId: IdSchema,
  chair: z.string(),
  weightKg: z.number(),
  plannedInfusionMinutes: z.number().int().nullable(),
  protocolId: IdSchema.nullable(),
  phase: PhaseSchema,
  createdAt: EpochMsSchema,
  createdBy: IdSchema,
});
export type Session = z.infer<typeof SessionSchema>;
