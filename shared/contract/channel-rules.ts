import type { Role } from '../domain/user';
import type { Access, AuditClass } from './channels';

/**
 * Who may call each channel and what the audit records of it, without the channels' zod
 * schemas: the renderer's first screen needs these (the link refuses writes while it
 * reconnects; screens hide what the user may not call) but no schema (issue 10: zod and the
 * schemas load after the sign-in screen). This is the one table of them: `CHANNELS`
 * (channels.ts), which main enforces, takes each channel's access and audit class from here,
 * and its schemas must name exactly these channels.
 */
export interface ChannelRule {
  access: Access;
  audit: AuditClass;
}

export const CLINICAL_STAFF: readonly Role[] = ['nurse', 'physician'];
/** Prescribing, overriding a safety gate, and changing clinical rules are the physician's. */
export const PHYSICIAN: readonly Role[] = ['physician'];
export const PROTOCOL_EDITORS: readonly Role[] = ['physician', 'admin'];
export const ADMIN: readonly Role[] = ['admin'];
/** Monitor link status and the device list: the chair's clinicians and the administrator who binds monitors. */
export const MONITOR_VIEWERS: readonly Role[] = ['nurse', 'physician', 'admin'];
/** Who may open a finished record and export reports: staff (front desk, records) and clinicians; never admin. */
export const RECORD_READERS: readonly Role[] = ['staff', 'nurse', 'physician'];

export const CHANNEL_RULES = {
  'auth/status': { access: 'public', audit: 'none' },
  'auth/setup': { access: 'public', audit: 'write' },
  'auth/signIn': { access: 'public', audit: 'write' },
  'auth/signOut': { access: 'signedIn', audit: 'write' },
  'auth/choosePin': { access: 'signedIn', audit: 'write' },
  'auth/lock': { access: 'signedIn', audit: 'write' },
  'auth/switchUser': { access: 'signedIn', audit: 'write' },
  'lock/chairs': { access: CLINICAL_STAFF, audit: 'none' },
  'user/list': { access: ADMIN, audit: 'none' },
  'user/create': { access: ADMIN, audit: 'write' },
  'user/resetPin': { access: ADMIN, audit: 'write' },
  'user/setActive': { access: ADMIN, audit: 'write' },
  'backup/list': { access: ADMIN, audit: 'none' },
  'backup/run': { access: ADMIN, audit: 'write' },
  'backup/restore': { access: ADMIN, audit: 'none' },
  'patient/list': { access: CLINICAL_STAFF, audit: 'none' },
  'patient/create': { access: CLINICAL_STAFF, audit: 'write' },
  'patient/setDetails': { access: CLINICAL_STAFF, audit: 'write' },
  'patient/get': { access: CLINICAL_STAFF, audit: 'view' },
  'patient/history': { access: CLINICAL_STAFF, audit: 'view' },
  'protocol/list': { access: MONITOR_VIEWERS, audit: 'none' },
  'protocol/create': { access: PROTOCOL_EDITORS, audit: 'write' },
  'protocol/revise': { access: PROTOCOL_EDITORS, audit: 'write' },
  'protocol/retire': { access: PROTOCOL_EDITORS, audit: 'write' },
  'session/create': { access: CLINICAL_STAFF, audit: 'write' },
  'session/list': { access: CLINICAL_STAFF, audit: 'none' },
  'session/get': { access: CLINICAL_STAFF, audit: 'view' },
  'session/transition': { access: CLINICAL_STAFF, audit: 'write' },
  'dose/order': { access: PHYSICIAN, audit: 'write' },
  'screening/record': { access: CLINICAL_STAFF, audit: 'write' },
  'override/add': { access: PHYSICIAN, audit: 'write' },
  'phq9/record': { access: CLINICAL_STAFF, audit: 'write' },
  'discharge/assess': { access: CLINICAL_STAFF, audit: 'write' },
  'event/add': { access: CLINICAL_STAFF, audit: 'write' },
  'event/retract': { access: CLINICAL_STAFF, audit: 'write' },
  'reading/add': { access: CLINICAL_STAFF, audit: 'write' },
  'reading/correct': { access: CLINICAL_STAFF, audit: 'write' },
  'reading/annotate': { access: CLINICAL_STAFF, audit: 'write' },
  'reading/page': { access: CLINICAL_STAFF, audit: 'none' },
  'reading/trend': { access: CLINICAL_STAFF, audit: 'none' },
  'reading/validate': { access: CLINICAL_STAFF, audit: 'write' },
  'monitor/status': { access: MONITOR_VIEWERS, audit: 'none' },
  'monitor/configure': { access: ADMIN, audit: 'write' },
  'chair/list': { access: MONITOR_VIEWERS, audit: 'none' },
  'device/list': { access: MONITOR_VIEWERS, audit: 'none' },
  'device/bind': { access: ADMIN, audit: 'write' },
  'monitor/held': { access: CLINICAL_STAFF, audit: 'none' },
  'monitor/assign': { access: CLINICAL_STAFF, audit: 'write' },
  'monitor/discard': { access: CLINICAL_STAFF, audit: 'write' },
  'alert/page': { access: CLINICAL_STAFF, audit: 'none' },
  'alert/list': { access: CLINICAL_STAFF, audit: 'none' },
  'alert/audioPause': { access: CLINICAL_STAFF, audit: 'write' },
  'alert/resolve': { access: CLINICAL_STAFF, audit: 'write' },
  'rules/get': { access: CLINICAL_STAFF, audit: 'none' },
  'rules/set': { access: PHYSICIAN, audit: 'write' },
  'rules/overrideForSession': { access: PHYSICIAN, audit: 'write' },
  'clinic/getConfig': { access: 'signedIn', audit: 'none' },
  'clinic/setConfig': { access: PHYSICIAN, audit: 'write' },
  'clinic/setChairs': { access: PROTOCOL_EDITORS, audit: 'write' },
  'clinic/history': { access: 'signedIn', audit: 'none' },
  'settings/get': { access: 'signedIn', audit: 'none' },
  'settings/update': { access: PHYSICIAN, audit: 'write' },
  'alert/acknowledge': { access: CLINICAL_STAFF, audit: 'write' },
  'record/list': { access: RECORD_READERS, audit: 'none' },
  'record/get': { access: RECORD_READERS, audit: 'view' },
  'report/clinic': { access: RECORD_READERS, audit: 'view' },
  'export/session': { access: RECORD_READERS, audit: 'view' },
  'export/clinic': { access: RECORD_READERS, audit: 'view' },
  'audit/verify': { access: ADMIN, audit: 'none' },
  // Everyone who relies on the record (a protocol's dose, an alarm limit, a reading) is told when it does not match its trail.
  'audit/status': { access: 'signedIn', audit: 'none' },
  'audit/list': { access: ADMIN, audit: 'view' },
} as const satisfies Record<string, ChannelRule>;

/** Every channel of the contract (channels.ts gives each of these its schemas, and no other). */
export type ChannelRuleName = keyof typeof CHANNEL_RULES;
