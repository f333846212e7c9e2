import { z } from 'zod';
import { MEDICATION_ROUTES, MEDICATION_UNITS, SIDE_EFFECTS } from '../clinical/session-event-kinds';
import { Cadss6ItemsSchema } from '../clinical/cadss';
import { EpochMsSchema, IdSchema, linesOfText, oneLineText, ReasonSchema } from './common';

/** What can happen during a session besides readings and phase changes. */
export const SessionEventPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sideEffect'), effect: z.enum(SIDE_EFFECTS) }).strict(),
  z
    .object({
      kind: z.literal('medication'),
      name: oneLineText(z.string().trim().min(1, 'Name the medication').max(100)),
      dose: z.number().finite().positive('The dose must be above 0'),
      unit: z.enum(MEDICATION_UNITS),
      route: z.enum(MEDICATION_ROUTES),
    })
    .strict(),
  z.object({ kind: z.literal('note'), text: linesOfText(z.string().trim().min(1, 'Write the note').max(2000)) }).strict(),
  /**
   * The pump's new rate; the delivered-dose estimate follows it. Main judges it against the
   * order's rate limits (shared/clinical/rate-limits.ts): above the soft limit a physician gives
   * `overrideReason`, above the hard limit it is refused.
   */
  z.object({ kind: z.literal('rateChange'), rateMlPerHour: z.number().finite().min(0).max(2000), overrideReason: ReasonSchema.optional() }).strict(),
  z.object({ kind: z.literal('cadss6'), items: Cadss6ItemsSchema }).strict(),
]);
export type SessionEventPayload = z.infer<typeof SessionEventPayloadSchema>;
export type SessionEventKind = SessionEventPayload['kind'];

export const NewSessionEventSchema = z
  .object({
    sessionId: IdSchema,
    /** When it happened; defaults to now. */
    observedAt: EpochMsSchema.optional(),
    event: SessionEventPayloadSchema,
  })
  .strict();
export type NewSessionEvent = z.infer<typeof NewSessionEventSchema>;

export const SessionEventSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  observedAt: EpochMsSchema,
  recordedAt: EpochMsSchema,
  userName: z.string(),
  event: SessionEventPayloadSchema,
  late: z.boolean(),
  /** Entered in error: kept, struck through, with who took it back and why. */
  retraction: z.object({ reason: z.string(), at: EpochMsSchema, userName: z.string() }).nullable(),
});
export type SessionEvent = z.infer<typeof SessionEventSchema>;

export const RetractSessionEventSchema = z.object({ eventId: IdSchema, reason: ReasonSchema }).strict();
