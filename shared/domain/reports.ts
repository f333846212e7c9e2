import { z } from 'zod';
import { AlertPrioritySchema } from '../clinical/alert-rules';
import { CheckpointSchema } from '../clinical/due-checks';
import { AlertSchema } from './alert';
import { DischargeAssessmentSchema } from './discharge';
import { IsoDateSchema, PatientSchema } from './patient';
import { PhaseSchema } from './phase';
import { DoseOrderRecordSchema, ProtocolSchema } from './protocol';
import { ReadingSchema } from './reading';
import { OverrideSchema, ScreeningSchema } from './screening';
import { PhaseEventSchema, SessionSchema, SessionTimerSchema } from './session';
import { SessionEventSchema } from './session-event';

export const SESSION_EXPORT_FORMATS = ['pdf', 'csv', 'fhir', 'rems'] as const;
export const SessionExportFormatSchema = z.enum(SESSION_EXPORT_FORMATS);
export type SessionExportFormat = z.infer<typeof SessionExportFormatSchema>;

export const CLINIC_EXPORT_FORMATS = ['pdf', 'csv'] as const;
export const ClinicExportFormatSchema = z.enum(CLINIC_EXPORT_FORMATS);

/** The longest clinic report range: a year of days. */
export const CLINIC_REPORT_MAX_DAYS = 366;

const dateRangeFields = { from: IsoDateSchema, to: IsoDateSchema };

/** Both days included, in the workstation's time zone; at most a year of days. */
function withRangeChecks<T extends z.ZodType<{ from: string; to: string }>>(schema: T): T {
  return schema
    .refine((range) => range.from <= range.to, { message: 'The range ends before it starts', path: ['to'] })
    .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < CLINIC_REPORT_MAX_DAYS, {
      message: `A report covers at most ${CLINIC_REPORT_MAX_DAYS} days`,
      path: ['to'],
    });
}

export const DateRangeSchema = withRangeChecks(z.object(dateRangeFields).strict());
export const ClinicExportRequestSchema = withRangeChecks(z.object({ ...dateRangeFields, format: ClinicExportFormatSchema }).strict());
export type DateRange = z.infer<typeof DateRangeSchema>;

/** An exported file, as bytes in base64, with the name to save it under. */
export const ExportedFileSchema = z.object({
  fileName: z.string().regex(/^[A-Za-z0-9._-]+$/),
  mediaType: z.enum(['application/pdf', 'text/csv', 'application/fhir+json']),
  base64: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;

export const SessionOutcomeSchema = z.enum(['completed', 'aborted', 'open']);
export type SessionOutcome = z.infer<typeof SessionOutcomeSchema>;

const count = z.number().int().nonnegative();

/** One session's line in the clinic report. */
export const ClinicReportSessionSchema = z.object({
  sessionId: z.number().int().positive(),
  createdAt: z.number().int(),
  mrn: z.string(),
  patientName: z.string(),
  protocolName: z.string(),
  phase: PhaseSchema,
  outcome: SessionOutcomeSchema,
  alerts: z.object({ high: count, medium: count, low: count }),
  acknowledged: count,
  overrides: count,
  missedChecks: count,
});
export type ClinicReportSession = z.infer<typeof ClinicReportSessionSchema>;

export const ClinicReportSchema = z.object({
  range: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  clinicName: z.string(),
  generatedAt: z.number().int(),
  sessions: z.array(ClinicReportSessionSchema),
  byProtocol: z.array(z.object({ protocolName: z.string(), completed: count, aborted: count, open: count })),
  byCondition: z.array(z.object({ condition: z.string(), priority: AlertPrioritySchema, count, perSession: z.number().nonnegative() })),
  acknowledgement: z.object({
    acknowledged: count,
    unacknowledged: count,
    medianSeconds: z.number().nonnegative().nullable(),
    p90Seconds: z.number().nonnegative().nullable(),
  }),
  overrides: z.object({ contraindication: count, minimumRecovery: count, doseSoftLimit: count, rateSoftLimit: count }),
  missedChecks: count,
});
export type ClinicReport = z.infer<typeof ClinicReportSchema>;

/** A closed or aborted session, as the records screen lists it. */
export const RecordListItemSchema = z.object({
  sessionId: z.number().int().positive(),
  createdAt: z.number().int(),
  phase: PhaseSchema,
  mrn: z.string(),
  patientName: z.string(),
  protocolName: z.string().nullable(),
  chair: z.string(),
});
export type RecordListItem = z.infer<typeof RecordListItemSchema>;

/** The whole record of one session, as the record screen shows it (the same model the exports are made from). */
const AuditPointSchema = z.object({ seq: z.number().int().positive(), hash: z.string() });

export const SessionRecordSchema = z.object({
  clinicName: z.string(),
  generatedAt: z.number().int(),
  session: SessionSchema,
  patient: PatientSchema,
  protocol: ProtocolSchema.nullable(),
  timer: SessionTimerSchema,
  phaseEvents: z.array(PhaseEventSchema),
  doseOrder: DoseOrderRecordSchema.nullable(),
  /** `overrideReason`: a physician's reason for a rate above the order's soft limit (shared/clinical/rate-limits.ts). */
  rateChanges: z.array(z.object({ at: z.number().int(), rateMlPerHour: z.number(), userName: z.string(), overrideReason: z.string().nullable() })),
  delivered: z.object({ volumeMl: z.number(), doseMg: z.number() }).nullable(),
  screening: ScreeningSchema.nullable(),
  overrides: z.array(OverrideSchema),
  readings: z.array(ReadingSchema),
  standing: z.array(ReadingSchema),
  events: z.array(SessionEventSchema),
  alerts: z.array(AlertSchema),
  checkpoints: z.array(CheckpointSchema),
  missedChecks: z.array(AlertSchema),
  discharge: DischargeAssessmentSchema.nullable(),
  signature: z.object({ at: z.number().int(), name: z.string(), username: z.string() }).nullable(),
  /** The audit entry (sequence, hash) that recorded the signature, and the chain's head when the record was read. */
  audit: z.object({ signatureEntry: AuditPointSchema.nullable(), head: AuditPointSchema.nullable() }),
  earlierSessionCount: z.number().int().nonnegative(),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;
