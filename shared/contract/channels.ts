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
// The role groups live with the zod-free rules the renderer reads first; a runtime import only the other way.
import { ADMIN, CLINICAL_STAFF, MONITOR_VIEWERS, PHYSICIAN, PROTOCOL_EDITORS, RECORD_READERS } from './channel-rules';

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

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  access: Access;
  audit: AuditClass;
}

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

const Empty = z.object({}).strict();

/** The one IPC contract: channel -> request schema, response schema, required role. */
export const CHANNELS = {
  'auth/status': channel({ request: Empty, response: AuthStatusSchema, access: 'public', audit: 'none' }),
  'auth/setup': channel({
    request: z.object({ username: UsernameSchema, displayName: z.string().trim().min(1).max(100), pin: PinSchema }).strict(),
    response: UserSchema,
    access: 'public',
    audit: 'write',
  }),
  /** With a one-time code, answers `mustChoosePin: true`: only auth/choosePin is open until a PIN is chosen. */
  'auth/signIn': channel({
    request: z.object({ username: UsernameSchema, pin: z.string().min(1).max(64) }).strict(),
    response: UserSchema.extend({ mustChoosePin: z.boolean().optional() }),
    access: 'public',
    audit: 'write',
  }),
  'auth/signOut': channel({ request: Empty, response: z.object({}), access: 'signedIn', audit: 'write' }),
  'auth/choosePin': channel({ request: z.object({ pin: PinSchema }).strict(), response: UserSchema, access: 'signedIn', audit: 'write' }),
  /** Locks this workstation now (main also locks it after the clinic's idle time): the user stays signed in, patient data is held back. */
  'auth/lock': channel({ request: Empty, response: AuthStatusSchema, access: 'signedIn', audit: 'write' }),
  /**
   * Quick switch, also from the lock screen: the named user's PIN makes them this window's
   * user (the chair and screen stay); the same user's own PIN unlocks. A wrong PIN changes
   * nothing (still locked, same user) and counts toward the lockout.
   */
  'auth/switchUser': channel({
    request: z.object({ username: UsernameSchema, pin: z.string().min(1).max(64) }).strict(),
    response: AuthStatusSchema,
    access: 'signedIn',
    audit: 'write',
  }),
  /** The lock screen's chairs: phase and most urgent alert, nothing that names the patient. */
  'lock/chairs': channel({ request: Empty, response: z.array(LockedChairSchema), access: CLINICAL_STAFF, audit: 'none' }),

  'user/list': channel({ request: Empty, response: z.array(UserAccountSchema), access: ADMIN, audit: 'none' }),
  /** Answers the new account's one-time code; a clinical role needs `cosign` by a physician. */
  'user/create': channel({ request: NewUserSchema.strict(), response: IssuedAccountSchema, access: ADMIN, audit: 'write' }),
  'user/resetPin': channel({ request: z.object({ userId: IdSchema, reason: ReasonSchema }).strict(), response: IssuedAccountSchema, access: ADMIN, audit: 'write' }),
  'user/setActive': channel({
    request: z.object({ userId: IdSchema, active: z.boolean(), reason: ReasonSchema }).strict(),
    response: UserAccountSchema,
    access: ADMIN,
    audit: 'write',
  }),

  /** The backups folder, its backups with their checks, and any shortfall found at start. */
  'backup/list': channel({ request: Empty, response: BackupStatusSchema, access: ADMIN, audit: 'none' }),
  /** An online backup now, checked after writing (the file is written before the act; the act records who asked). */
  'backup/run': channel({ request: Empty, response: BackupViewSchema, access: ADMIN, audit: 'write' }),
  /**
   * Puts a backup in place of the current file and reopens Vigil on it (every window is
   * signed out). Not an act of the file it replaces: the restore is recorded as the first act
   * of the restored file (`backup/restored`), which is the record from then on.
   */
  'backup/restore': channel({ request: BackupRestoreRequestSchema, response: BackupRestoreResultSchema, access: ADMIN, audit: 'none' }),

  'patient/list': channel({
    request: z.object({ search: z.string().trim().max(100).optional() }).strict(),
    response: z.array(PatientSchema),
    access: CLINICAL_STAFF,
    audit: 'none',
  }),
  'patient/create': channel({ request: NewPatientSchema.strict(), response: PatientSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'patient/setDetails': channel({ request: PatientDetailsInputSchema.extend({ patientId: IdSchema }).strict(), response: PatientSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'patient/get': channel({ request: z.object({ patientId: IdSchema }).strict(), response: PatientSchema, access: CLINICAL_STAFF, audit: 'view' }),
  'patient/history': channel({ request: z.object({ patientId: IdSchema }).strict(), response: PatientHistorySchema, access: CLINICAL_STAFF, audit: 'view' }),

  'protocol/list': channel({
    request: z.object({ includeRetired: z.boolean().default(false) }).strict(),
    response: z.array(ProtocolSchema),
    access: ['nurse', 'physician', 'admin'],
    audit: 'none',
  }),
  /** An administrator without the physician role needs `cosign` by a physician (a protocol sets a dose). */
  'protocol/create': channel({ request: ProtocolFieldsSchema.safeExtend({ cosign: CosignSchema.optional() }), response: ProtocolSchema, access: PROTOCOL_EDITORS, audit: 'write' }),
  'protocol/revise': channel({
    request: z.object({ protocolId: IdSchema, fields: ProtocolFieldsSchema, cosign: CosignSchema.optional() }).strict(),
    response: ProtocolSchema,
    access: PROTOCOL_EDITORS,
    audit: 'write',
  }),
  'protocol/retire': channel({ request: z.object({ protocolId: IdSchema }).strict(), response: ProtocolSchema, access: PROTOCOL_EDITORS, audit: 'write' }),

  'session/create': channel({ request: NewSessionSchema.strict(), response: SessionSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'session/list': channel({
    request: z.object({ scope: z.enum(['open', 'recent']) }).strict(),
    response: z.array(SessionSummarySchema),
    access: CLINICAL_STAFF,
    audit: 'none',
  }),
  'session/get': channel({ request: z.object({ sessionId: IdSchema }).strict(), response: SessionDetailSchema, access: CLINICAL_STAFF, audit: 'view' }),
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
    audit: 'write',
  }),

  'dose/order': channel({ request: NewDoseOrderSchema, response: SessionDetailSchema, access: PHYSICIAN, audit: 'write' }),
  'screening/record': channel({ request: ScreeningInputSchema.strict(), response: SessionDetailSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'override/add': channel({ request: NewOverrideSchema.strict(), response: SessionDetailSchema, access: PHYSICIAN, audit: 'write' }),
  'phq9/record': channel({ request: Phq9InputSchema, response: SessionDetailSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'discharge/assess': channel({ request: DischargeAssessmentInputSchema, response: SessionDetailSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'event/add': channel({ request: NewSessionEventSchema, response: SessionEventSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'event/retract': channel({ request: RetractSessionEventSchema, response: SessionEventSchema, access: CLINICAL_STAFF, audit: 'write' }),

  'reading/add': channel({
    request: NewReadingSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
    access: CLINICAL_STAFF,
    audit: 'write',
  }),

  'reading/correct': channel({
    request: ReadingCorrectionSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
    access: CLINICAL_STAFF,
    audit: 'write',
  }),
  'reading/annotate': channel({
    request: ReadingAnnotationSchema.strict(),
    response: z.object({ reading: ReadingSchema, alerts: z.array(AlertSchema) }),
    access: CLINICAL_STAFF,
    audit: 'write',
  }),
  /** A page of a session's readings table, newest first. */
  'reading/page': channel({ request: ReadingPageRequestSchema, response: ReadingPageSchema, access: CLINICAL_STAFF, audit: 'none' }),
  /** A session's trend over a time range as min/max per bucket, for the chart (refined on zoom). */
  'reading/trend': channel({ request: TrendRequestSchema, response: TrendSchema, access: CLINICAL_STAFF, audit: 'none' }),

  /** The nurse vouches for monitor values (one row or a range); who and when are recorded. */
  'reading/validate': channel({ request: ValidateReadingsSchema, response: z.array(ReadingSchema), access: CLINICAL_STAFF, audit: 'write' }),

  'monitor/status': channel({ request: Empty, response: ListenerStatusSchema, access: MONITOR_VIEWERS, audit: 'none' }),
  /** The MLLP listener's port, bind address and allowed monitor addresses (IT's settings, not clinical ones): an administrator, with a reason. */
  'monitor/configure': channel({ request: ConfigureListenerSchema, response: ListenerStatusSchema, access: ADMIN, audit: 'write' }),
  /** The clinic's chairs (its registry in the clinic configuration), in counting order: names only, no patient data. */
  'chair/list': channel({ request: Empty, response: z.array(z.string()), access: MONITOR_VIEWERS, audit: 'none' }),
  'device/list': channel({ request: Empty, response: z.array(DeviceSchema), access: MONITOR_VIEWERS, audit: 'none' }),
  /** Binds a monitor (OBX-18 equipment id or MSH-3) to a chair; `chair: null` unbinds it. */
  'device/bind': channel({ request: BindDeviceSchema, response: z.array(DeviceSchema), access: ADMIN, audit: 'write' }),
  'monitor/held': channel({ request: Empty, response: z.array(HeldMessageSchema), access: CLINICAL_STAFF, audit: 'none' }),
  'monitor/assign': channel({ request: AssignHeldSchema, response: z.array(ReadingSchema), access: CLINICAL_STAFF, audit: 'write' }),
  'monitor/discard': channel({ request: DiscardHeldSchema, response: z.object({}), access: CLINICAL_STAFF, audit: 'write' }),

  /** A session's alerts older than those session/get carried, newest first (the screen's history, a page at a time). */
  'alert/page': channel({ request: AlertPageRequestSchema, response: z.array(AlertSchema), access: CLINICAL_STAFF, audit: 'none' }),
  'alert/list': channel({
    request: z
      .object({ sessionId: IdSchema.optional(), state: z.enum(['active', 'all']), priority: AlertPrioritySchema.optional(), kind: AlertKindSchema.optional() })
      .strict(),
    response: z.array(AlertSchema),
    access: CLINICAL_STAFF,
    audit: 'none',
  }),
  'alert/audioPause': channel({ request: z.object({ alertId: IdSchema }).strict(), response: AlertSchema, access: CLINICAL_STAFF, audit: 'write' }),
  'alert/resolve': channel({ request: z.object({ alertId: IdSchema, reason: ReasonSchema }).strict(), response: AlertSchema, access: CLINICAL_STAFF, audit: 'write' }),

  'rules/get': channel({ request: RulesQuerySchema, response: RuleSetViewSchema, access: CLINICAL_STAFF, audit: 'none' }),
  'rules/set': channel({ request: SetRuleSetSchema, response: RuleSetViewSchema, access: PHYSICIAN, audit: 'write' }),
  'rules/overrideForSession': channel({ request: SessionRuleOverrideInputSchema, response: RuleSetViewSchema, access: PHYSICIAN, audit: 'write' }),
  'clinic/getConfig': channel({ request: Empty, response: ClinicConfigViewSchema, access: 'signedIn', audit: 'none' }),
  /** Discharge criteria, monitoring schedule and technical alert priorities: a physician, with a reason; open sessions are judged anew. */
  'clinic/setConfig': channel({ request: SetClinicConfigSchema, response: ClinicConfigViewSchema, access: PHYSICIAN, audit: 'write' }),
  /** The clinic's chairs alone: the administrator's (or the physician's) part of the clinic configuration, a new version with a reason. */
  'clinic/setChairs': channel({ request: SetClinicChairsSchema, response: ClinicConfigViewSchema, access: PROTOCOL_EDITORS, audit: 'write' }),
  /** Every stored version of the clinic configuration and of the alarm behaviour, newest first, with who, when and why. */
  'clinic/history': channel({ request: Empty, response: SettingsHistorySchema, access: 'signedIn', audit: 'none' }),
  'settings/get': channel({ request: Empty, response: AlarmSettingsViewSchema, access: 'signedIn', audit: 'none' }),
  'settings/update': channel({ request: UpdateAlarmSettingsSchema, response: AlarmSettingsViewSchema, access: PHYSICIAN, audit: 'write' }),
  'alert/acknowledge': channel({
    request: z.object({ alertId: IdSchema, note: z.string().trim().max(500).optional() }).strict(),
    response: AlertSchema,
    access: CLINICAL_STAFF,
    audit: 'write',
  }),

  /** Finished (closed or aborted) sessions, newest first; staff find a record here. */
  'record/list': channel({
    request: z
      .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), search: z.string().trim().max(100).optional() })
      .strict(),
    response: z.array(RecordListItemSchema),
    access: RECORD_READERS,
    audit: 'none',
  }),
  /** The whole record of a session; staff only once it is closed or aborted. */
  'record/get': channel({ request: z.object({ sessionId: IdSchema }).strict(), response: SessionRecordSchema, access: RECORD_READERS, audit: 'view' }),
  'report/clinic': channel({ request: DateRangeSchema, response: ClinicReportSchema, access: RECORD_READERS, audit: 'view' }),
  'export/session': channel({
    request: z.object({ sessionId: IdSchema, format: SessionExportFormatSchema }).strict(),
    response: ExportedFileSchema,
    access: RECORD_READERS,
    audit: 'view',
  }),
  'export/clinic': channel({
    request: ClinicExportRequestSchema,
    response: ExportedFileSchema,
    access: RECORD_READERS,
    audit: 'view',
  }),
  /** Checks the audit chain, every row against its digest, and the file's length against the last head written. */
  'audit/verify': channel({ request: Empty, response: AuditVerifySchema, access: ADMIN, audit: 'none' }),
  /** The last check of the record (at start, or the last audit/verify): an administrator is warned while it is broken. */
  'audit/status': channel({ request: Empty, response: AuditStatusSchema, access: ADMIN, audit: 'none' }),
  'audit/list': channel({ request: AuditQuerySchema, response: z.array(AuditEntrySchema), access: ADMIN, audit: 'view' }),
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
