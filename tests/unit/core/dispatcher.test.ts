import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../../shared/contract/channels';
import type { User } from '../../../shared/domain/user';
import { fail } from '../../../shared/result';
import type { ActRunner } from '../../../src-main/core/act';
import { createDispatcher } from '../../../src-main/core/dispatcher';
import type { HandlerContext, Handlers } from '../../../src-main/core/handler-kit';
import { createMemoryLogger } from '../../support/memory-logger';

const NURSE: User = { id: 2, username: 'nina', displayName: 'Nina Nurse', roles: ['nurse'] };
const ADMIN: User = { id: 1, username: 'ada', displayName: 'Ada Admin', roles: ['admin'] };

const context = (user: User | null): HandlerContext => ({
  user,
  mustChoosePin: false,
  locked: false,
  handBackTo: null,
  guard: { failures: 0, lockedUntil: 0 },
  signIn: vi.fn(),
  signOut: vi.fn(),
  lock: vi.fn(),
  switchTo: vi.fn(),
  status: () => ({ setupRequired: false, user, mustChoosePin: false, locked: false, handBackTo: null }),
  firstViewIn: () => true,
});

/** Acts without a database: the work runs as is (the act layer itself is tested against a real file). */
const passthroughActs: ActRunner = { run: (_spec, work) => work(), onCommitted: () => undefined, onRolledBack: () => undefined, onEnded: () => undefined, undoOnRollback: () => undefined, afterCommit: (work) => work(), inAct: false };

/** Handlers that each answer with a fixed value, replaced per test where a channel matters. */
function stubHandlers(overrides: Partial<Record<ChannelName, (ctx: HandlerContext, request: unknown) => unknown>> = {}) {
  const calls: { channel: ChannelName; request: unknown }[] = [];
  const entries = CHANNEL_NAMES.map((channel) => [
    channel,
    (ctx: HandlerContext, request: unknown) => {
      calls.push({ channel, request });
      const override = overrides[channel];
      return override ? override(ctx, request) : { setupRequired: false, user: null };
    },
  ]);
  // The stubs are deliberately untyped per channel: each test only drives the channels it names.
  return { handlers: Object.fromEntries(entries) as unknown as Handlers, calls };
}

const PATIENT = { mrn: 'MRN-1', familyName: 'Okafor', givenName: 'Chidi', dateOfBirth: '1980-05-17', weightKg: 80 };

describe('createDispatcher', () => {
  it('answers an unknown channel with unknown_channel', async () => {
    const { handlers } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    expect(await dispatch(context(ADMIN), 'patient/delete', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_channel' }) });
    expect(await dispatch(context(ADMIN), 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await dispatch(context(ADMIN), 'toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('lets anyone call a public channel, and treats a missing request as {}', async () => {
    const { handlers, calls } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    expect(await dispatch(context(null), 'auth/status', undefined)).toEqual({ ok: true, value: { setupRequired: false, user: null } });
    expect(calls).toEqual([{ channel: 'auth/status', request: {} }]);
  });

  it('refuses a signed-in channel without a user (not_signed_in) before looking at the request', async () => {
    const { handlers, calls } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    expect(await dispatch(context(null), 'patient/create', { nonsense: true })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await dispatch(context(null), 'auth/signOut', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(calls).toEqual([]);
  });

  it('refuses a user without the role (forbidden, naming the roles)', async () => {
    const { handlers, calls } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    expect(await dispatch(context(NURSE), 'user/list', {})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('admin'), params: { roles: 'admin' } },
    });
    expect(await dispatch(context(ADMIN), 'patient/list', {})).toMatchObject({ ok: false, error: { code: 'forbidden', params: { roles: 'nurse,physician' } } });
    expect(calls).toEqual([]);
  });

  it('refuses a malformed request with the field named, without calling the handler', async () => {
    const { handlers, calls } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    expect(await dispatch(context(NURSE), 'patient/create', { ...PATIENT, weightKg: '80' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'weightKg' },
    });
    expect(await dispatch(context(NURSE), 'reading/add', { sessionId: 1, values: { heartRateBpm: 'abc' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', field: 'values.heartRateBpm' },
    });
    expect(calls).toEqual([]);
  });

  it('hands the handler the parsed request (trimmed, defaults applied)', async () => {
    const { handlers, calls } = stubHandlers({ 'reading/add': () => ({}) });
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    await dispatch(context(NURSE), 'patient/create', { ...PATIENT, mrn: ' MRN-1 ' });
    await dispatch(context(NURSE), 'reading/add', { sessionId: 3, values: { heartRateBpm: 70 } });
    expect(calls.map((c) => c.request)).toEqual([PATIENT, { sessionId: 3, values: { heartRateBpm: 70 }, confirmed: [] }]);
  });

  it('returns an AppFailure raised by a service as its error value', async () => {
    const { handlers } = stubHandlers({ 'patient/create': () => fail({ code: 'conflict', message: 'MRN taken', field: 'mrn' }) });
    const logger = createMemoryLogger();
    const dispatch = createDispatcher(handlers, passthroughActs, logger);
    expect(await dispatch(context(NURSE), 'patient/create', PATIENT)).toEqual({ ok: false, error: { code: 'conflict', message: 'MRN taken', field: 'mrn' } });
    expect(logger.errors()).toEqual([]);
  });

  it('turns an unexpected crash into an internal error value and logs it', async () => {
    const { handlers } = stubHandlers({
      'patient/create': () => {
        throw new Error('disk I/O error');
      },
    });
    const logger = createMemoryLogger();
    const dispatch = createDispatcher(handlers, passthroughActs, logger);
    const result = await dispatch(context(NURSE), 'patient/create', PATIENT);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!result.ok && result.error.message).not.toContain('disk I/O');
    expect(logger.errors()).toEqual([
      { level: 'error', message: 'channel failed', detail: { channel: 'patient/create', fault: 'internal', error: expect.stringContaining('disk I/O error') } },
    ]);
  });

  it('names each storage fault, and says "nothing was saved" only for a call that writes', async () => {
    const sqliteError = (code: string) => Object.assign(new Error(code), { code });
    const cases = [
      ['SQLITE_FULL', 'storage_full'],
      ['SQLITE_READONLY_DBMOVED', 'storage_read_only'],
      ['SQLITE_IOERR_WRITE', 'storage_io'],
      ['SQLITE_BUSY', 'storage_busy'],
      ['SQLITE_CORRUPT', 'storage_damaged'],
      ['SQLITE_NOTADB', 'storage_damaged'],
      ['ENOSPC', 'storage_full'],
      ['EROFS', 'storage_read_only'],
      ['EACCES', 'storage_read_only'],
      ['SQLITE_CONSTRAINT_CHECK', 'internal'],
    ] as const;
    for (const [raw, code] of cases) {
      const { handlers } = stubHandlers({
        'patient/create': () => {
          throw sqliteError(raw);
        },
        'patient/list': () => {
          throw sqliteError(raw);
        },
      });
      const logger = createMemoryLogger();
      const dispatch = createDispatcher(handlers, passthroughActs, logger);
      const write = await dispatch(context(NURSE), 'patient/create', PATIENT);
      const read = await dispatch(context(NURSE), 'patient/list', {});
      expect(write, raw).toMatchObject({ ok: false, error: { code, params: { act: 'write' }, message: expect.stringContaining('nothing was saved') } });
      expect(read, raw).toMatchObject({ ok: false, error: { code, params: { act: 'read' } } });
      expect(!read.ok && read.error.message, raw).not.toContain('nothing was saved');
      expect(logger.errors().map((entry) => entry.detail?.code)).toEqual([raw, raw]);
    }
  });

  it('with checkResponses, reports a response that breaks the contract as internal', async () => {
    const { handlers } = stubHandlers({ 'patient/get': () => ({ id: 'not a patient' }) });
    const strict = createDispatcher(handlers, passthroughActs, createMemoryLogger(), { checkResponses: true });
    const lenient = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    expect(await strict(context(NURSE), 'patient/get', { patientId: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await lenient(context(NURSE), 'patient/get', { patientId: 1 })).toEqual({ ok: true, value: { id: 'not a patient' } });
  });
});

/**
 * Who may call each channel, written out by hand: a new channel (or a changed role) fails
 * here until this table says who may use it. C = clinical staff (nurse or physician),
 * P = physician, A = admin, E = protocol editors (physician or admin).
 */
const C = ['nurse', 'physician'] as const;
const P = ['physician'] as const;
const A = ['admin'] as const;
const E = ['physician', 'admin'] as const;
const ROLE_TABLE = {
  'auth/status': 'public',
  'auth/setup': 'public',
  'auth/signIn': 'public',
  'auth/signOut': 'signedIn',
  'auth/choosePin': 'signedIn',
  'user/list': A,
  'user/create': A,
  'user/resetPin': A,
  'user/setActive': A,
  'backup/list': A,
  'backup/run': A,
  'backup/restore': A,
  'patient/list': C,
  'patient/create': C,
  'patient/get': C,
  'patient/history': C,
  'protocol/list': ['nurse', 'physician', 'admin'],
  'protocol/create': E,
  'protocol/revise': E,
  'protocol/retire': E,
  'session/create': C,
  'session/list': C,
  'session/get': C,
  'session/transition': C,
  'dose/order': P,
  'screening/record': C,
  'override/add': P,
  'discharge/assess': C,
  'event/add': C,
  'event/retract': C,
  'reading/add': C,
  'reading/correct': C,
  'reading/annotate': C,
  'alert/list': C,
  'alert/page': C,
  'alert/audioPause': C,
  'alert/resolve': C,
  'alert/acknowledge': C,
  'rules/get': C,
  'rules/set': P,
  'rules/overrideForSession': P,
  'clinic/getConfig': 'signedIn',
  'clinic/setConfig': P,
  'clinic/setChairs': E,
  'clinic/history': 'signedIn',
  'settings/get': 'signedIn',
  'settings/update': P,
  'record/list': ['physician', 'nurse', 'staff'],
  'record/get': ['physician', 'nurse', 'staff'],
  'report/clinic': ['physician', 'nurse', 'staff'],
  'export/session': ['physician', 'nurse', 'staff'],
  'export/clinic': ['physician', 'nurse', 'staff'],
  'audit/verify': A,
  'audit/status': 'signedIn',
  'audit/list': A,
  'reading/page': ['physician', 'nurse'],
  'reading/trend': ['physician', 'nurse'],
  'patient/setDetails': ['physician', 'nurse'],
  'phq9/record': ['physician', 'nurse'],
  'reading/validate': ['physician', 'nurse'],
  'monitor/status': ['physician', 'nurse', 'admin'],
  'monitor/configure': A,
  'device/list': ['physician', 'nurse', 'admin'],
  'chair/list': ['physician', 'nurse', 'admin'],
  'device/bind': A,
  'monitor/held': ['physician', 'nurse'],
  'monitor/assign': ['physician', 'nurse'],
  'monitor/discard': ['physician', 'nurse'],
  'auth/lock': 'signedIn',
  'auth/switchUser': 'signedIn',
  'lock/chairs': C,
} as const satisfies Record<ChannelName, 'public' | 'signedIn' | readonly ('nurse' | 'physician' | 'admin' | 'staff')[]>;

/** Channels that open or change a patient's record: an admin-only account reaches none of them. */
const PATIENT_DATA = CHANNEL_NAMES.filter((name) => /^(patient|session|dose|screening|override|discharge|event|reading|alert|rules|record|report|export|lock)\//.test(name) || /^monitor\/(held|assign|discard)$/.test(name));

describe('the role table', () => {
  const PEOPLE: Record<string, User | null> = {
    anonymous: null,
    nurse: NURSE,
    physician: { id: 3, username: 'phil', displayName: 'Phil Physician', roles: ['physician'] },
    adminOnly: ADMIN,
  };

  it.each(CHANNEL_NAMES)('%s: main lets exactly the roles in the table through', async (channel) => {
    const { handlers } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    const rule: 'public' | 'signedIn' | readonly string[] = ROLE_TABLE[channel];
    for (const [who, user] of Object.entries(PEOPLE)) {
      const allowed = rule === 'public' || (user !== null && (rule === 'signedIn' || user.roles.some((role) => rule.includes(role))));
      const result = await dispatch(context(user), channel, {});
      const denied = !result.ok && (result.error.code === 'not_signed_in' || result.error.code === 'forbidden');
      expect(denied, `${who} on ${channel}`).toBe(!allowed);
    }
  });

  it('keeps an admin-only account away from every channel of patient data', async () => {
    expect(PATIENT_DATA.length).toBeGreaterThan(20);
    const { handlers } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    for (const channel of PATIENT_DATA) expect(await dispatch(context(ADMIN), channel, {}), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets a window signed in with a one-time code do nothing but choose its PIN (or leave)', async () => {
    const { handlers } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    const choosing: HandlerContext = { ...context(NURSE), mustChoosePin: true };
    const open = ['auth/choosePin', 'auth/status', 'auth/signOut', 'auth/signIn'];
    for (const channel of CHANNEL_NAMES) {
      const rule: 'public' | 'signedIn' | readonly string[] = ROLE_TABLE[channel];
      const nurseMay = rule === 'public' || rule === 'signedIn' || rule.includes('nurse');
      const result = await dispatch(choosing, channel, {});
      expect(!result.ok && result.error.code === 'pin_change_required', channel).toBe(nurseMay && !open.includes(channel));
    }
  });

  it('lets a locked window reach only its lock screen: the chairs, unlocking or switching, locking, leaving', async () => {
    const { handlers } = stubHandlers();
    const dispatch = createDispatcher(handlers, passthroughActs, createMemoryLogger());
    const locked: HandlerContext = { ...context(NURSE), locked: true };
    const open = ['auth/status', 'auth/switchUser', 'auth/lock', 'auth/signOut', 'auth/signIn', 'lock/chairs'];
    for (const channel of CHANNEL_NAMES) {
      const rule: 'public' | 'signedIn' | readonly string[] = ROLE_TABLE[channel];
      const nurseMay = rule === 'public' || rule === 'signedIn' || rule.includes('nurse');
      const result = await dispatch(locked, channel, {});
      expect(!result.ok && result.error.code === 'workstation_locked', channel).toBe(nurseMay && !open.includes(channel));
    }
  });
});
