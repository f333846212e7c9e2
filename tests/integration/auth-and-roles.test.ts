import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, addUser, callErr, callOk, MINUTE, NURSE, newPatient, openRaw, openTestCore, setUpAdmin, signIn, type TestCore } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();
let t: TestCore;

beforeEach(() => {
  t = openTestCore(dirs.make());
});
afterEach(() => {
  t.core.close();
  expect(t.logger.errors()).toEqual([]);
});

describe('first run and sign-in', () => {
  it('reports that setup is needed, publicly, and refuses everything else', async () => {
    const anonymous = t.core.connect();
    expect(await callOk(anonymous, 'auth/status', {})).toEqual({ setupRequired: true, user: null, mustChoosePin: false, locked: false, handBackTo: null });
    expect(await callErr(anonymous, 'patient/list', {})).toMatchObject({ code: 'not_signed_in' });
    expect(await callErr(anonymous, 'user/list', {})).toMatchObject({ code: 'not_signed_in' });
  });

  it('sets up the first user as admin and physician, signed in, exactly once', async () => {
    const { connection, user } = await setUpAdmin(t.core);
    expect(user).toMatchObject({ username: ADMIN.username, displayName: ADMIN.displayName });
    expect([...user.roles].sort()).toEqual(['admin', 'physician']);
    expect(connection.user).toEqual(user);
    expect(await callOk(connection, 'auth/status', {})).toEqual({ setupRequired: false, user, mustChoosePin: false, locked: false, handBackTo: null });
    expect(await callErr(t.core.connect(), 'auth/setup', { username: 'mallory', displayName: 'Mallory', pin: '739104' })).toMatchObject({
      code: 'setup_already_done',
    });

    const raw = openRaw(t.databasePath);
    const rows = raw.prepare('SELECT username, pin_hash FROM users').all() as { username: string; pin_hash: string }[];
    raw.close();
    expect(rows).toEqual([{ username: ADMIN.username, pin_hash: expect.stringMatching(/^scrypt\$/) }]);
    expect(rows[0]?.pin_hash).not.toContain(ADMIN.pin);
  });

  it('signs in with the right PIN and refuses a wrong one or an unknown user alike', async () => {
    await setUpAdmin(t.core);
    const connection = await signIn(t.core, ADMIN.username, ADMIN.pin);
    expect(connection.user?.username).toBe(ADMIN.username);

    const wrongPin = await callErr(t.core.connect(), 'auth/signIn', { username: ADMIN.username, pin: '999999' });
    const unknownUser = await callErr(t.core.connect(), 'auth/signIn', { username: 'nobody', pin: ADMIN.pin });
    expect(wrongPin).toMatchObject({ code: 'bad_credentials', field: 'pin' });
    // The same answer for both, so a username cannot be discovered by guessing.
    expect(unknownUser).toEqual(wrongPin);
  });

  it('locks a username at the fifth wrong PIN (answer: locked), until the lockout has passed', async () => {
    await setUpAdmin(t.core);
    const connection = t.core.connect();
    for (let i = 0; i < 4; i += 1) {
      expect(await callErr(connection, 'auth/signIn', { username: ADMIN.username, pin: '000000' })).toMatchObject({ code: 'bad_credentials' });
    }
    expect(await callErr(connection, 'auth/signIn', { username: ADMIN.username, pin: '000000' })).toMatchObject({ code: 'locked', params: { minutes: 15 } });
    expect(await callErr(connection, 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin })).toMatchObject({
      code: 'locked',
      params: { minutes: 15 },
    });
    expect(connection.user).toBeNull();
    t.clock.advance(15 * MINUTE);
    expect(await callOk(connection, 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin })).toMatchObject({ username: ADMIN.username });
  });

  it('signs out: the connection is anonymous again', async () => {
    const { connection } = await setUpAdmin(t.core);
    expect(await callOk(connection, 'auth/signOut', {})).toEqual({});
    expect(connection.user).toBeNull();
    expect(await callErr(connection, 'patient/list', {})).toMatchObject({ code: 'not_signed_in' });
    expect(await callOk(connection, 'auth/status', {})).toEqual({ setupRequired: false, user: null, mustChoosePin: false, locked: false, handBackTo: null });
  });
});

describe('roles are enforced in main', () => {
  it('an admin creates a nurse, who can chart but cannot manage users', async () => {
    const { connection: admin } = await setUpAdmin(t.core);
    const { user: nurseUser, connection: nurse } = await addUser(t.core, admin, NURSE, ['nurse']);
    expect(nurseUser).toMatchObject({ username: NURSE.username, roles: ['nurse'] });
    expect(await callErr(admin, 'user/create', { username: NURSE.username, displayName: 'Another Nina', roles: ['admin'] })).toMatchObject({
      code: 'conflict',
      field: 'username',
    });

    expect(await callErr(nurse, 'user/list', {})).toMatchObject({ code: 'forbidden', params: { roles: 'admin' } });
    expect(await callErr(nurse, 'user/create', { username: 'sneaky', displayName: 'Sneaky', roles: ['admin'] })).toMatchObject({
      code: 'forbidden',
    });
    const patient = await callOk(nurse, 'patient/create', newPatient());
    expect(await callOk(nurse, 'patient/list', {})).toEqual([patient]);

    const users = await callOk(admin, 'user/list', {});
    expect(users.map((u) => u.username).sort()).toEqual([ADMIN.username, NURSE.username]);
  });

  it('an admin without a clinical role cannot chart', async () => {
    const { connection: admin } = await setUpAdmin(t.core);
    const { connection: itAdmin } = await addUser(t.core, admin, { username: 'it.admin', displayName: 'IT Admin', pin: '864209' }, ['admin']);
    expect(await callOk(itAdmin, 'user/list', {})).toHaveLength(2);
    expect(await callErr(itAdmin, 'patient/create', newPatient())).toMatchObject({ code: 'forbidden', params: { roles: 'nurse,physician' } });
  });
});
