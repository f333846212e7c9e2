import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, CHANNELS, type ChannelName } from '../../../shared/contract/channels';
import type { AppError } from '../../../shared/result';
import { describeZodError } from '../../../src-main/core/dispatcher';

/** Parses a request as the dispatcher does and returns the error value it would send back (null if accepted). */
function refusal(channel: ChannelName, request: unknown): AppError | null {
  const parsed = CHANNELS[channel].request.safeParse(request);
  return parsed.success ? null : describeZodError(parsed.error);
}

const PATIENT = { mrn: 'MRN-100', familyName: 'Okafor', givenName: 'Chidi', dateOfBirth: '1980-05-17', weightKg: 80 };
const { mrn: _mrn, ...PATIENT_WITHOUT_MRN } = PATIENT;

describe('contract request schemas name the offending field', () => {
  it('name every refused field at once: the first as the error, the others in `also`, one each', () => {
    const refused = refusal('patient/create', { ...PATIENT, mrn: '', familyName: '   ', dateOfBirth: '17/05/1980', weightKg: '80' });
    expect(refused).toMatchObject({ code: 'invalid_request', field: 'mrn' });
    expect(refused?.also?.map((other) => other.field)).toEqual(['familyName', 'dateOfBirth', 'weightKg']);
    for (const other of refused?.also ?? []) expect(other).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(other.field ?? '?') });
    // One refused field: no `also`.
    expect(refusal('patient/create', { ...PATIENT, weightKg: '80' })).not.toHaveProperty('also');
  });

  it('accepts a well-formed patient', () => {
    expect(refusal('patient/create', PATIENT)).toBeNull();
  });

  it.each([
    ['a missing mrn', PATIENT_WITHOUT_MRN, 'mrn'],
    ['an MRN with spaces', { ...PATIENT, mrn: 'MRN 100' }, 'mrn'],
    ['a date of birth as DD/MM/YYYY', { ...PATIENT, dateOfBirth: '17/05/1980' }, 'dateOfBirth'],
    ['an impossible calendar date', { ...PATIENT, dateOfBirth: '1980-02-30' }, 'dateOfBirth'],
    ['weightKg as a string', { ...PATIENT, weightKg: '80' }, 'weightKg'],
    ['weightKg as NaN', { ...PATIENT, weightKg: Number.NaN }, 'weightKg'],
    ['an empty family name', { ...PATIENT, familyName: '   ' }, 'familyName'],
  ])('patient/create refuses %s', (_label, request, field) => {
    expect(refusal('patient/create', request)).toMatchObject({ code: 'invalid_request', field, message: expect.stringContaining(field) });
  });

  it('patient/create says how to write a date of birth', () => {
    expect(refusal('patient/create', { ...PATIENT, dateOfBirth: '17/05/1980' })?.message).toContain('YYYY-MM-DD');
  });

  it('patient/create refuses an unknown extra key and names it', () => {
    const error = refusal('patient/create', { ...PATIENT, nickname: 'Chi' });
    expect(error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('nickname') });
    // The key is the offending input; without `field` the form cannot point at it.
    expect(error?.field).toBe('nickname');
  });

  it('reading/add refuses a non-numeric vital and names it by its path', () => {
    expect(refusal('reading/add', { sessionId: 1, values: { heartRateBpm: 'abc' } })).toMatchObject({
      code: 'invalid_request',
      field: 'values.heartRateBpm',
    });
  });

  it('reading/add refuses an unknown vital key rather than silently dropping the value', () => {
    // A misspelled key (an old client, a typo) must not make a charted value vanish.
    const error = refusal('reading/add', { sessionId: 1, values: { heartRateBpm: 72, spo2: 95 } });
    expect(error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('spo2') });
    expect(error?.field).toMatch(/^values/);
  });

  it.each([
    ['a confirmed parameter that does not exist', { sessionId: 1, values: { heartRateBpm: 30 }, confirmed: ['pulse'] }, 'confirmed.0'],
    ['a session id of 0', { sessionId: 0, values: { heartRateBpm: 72 } }, 'sessionId'],
    ['a negative observed time', { sessionId: 1, observedAt: -5, values: { heartRateBpm: 72 } }, 'observedAt'],
    ['an infinite value', { sessionId: 1, values: { spo2Pct: Number.POSITIVE_INFINITY } }, 'values.spo2Pct'],
  ])('reading/add refuses %s', (_label, request, field) => {
    expect(refusal('reading/add', request)).toMatchObject({ code: 'invalid_request', field });
  });

  it('reading/add fills confirmed with an empty list', () => {
    const parsed = CHANNELS['reading/add'].request.safeParse({ sessionId: 1, values: { heartRateBpm: 72 } });
    expect(parsed.success && parsed.data.confirmed).toEqual([]);
  });

  it.each([
    ['session/transition', { sessionId: 1, action: 'explode' }, 'action'],
    ['session/transition', { sessionId: 1, action: 'abort', reason: 'no' }, 'reason'],
    ['session/create', { patientId: 1, chair: '' }, 'chair'],
    ['session/create', { patientId: 1, chair: 'Chair 1', plannedInfusionMinutes: 0 }, 'plannedInfusionMinutes'],
    ['user/create', { username: 'nn', displayName: 'N', roles: ['nurse'], pin: '12a4' }, 'pin'],
    ['user/create', { username: 'nn', displayName: 'N', roles: [], pin: '1234' }, 'roles'],
    ['user/create', { username: 'nn', displayName: 'N', roles: ['janitor'], pin: '1234' }, 'roles.0'],
    ['auth/setup', { username: 'A B', displayName: 'Ada', pin: '1234' }, 'username'],
    ['alert/acknowledge', { alertId: 'one' }, 'alertId'],
    ['alert/list', { state: 'some' }, 'state'],
    ['session/list', { scope: 'everything' }, 'scope'],
  ] as const)('%s refuses %o naming %s', (channel, request, field) => {
    expect(refusal(channel, request)).toMatchObject({ code: 'invalid_request', field });
  });

  it.each(CHANNEL_NAMES)('%s is strict: an unknown key is refused', (channel) => {
    const parsed = CHANNELS[channel].request.safeParse({ unexpectedKey: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
  });

  it('normalises what people type: usernames to lower case, MRNs trimmed', () => {
    const user = CHANNELS['auth/signIn'].request.parse({ username: 'Ada.Admin', pin: '1234' });
    expect(user.username).toBe('ada.admin');
    const patient = CHANNELS['patient/create'].request.parse({ ...PATIENT, mrn: '  MRN-100 ' });
    expect(patient.mrn).toBe('MRN-100');
  });
});
