import { z } from 'zod';
import { DischargeCriterionSchema } from '../clinical/aldrete';
import { DueChecksSchema } from '../clinical/due-checks';
import { DeliveredSnapshotSchema } from '../clinical/dose';
import { News2ScoreSchema } from '../clinical/news2';
import { START_BLOCKERS } from '../clinical/start-blockers';
import { AlertSchema } from './alert';
import { DischargeAssessmentSchema } from './discharge';
import { DoseOrderRecordSchema, ProtocolSchema } from './protocol';
import { OverrideSchema, ScreeningSchema } from './screening';
import { SessionEventSchema } from './session-event';
import { PatientSchema } from './patient';
import { Phq9RecordSchema } from './phq9';
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
  /** NEWS2 of the newest reading complete enough to score. */
  latestNews2: News2ScoreSchema.nullable(),
  /** Some active alert was escalated (high, unacknowledged too long). */
  escalated: z.boolean(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

/**
 * What changes on a session with each commit (a reading, an alert, a phase change), pushed
 * as `session/updated` so a window updates its list row and screen without reloading.
 */
export const SessionLiveSchema = z.object({
  summary: SessionSummarySchema,
  dueChecks: DueChecksSchema,
  startBlockers: z.array(z.enum(START_BLOCKERS)),
  dischargeBlockers: z.array(DischargeCriterionSchema),
  /** Estimated at the time of this update, with the running rate, so a screen carries it forward each second (deliveredNow). */
  delivered: DeliveredSnapshotSchema.nullable(),
});
export type SessionLive = z.infer<typeof SessionLiveSchema>;

/** Everything the session screen needs, in one call. */
export const SessionDetailSchema = z.object({
  session: SessionSchema,
  patient: PatientSchema,
  timer: SessionTimerSchema,
  phaseEvents: z.array(PhaseEventSchema),
  /**
   * The newest SESSION_GET_READINGS_MAX rows (every row when fewer), history included, in
   * observation order; older ones through `reading/page`, the whole trend through `reading/trend`.
   */
  readings: z.array(ReadingSchema),
  /** Rows in the whole session, history included. */
  readingCount: z.number().int().nonnegative(),
  /**
   * Every active alert and the newest SESSION_GET_ALERTS_MAX of the others, in raising order;
   * older ones through `alert/page`. The record (record/get) has them all.
   */
  alerts: z.array(AlertSchema),
  /** Alerts in the whole session. */
  alertCount: z.number().int().nonnegative(),
  protocol: ProtocolSchema.nullable(),
  doseOrder: DoseOrderRecordSchema.nullable(),
  /** Estimated so far from the pump segments (rate x running time), with the running rate, to carry forward each second (deliveredNow). */
  delivered: DeliveredSnapshotSchema.nullable(),
  screening: ScreeningSchema.nullable(),
  overrides: z.array(OverrideSchema),
  events: z.array(SessionEventSchema),
  dischargeAssessment: DischargeAssessmentSchema.nullable(),
  phq9: Phq9RecordSchema.nullable(),
  startBlockers: z.array(z.enum(START_BLOCKERS)),
  dischargeBlockers: z.array(DischargeCriterionSchema),
  /** The clinic's discharge threshold for the modified Aldrete score. */
  minimumAldreteScore: z.number().int().min(0).max(10),
  dueChecks: DueChecksSchema,
  signedByName: z.string().nullable(),
});
export type SessionDetail = z.infer<typeof SessionDetailSchema>;

/** One earlier session in a patient's course of treatment. */
export const PatientHistoryEntrySchema = z.object({
  session: SessionSchema,
  protocolName: z.string().nullable(),
  totalDoseMg: z.number().nullable(),
  infusionStartedAt: z.number().nullable(),
  peakSystolicMmHg: z.number().nullable(),
  peakDiastolicMmHg: z.number().nullable(),
  peakDissociationLevel: z.number().nullable(),
  /** The deepest sedation charted (MOAA/S is lower when deeper). */
  lowestMoaasScore: z.number().nullable(),
  dosePerKg: z.number().nullable(),
  /** The PHQ-9 recorded before this session, if any. */
  phq9: Phq9RecordSchema.nullable(),
  alertCounts: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
});
export type PatientHistoryEntry = z.infer<typeof PatientHistoryEntrySchema>;

export const PatientHistorySchema = z.object({ patient: PatientSchema, sessions: z.array(PatientHistoryEntrySchema) });
export type PatientHistory = z.infer<typeof PatientHistorySchema>;

export const AuthStatusSchema = z.object({
  setupRequired: z.boolean(),
  user: UserSchema.nullable(),
  /** Signed in with a one-time code: a PIN must be chosen before anything else. */
  mustChoosePin: z.boolean().default(false),
  /** The workstation is locked: the user stays signed in, but only the lock screen's calls pass until a PIN is entered. */
  locked: z.boolean().default(false),
  /** After a quick switch: who was at this window before, whom "Hand back" returns to with their PIN. */
  handBackTo: z.object({ username: z.string(), displayName: z.string() }).nullable().default(null),
});
export type AuthStatus = z.infer<typeof AuthStatusSchema>;
