import { z } from 'zod';
import { AlertSchema } from './alert';
import { PatientSchema } from './patient';
import { PhaseEventSchema, SessionSchema, SessionTimerSchema } from './session';
import { ReadingSchema } from './reading';
import { UserSchema } from './user';

/** What one row of the session list (and one physician tile) shows. */
export const SessionSummarySchema = z.object({
  session: SessionSchema,
  patient: PatientSchema,
  timer: SessionTimerSchema,
  latestReading: ReadingSchema.nullable(),
  highestActiveAlert: AlertSchema.nullable(),
  activeAlertCount: z.number().int().nonnegative(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

/** Everything the session screen needs, in one call. */
export const SessionDetailSchema = z.object({
  session: SessionSchema,
  patient: PatientSchema,
  timer: SessionTimerSchema,
  phaseEvents: z.array(PhaseEventSchema),
  readings: z.array(ReadingSchema),
  alerts: z.array(AlertSchema),
});
export type SessionDetail = z.infer<typeof SessionDetailSchema>;

export const AuthStatusSchema = z.object({
  setupRequired: z.boolean(),
  user: UserSchema.nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatusSchema>;
