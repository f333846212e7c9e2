import { z } from 'zod';
import { AlertKindSchema, AlertSchema } from '../domain/alert';
import { AlertPrioritySchema } from '../clinical/alert-rules';
import { AlarmSettingsViewSchema, RuleSetViewSchema, RulesQuerySchema, SessionRuleOverrideInputSchema, SetRuleSetSchema, UpdateAlarmSettingsSchema } from '../domain/alert-rules-view';
import { IdSchema, ReasonSchema } from '../domain/common';
import { IsoDateSchema, NewPatientSchema, PatientDetailsInputSchema, PatientSchema } from '../domain/patient';
import { DischargeAssessmentInputSchema } from '../domain/discharge';
import { NewDoseOrderSchema, ProtocolFieldsSchema, ProtocolSchema } from '../domain/protocol';
import { NewOverrideSchema, ScreeningInputSchema } from '../domain/screening';
import { NewSessionEventSchema, RetractSessionEventSchema, SessionEventSchema } from '../domain/session-event';
import { PhaseActionSchema } from '../domain/phase';
import { Phq9InputSchema } from '../domain/phq9';
import { NewReadingSchema, ReadingAnnotationSchema, ReadingCorrectionSchema, ReadingSchema } from '../domain/reading';
import { NewSessionSchema, SessionSchema, SessionTimerSchema } from '../domain/session';
import { NewUserSchema, PinSchema, UserSchema, UsernameSchema, type Role } from '../domain/user';
import { ClinicExportRequestSchema, ClinicReportSchema, DateRangeSchema, ExportedFileSchema, RecordListItemSchema, SessionExportFormatSchema, SessionRecordSchema } from '../domain/reports';
import { AuthStatusSchema, PatientHistorySchema, SessionDetailSchema, SessionSummarySchema } from '../domain/views';

/**
 * Who may call a channel: anyone (before sign-in), any signed-in user, or one of the
 * listed roles. Main enforces this on every call; the renderer only hides what it cannot use.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  access: Access;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

const CLINICAL_STAFF: readonly Role[] = ['nurse', 'physician'];
/** Prescribing, overriding a safety gate, and changing clinical rules are the physician's. */
const PHYSICIAN: readonly Role[] = ['physician'];
const PROTOCOL_EDITORS: readonly Role[] = ['physician', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
/** Who may open a finished record and export reports: staff (front desk, records) and clinicians; never admin. */
const RECORD_READERS: readonly Role[] = ['staff', 'nurse', 'physician'];
const Empty = z.object({}).strict();

/** The one IPC contract: channel -> request schema, response schema, required role. */
export const CHANNELS = {
  'auth/status': channel({ request: Empty, response: AuthStatusSchema, access: 'public' }),
  'auth/setup': channel({
    request: z.object({ username: UsernameSchema, displayName: z.string().trim().min(1).max(100), pin: PinSchema }).strict(),
    response: UserSchema,
    access: 'public',
  }),
  'auth/signIn': channel({
    request: z.object({ username: UsernameSchema, pin: z.string().min(1).max(64) }).strict(),
    response: UserSchema,
    access: 'public',
  }),
  'auth/signOut': channel({ request: Empty, response: z.object({}), access: 'signedIn' }),

  'user/list': channel({ request: Empty, response: z.array(UserSchema), access: ADMIN }),
  'user/create': channel({ request: NewUserSchema.strict(), response: UserSchema, access: ADMIN }),

  'patient/list': channel({
    request: z.object({ search: z.string().trim().max(100).optional() }).strict(),
    response: z.array(PatientSchema),
    access: CLINICAL_STAFF,
  }),
  'patient/create': channel({ request: NewPatientSchema.strict(), response: PatientSchema, access: CLINICAL_STAFF }),
  'patient/setDetails': channel({ request: PatientDetailsInputSchema.extend({ patientId: IdSchema }).strict(), response: PatientSchema, access: CLINICAL_STAFF }),
  'patient/get': channel({ request: z.object({ patientId: IdSchema }).strict(), response: PatientSchema, access: CLINICAL_STAFF }),
  'patient/history': channel({ request: z.object({ patientId: IdSchema }).strict(), response: PatientHistorySchema, access: CLINICAL_STAFF }),

  'protocol/list': channel({
    request: z.object({ includeRetired: z.boolean().default(false) }).strict(),
    response: z.array(ProtocolSchema),
    access: ['nurse', 'physician', 'admin'],
  }),
  'protocol/create': channel({ request: ProtocolFieldsSchema, response: ProtocolSchema, access: PROTOCOL_EDITORS }),
  'protocol/revise': channel({
    request: z.object({ protocolId: IdSchema, fields: ProtocolFieldsSchema }).strict(),
    response: ProtocolSchema,
    access: PROTOCOL_EDITORS,
  }),
  'protocol/retire': channel({ request: z.object({ protocolId: IdSchema }).strict(), response: ProtocolSchema, access: PROTOCOL_EDITORS }),

  'session/create': channel({ request: NewSessionSchema.strict(), response: SessionSchema, access: CLINICAL_STAFF }),
  'session/list': channel({
    request: z.object({ scope: z.enum(['open', 'recent']) }).strict(),
    response: z.array(SessionSummarySchema),
    access: CLINICAL_STAFF,
  }),
  'session/get': channel({ request: z.object({ sessionId: IdSchema }).strict(), response: SessionDetailSchema, access: CLINICAL_STAFF }),
  'session/transition': channel({
    request: z
      .object({
        sessionId: IdSchema,
        action: PhaseActionSchema,
        reason: ReasonSchema.optional(),
        /** Closing is a signature: the signer's PIN, checked again. */
        pin: z.string().min(1).max(64).optional(),
      })
      .strict(),
    response: z.object({ session: SessionSchema, timer: SessionTimerSchema }),
    access: CLINICAL_STAFF,
  }),

  'dose/order': channel({ request: NewDoseOrderSchema, response: SessionDetailSchema, access: PHYSICIAN }),
  'screening/record': channel({ request: ScreeningInputSchema.strict(), response: SessionDetailSchema, access: CLINICAL_STAFF }),
  'override/add': channel({ request: NewOverrideSchema.strict(), response: SessionDetailSchema, access: PHYSICIAN }),
  'phq9/record': channel({ request: Phq9InputSchema, response: SessionDetailSchema, access: CLINICAL_STAFF }),
  'discharge/assess': channel({ request: DischargeAssessmentInputSchema, response: SessionDetailSchema, access: CLINICAL_STAFF }),
  'event/add': channel({ request: NewSessionEventSchema, response: SessionEventSchema, access: CLINICAL_STAFF }),
  'event/retract': channel({ request: RetractSessionEventSchema, response: SessionEventSchema, access: CLINICAL_STAFF }),

  'reading/add': channel({
    request: NewReadingSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
    access: CLINICAL_STAFF,
  }),

  'reading/correct': channel({
    request: ReadingCorrectionSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
    access: CLINICAL_STAFF,
  }),
  'reading/annotate': channel({
    request: ReadingAnnotationSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
    access: CLINICAL_STAFF,
  }),

  'alert/list': channel({
    request: z
      .object({ sessionId: IdSchema.optional(), state: z.enum(['active', 'all']), priority: AlertPrioritySchema.optional(), kind: AlertKindSchema.optional() })
      .strict(),
    response: z.array(AlertSchema),
    access: CLINICAL_STAFF,
  }),
  'alert/audioPause': channel({ request: z.object({ alertId: IdSchema }).strict(), response: AlertSchema, access: CLINICAL_STAFF }),
  'alert/resolve': channel({ request: z.object({ alertId: IdSchema, reason: ReasonSchema }).strict(), response: AlertSchema, access: CLINICAL_STAFF }),

  'rules/get': channel({ request: RulesQuerySchema, response: RuleSetViewSchema, access: CLINICAL_STAFF }),
  'rules/set': channel({ request: SetRuleSetSchema, response: RuleSetViewSchema, access: PHYSICIAN }),
  'rules/overrideForSession': channel({ request: SessionRuleOverrideInputSchema, response: RuleSetViewSchema, access: PHYSICIAN }),
  'settings/get': channel({ request: Empty, response: AlarmSettingsViewSchema, access: 'signedIn' }),
  'settings/update': channel({ request: UpdateAlarmSettingsSchema, response: AlarmSettingsViewSchema, access: PHYSICIAN }),
  'alert/acknowledge': channel({
    request: z.object({ alertId: IdSchema, note: z.string().trim().max(500).optional() }).strict(),
    response: AlertSchema,
    access: CLINICAL_STAFF,
  }),

  /** Finished (closed or aborted) sessions, newest first; staff find a record here. */
  'record/list': channel({
    request: z
      .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), search: z.string().trim().max(100).optional() })
      .strict(),
    response: z.array(RecordListItemSchema),
    access: RECORD_READERS,
  }),
  /** The whole record of a session; staff only once it is closed or aborted. */
  'record/get': channel({ request: z.object({ sessionId: IdSchema }).strict(), response: SessionRecordSchema, access: RECORD_READERS }),
  'report/clinic': channel({ request: DateRangeSchema, response: ClinicReportSchema, access: RECORD_READERS }),
  'export/session': channel({
    request: z.object({ sessionId: IdSchema, format: SessionExportFormatSchema }).strict(),
    response: ExportedFileSchema,
    access: RECORD_READERS,
  }),
  'export/clinic': channel({
    request: ClinicExportRequestSchema,
    response: ExportedFileSchema,
    access: RECORD_READERS,
  }),
} as const satisfies Record<string, ChannelSpec>;

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];

/** What a caller sends (before defaults are applied). */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What the handler receives (after parsing and defaults). */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(CHANNELS, name);
}
