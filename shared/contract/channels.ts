import { z } from 'zod';
import { ClinicConfigViewSchema, SetClinicChairsSchema, SetClinicConfigSchema, SettingsHistorySchema } from '../domain/clinic-config';
import { AuditEntrySchema, AuditQuerySchema, AuditStatusSchema, AuditVerifySchema } from '../domain/audit';
import { AlertKindSchema, AlertSchema } from '../domain/alert';
import { BackupRestoreRequestSchema, BackupRestoreResultSchema, BackupStatusSchema, BackupViewSchema } from '../domain/backup';
import { AlertPrioritySchema } from '../clinical/alert-rules';
import { AlarmSettingsViewSchema, RuleSetViewSchema, RulesQuerySchema, SessionRuleOverrideInputSchema, SetRuleSetSchema, UpdateAlarmSettingsSchema } from '../domain/alert-rules-view';
import { IdSchema, ReasonSchema } from '../domain/common';
import { IsoDateSchema, NewPatientSchema, PatientDetailsInputSchema, PatientSchema } from '../domain/patient';
import { AssignHeldSchema, BindDeviceSchema, ConfigureListenerSchema, DeviceSchema, DiscardHeldSchema, HeldMessageSchema, ListenerStatusSchema, ValidateReadingsSchema } from '../domain/monitor';
import { DischargeAssessmentInputSchema } from '../domain/discharge';
import { NewDoseOrderSchema, ProtocolFieldsSchema, ProtocolSchema } from '../domain/protocol';
import { NewOverrideSchema, ScreeningInputSchema } from '../domain/screening';
import { NewSessionEventSchema, RetractSessionEventSchema, SessionEventSchema } from '../domain/session-event';
import { PhaseActionSchema } from '../domain/phase';
import { Phq9InputSchema } from '../domain/phq9';
import { NewReadingSchema, ReadingAnnotationSchema, ReadingCorrectionSchema, ReadingSchema } from '../domain/reading';
import { AlertPageRequestSchema, ReadingPageRequestSchema, ReadingPageSchema, TrendRequestSchema, TrendSchema } from '../domain/reading-views';
import { NewSessionSchema, SessionSchema, SessionTimerSchema } from '../domain/session';
import { CosignSchema, IssuedAccountSchema, NewUserSchema, PinSchema, UserAccountSchema, UserSchema, UsernameSchema, type Role } from '../domain/user';
import { ClinicExportRequestSchema, ClinicReportSchema, DateRangeSchema, ExportedFileSchema, RecordListItemSchema, SessionExportFormatSchema, SessionRecordSchema } from '../domain/reports';
import { LockedChairSchema } from '../domain/workstation-lock';
import { AuthStatusSchema, PatientHistorySchema, SessionDetailSchema, SessionSummarySchema } from '../domain/views';
// Access and audit class live in the zod-free table the renderer reads first; a runtime import only this way.
import { CHANNEL_RULES, type ChannelRuleName } from './channel-rules';

/**
 * Who may call a channel: anyone (before sign-in), any signed-in user, or one of the
 * listed roles. Main enforces this on every call; the renderer only hides what it cannot use.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

/**
 * What the audit trail records of a call: `write` (every call that may change data, and
 * sign-in attempts) runs as one act whose writes and audit entry commit together; `view`
 * (opening a patient's record) appends a view entry; `none` (lists and settings reads).
 * Every channel must say which, so a new one cannot slip past the audit.
 */
export type AuditClass = 'write' | 'view' | 'none';

interface ChannelSchemas<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSchemas<Req, Res>): ChannelSchemas<Req, Res> {
  return spec;
}

type Rules = typeof CHANNEL_RULES;

/** Each channel's schemas with its access and audit class from the one table of them (the renderer reads that table alone). */
function withRules<S extends Record<keyof Rules, ChannelSchemas> & Record<Exclude<keyof S, keyof Rules>, never>>(schemas: S): { [K in keyof Rules]: S[K] & Rules[K] } {
  return Object.fromEntries(Object.entries(schemas).map(([name, spec]) => [name, { ...spec, ...CHANNEL_RULES[name as keyof Rules] }])) as { [K in keyof Rules]: S[K] & Rules[K] };
}

const Empty = z.object({}).strict();

/** Each channel's request and response schema; who may call it and what the audit records of it are in channel-rules.ts. */
const SCHEMAS = {
  'auth/status': channel({ request: Empty, response: AuthStatusSchema }),
  'auth/setup': channel({
    request: z.object({ username: UsernameSchema, displayName: z.string().trim().min(1).max(100), pin: PinSchema }).strict(),
    response: UserSchema,
  }),
  /** With a one-time code, answers `mustChoosePin: true`: only auth/choosePin is open until a PIN is chosen. */
  'auth/signIn': channel({
    request: z.object({ username: UsernameSchema, pin: z.string().min(1).max(64) }).strict(),
    response: UserSchema.extend({ mustChoosePin: z.boolean().optional() }),
  }),
  'auth/signOut': channel({ request: Empty, response: z.object({}) }),
  'auth/choosePin': channel({ request: z.object({ pin: PinSchema }).strict(), response: UserSchema }),
  /** Locks this workstation now (main also locks it after the clinic's idle time): the user stays signed in, patient data is held back. */
  'auth/lock': channel({ request: Empty, response: AuthStatusSchema }),
  /**
   * Quick switch, also from the lock screen: the named user's PIN makes them this window's
   * user (the chair and screen stay); the same user's own PIN unlocks. A wrong PIN changes
   * nothing (still locked, same user) and counts toward the lockout.
   */
  'auth/switchUser': channel({
    request: z.object({ username: UsernameSchema, pin: z.string().min(1).max(64) }).strict(),
    response: AuthStatusSchema,
  }),
  /** The lock screen's chairs: phase and most urgent alert, nothing that names the patient. */
  'lock/chairs': channel({ request: Empty, response: z.array(LockedChairSchema) }),

  'user/list': channel({ request: Empty, response: z.array(UserAccountSchema) }),
  /** Answers the new account's one-time code; a clinical role needs `cosign` by a physician. */
  'user/create': channel({ request: NewUserSchema.strict(), response: IssuedAccountSchema }),
  'user/resetPin': channel({ request: z.object({ userId: IdSchema, reason: ReasonSchema }).strict(), response: IssuedAccountSchema }),
  'user/setActive': channel({
    request: z.object({ userId: IdSchema, active: z.boolean(), reason: ReasonSchema }).strict(),
    response: UserAccountSchema,
  }),

  /** The backups folder, its backups with their checks, and any shortfall found at start. */
  'backup/list': channel({ request: Empty, response: BackupStatusSchema }),
  /** An online backup now, checked after writing (the file is written before the act; the act records who asked). */
  'backup/run': channel({ request: Empty, response: BackupViewSchema }),
  /**
   * Puts a backup in place of the current file and reopens Vigil on it (every window is
   * signed out). Not an act of the file it replaces: the restore is recorded as the first act
   * of the restored file (`backup/restored`), which is the record from then on.
   */
  'backup/restore': channel({ request: BackupRestoreRequestSchema, response: BackupRestoreResultSchema }),

  'patient/list': channel({
    request: z.object({ search: z.string().trim().max(100).optional() }).strict(),
    response: z.array(PatientSchema),
  }),
  'patient/create': channel({ request: NewPatientSchema.strict(), response: PatientSchema }),
  'patient/setDetails': channel({ request: PatientDetailsInputSchema.extend({ patientId: IdSchema }).strict(), response: PatientSchema }),
  'patient/get': channel({ request: z.object({ patientId: IdSchema }).strict(), response: PatientSchema }),
  'patient/history': channel({ request: z.object({ patientId: IdSchema }).strict(), response: PatientHistorySchema }),

  'protocol/list': channel({
    request: z.object({ includeRetired: z.boolean().default(false) }).strict(),
    response: z.array(ProtocolSchema),
  }),
  /** An administrator without the physician role needs `cosign` by a physician (a protocol sets a dose). */
  'protocol/create': channel({ request: ProtocolFieldsSchema.safeExtend({ cosign: CosignSchema.optional() }), response: ProtocolSchema }),
  'protocol/revise': channel({
    request: z.object({ protocolId: IdSchema, fields: ProtocolFieldsSchema, cosign: CosignSchema.optional() }).strict(),
    response: ProtocolSchema,
  }),
  'protocol/retire': channel({ request: z.object({ protocolId: IdSchema }).strict(), response: ProtocolSchema }),

  'session/create': channel({ request: NewSessionSchema.strict(), response: SessionSchema }),
  'session/list': channel({
    request: z.object({ scope: z.enum(['open', 'recent']) }).strict(),
    response: z.array(SessionSummarySchema),
  }),
  'session/get': channel({ request: z.object({ sessionId: IdSchema }).strict(), response: SessionDetailSchema }),
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
  }),

  'dose/order': channel({ request: NewDoseOrderSchema, response: SessionDetailSchema }),
  'screening/record': channel({ request: ScreeningInputSchema.strict(), response: SessionDetailSchema }),
  'override/add': channel({ request: NewOverrideSchema.strict(), response: SessionDetailSchema }),
  'phq9/record': channel({ request: Phq9InputSchema, response: SessionDetailSchema }),
  'discharge/assess': channel({ request: DischargeAssessmentInputSchema, response: SessionDetailSchema }),
  'event/add': channel({ request: NewSessionEventSchema, response: SessionEventSchema }),
  'event/retract': channel({ request: RetractSessionEventSchema, response: SessionEventSchema }),

  'reading/add': channel({
    request: NewReadingSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
  }),

  'reading/correct': channel({
    request: ReadingCorrectionSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
  }),
  'reading/annotate': channel({
    request: ReadingAnnotationSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
  }),
  /** A page of a session's readings table, newest first. */
  'reading/page': channel({ request: ReadingPageRequestSchema, response: ReadingPageSchema }),
  /** A session's trend over a time range as min/max per bucket, for the chart (refined on zoom). */
  'reading/trend': channel({ request: TrendRequestSchema, response: TrendSchema }),

  /** The nurse vouches for monitor values (one row or a range); who and when are recorded. */
  'reading/validate': channel({ request: ValidateReadingsSchema, response: z.array(ReadingSchema) }),

  'monitor/status': channel({ request: Empty, response: ListenerStatusSchema }),
  /** The MLLP listener's port, bind address and allowed monitor addresses (IT's settings, not clinical ones): an administrator, with a reason. */
  'monitor/configure': channel({ request: ConfigureListenerSchema, response: ListenerStatusSchema }),
  /** The clinic's chairs (its registry in the clinic configuration), in counting order: names only, no patient data. */
  'chair/list': channel({ request: Empty, response: z.array(z.string()) }),
  'device/list': channel({ request: Empty, response: z.array(DeviceSchema) }),
  /** Binds a monitor (OBX-18 equipment id or MSH-3) to a chair; `chair: null` unbinds it. */
  'device/bind': channel({ request: BindDeviceSchema, response: z.array(DeviceSchema) }),
  'monitor/held': channel({ request: Empty, response: z.array(HeldMessageSchema) }),
  'monitor/assign': channel({ request: AssignHeldSchema, response: z.array(ReadingSchema) }),
  'monitor/discard': channel({ request: DiscardHeldSchema, response: z.object({}) }),

  /** A session's alerts older than those session/get carried, newest first (the screen's history, a page at a time). */
  'alert/page': channel({ request: AlertPageRequestSchema, response: z.array(AlertSchema) }),
  'alert/list': channel({
    request: z
      .object({ sessionId: IdSchema.optional(), state: z.enum(['active', 'all']), priority: AlertPrioritySchema.optional(), kind: AlertKindSchema.optional() })
      .strict(),
    response: z.array(AlertSchema),
  }),
  'alert/audioPause': channel({ request: z.object({ alertId: IdSchema }).strict(), response: AlertSchema }),
  'alert/resolve': channel({ request: z.object({ alertId: IdSchema, reason: ReasonSchema }).strict(), response: AlertSchema }),

  'rules/get': channel({ request: RulesQuerySchema, response: RuleSetViewSchema }),
  'rules/set': channel({ request: SetRuleSetSchema, response: RuleSetViewSchema }),
  'rules/overrideForSession': channel({ request: SessionRuleOverrideInputSchema, response: RuleSetViewSchema }),
  'clinic/getConfig': channel({ request: Empty, response: ClinicConfigViewSchema }),
  /** Discharge criteria, monitoring schedule and technical alert priorities: a physician, with a reason; open sessions are judged anew. */
  'clinic/setConfig': channel({ request: SetClinicConfigSchema, response: ClinicConfigViewSchema }),
  /** The clinic's chairs alone: the administrator's (or the physician's) part of the clinic configuration, a new version with a reason. */
  'clinic/setChairs': channel({ request: SetClinicChairsSchema, response: ClinicConfigViewSchema }),
  /** Every stored version of the clinic configuration and of the alarm behaviour, newest first, with who, when and why. */
  'clinic/history': channel({ request: Empty, response: SettingsHistorySchema }),
  'settings/get': channel({ request: Empty, response: AlarmSettingsViewSchema }),
  'settings/update': channel({ request: UpdateAlarmSettingsSchema, response: AlarmSettingsViewSchema }),
  'alert/acknowledge': channel({
    request: z.object({ alertId: IdSchema, note: z.string().trim().max(500).optional() }).strict(),
    response: AlertSchema,
  }),

  /** Finished (closed or aborted) sessions, newest first; staff find a record here. */
  'record/list': channel({
    request: z
      .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), search: z.string().trim().max(100).optional() })
      .strict(),
    response: z.array(RecordListItemSchema),
  }),
  /** The whole record of a session; staff only once it is closed or aborted. */
  'record/get': channel({ request: z.object({ sessionId: IdSchema }).strict(), response: SessionRecordSchema }),
  'report/clinic': channel({ request: DateRangeSchema, response: ClinicReportSchema }),
  'export/session': channel({
    request: z.object({ sessionId: IdSchema, format: SessionExportFormatSchema }).strict(),
    response: ExportedFileSchema,
  }),
  'export/clinic': channel({
    request: ClinicExportRequestSchema,
    response: ExportedFileSchema,
  }),
  /** Checks the audit chain, every row against its digest, and the file's length against the last head written. */
  'audit/verify': channel({ request: Empty, response: AuditVerifySchema }),
  /** The last check of the record (at start, or the last audit/verify): an administrator is warned while it is broken. */
  'audit/status': channel({ request: Empty, response: AuditStatusSchema }),
  'audit/list': channel({ request: AuditQuerySchema, response: z.array(AuditEntrySchema) }),
} as const satisfies Record<ChannelRuleName, ChannelSchemas>;

/** The one IPC contract: channel -> request schema, response schema, and its access and audit class (channel-rules.ts). */
export const CHANNELS = withRules(SCHEMAS);


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
