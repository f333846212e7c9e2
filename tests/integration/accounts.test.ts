import { describe, expect, it, vi } from 'vitest';
import type { ProtocolFields } from '../../shared/domain/protocol';
import { useDoctorAndNursePerTest } from '../support/staffed-core';
import { ADMIN, addUser, callErr, callOk, countRows, fieldsOf, findProtocol, NURSE, openRaw, openSession, type TestCore } from '../support/test-core';
import type { CoreConnection } from '../../src-main/core/vigil-core';

let t: TestCore;
let doctor: CoreConnection;
let nurse: CoreConnection;
useDoctorAndNursePerTest(NURSE, (opened) => {
  ({ t, doctor, nurse } = opened);
});

const IT = { username: 'it.admin', displayName: 'Ivo Tamm', pin: '913370' };

describe('accounts', () => {
  it('a new account gets a one-time code that only lets its owner choose a PIN; no admin knows it', async () => {
    const { user, oneTimeCode } = await callOk(doctor, 'user/create', { username: 'mo.nurse', displayName: 'Mo', roles: ['nurse'], cosign: { username: ADMIN.username, pin: ADMIN.pin } });
    expect(oneTimeCode).toMatch(/^\d{10}$/);
    expect(user).toMatchObject({ active: true, mustChoosePin: true });
    const mo = t.core.connect();
    expect(await callOk(mo, 'auth/signIn', { username: 'mo.nurse', pin: oneTimeCode })).toMatchObject({ username: 'mo.nurse', mustChoosePin: true });
    expect(await callErr(mo, 'patient/list', {})).toMatchObject({ code: 'pin_change_required' });
    expect(await callErr(mo, 'auth/choosePin', { pin: '123456' })).toMatchObject({ code: 'invalid_request', field: 'pin' });
    expect(await callErr(mo, 'auth/choosePin', { pin: '4821' })).toMatchObject({ code: 'invalid_request', field: 'pin' });
    await callOk(mo, 'auth/choosePin', { pin: '582047' });
    expect(await callOk(mo, 'patient/list', {})).toEqual([]);
    // The code is spent: it no longer signs in.
    expect(await callErr(t.core.connect(), 'auth/signIn', { username: 'mo.nurse', pin: oneTimeCode })).toMatchObject({ code: 'bad_credentials' });
    expect(await callOk(doctor, 'user/list', {})).toContainEqual(expect.objectContaining({ username: 'mo.nurse', mustChoosePin: false, active: true }));
  });

  it('a clinical role needs a physician co-signature; an admin-only account cannot reach patient data by making one', async () => {
    const { connection: itAdmin } = await addUser(t.core, doctor, IT, ['admin']);
    expect(await callErr(itAdmin, 'patient/list', {})).toMatchObject({ code: 'forbidden' });
    expect(await callErr(itAdmin, 'user/create', { username: 'ghost', displayName: 'Ghost', roles: ['physician', 'nurse'] })).toMatchObject({ code: 'invalid_request', field: 'cosign', reason: 'cosign_required' });
    expect(await callErr(itAdmin, 'user/create', { username: 'ghost', displayName: 'Ghost', roles: ['physician'], cosign: { username: ADMIN.username, pin: '480213' } })).toMatchObject({ code: 'bad_credentials' });
    expect(await callErr(itAdmin, 'user/create', { username: 'ghost', displayName: 'Ghost', roles: ['physician'], cosign: { username: NURSE.username, pin: NURSE.pin } })).toMatchObject({ code: 'forbidden', reason: 'cosign_not_physician' });
    expect(await callErr(itAdmin, 'user/create', { username: 'ghost', displayName: 'Ghost', roles: ['physician'], cosign: { username: IT.username, pin: IT.pin } })).toMatchObject({ code: 'forbidden', reason: 'cosign_not_physician' });
    expect((await callOk(doctor, 'user/list', {})).map((u) => u.username)).not.toContain('ghost');
    // The failed co-signatures are in the audit trail, with who tried.
    const db = openRaw(t.databasePath);
    const refused = db.prepare("SELECT actor, outcome FROM audit_log WHERE channel = 'user/create' AND outcome <> 'ok'").all();
    db.close();
    expect(refused).toEqual(expect.arrayContaining([{ actor: IT.username, outcome: 'bad_credentials' }, { actor: IT.username, outcome: 'forbidden' }]));
  });

  it('admins disable, re-enable and reset accounts; nothing is deleted and every change is a new version', async () => {
    const nurseUser = (await callOk(doctor, 'user/list', {})).find((u) => u.username === NURSE.username);
    const id = nurseUser?.id ?? 0;
    const versionsBefore = countRows(t.databasePath, 'user_versions');
    expect(await callOk(doctor, 'user/setActive', { userId: id, active: false, reason: 'Left the clinic' })).toMatchObject({ active: false });
    // The nurse's open window is signed out at its next call; a new sign-in is refused.
    expect(await callErr(nurse, 'patient/list', {})).toMatchObject({ code: 'not_signed_in' });
    expect(await callErr(t.core.connect(), 'auth/signIn', { username: NURSE.username, pin: NURSE.pin })).toMatchObject({ code: 'forbidden', reason: 'account_disabled' });
    await callOk(doctor, 'user/setActive', { userId: id, active: true, reason: 'Back from leave' });
    expect(await callOk(t.core.connect(), 'auth/signIn', { username: NURSE.username, pin: NURSE.pin })).toMatchObject({ username: NURSE.username });
    const { oneTimeCode } = await callOk(doctor, 'user/resetPin', { userId: id, reason: 'Forgot PIN' });
    expect(await callErr(t.core.connect(), 'auth/signIn', { username: NURSE.username, pin: NURSE.pin })).toMatchObject({ code: 'bad_credentials' });
    expect(await callOk(t.core.connect(), 'auth/signIn', { username: NURSE.username, pin: oneTimeCode })).toMatchObject({ mustChoosePin: true });
    expect(await callErr(doctor, 'user/setActive', { userId: 1, active: false, reason: 'oops' })).toMatchObject({ reason: 'cannot_disable_self' });
    expect(countRows(t.databasePath, 'user_versions')).toBe(versionsBefore + 3);
    expect(countRows(t.databasePath, 'users')).toBe(2);
  });

  it('a role granted by editing the file is not honoured at sign-in', async () => {
    const db = openRaw(t.databasePath);
    db.exec('DROP TRIGGER user_versions_no_update');
    db.prepare(`UPDATE user_versions SET roles_json = '["nurse","physician","admin"]' WHERE user_id = (SELECT id FROM users WHERE username = ?)`).run(NURSE.username);
    db.close();
    expect(await callErr(t.core.connect(), 'auth/signIn', { username: NURSE.username, pin: NURSE.pin })).toMatchObject({ code: 'forbidden', reason: 'account_tampered' });
    // That sign-in's act also noticed another program's commit: the record is checked now, and the administrator warned.
    await vi.waitFor(async () => expect(await callOk(doctor, 'audit/status', {})).toMatchObject({ state: 'broken', firstBreak: { table: 'user_versions' } }));
    const expected = ['the record file was changed by another program while Vigil ran: checking it against its audit trail now', 'the record does not match its audit trail'];
    expect(t.logger.errors().map((entry) => entry.message)).toEqual(expected);
    t.logger.entries.splice(0);
  });

  it("an admin changes a protocol's dose or limits only with a physician's co-signature; a physician signs by their own call", async () => {
    const { connection: itAdmin } = await addUser(t.core, doctor, IT, ['admin']);
    const standard = await findProtocol(doctor);
    const higher: ProtocolFields = { ...fieldsOf(standard), dosePerKg: 0.6, softMaxPerKg: 0.8 };
    expect(await callErr(itAdmin, 'protocol/revise', { protocolId: standard.id, fields: higher })).toMatchObject({ code: 'invalid_request', reason: 'cosign_required' });
    expect(await callErr(itAdmin, 'protocol/create', { ...fieldsOf(standard), name: 'IT special' })).toMatchObject({ reason: 'cosign_required' });
    // A new name alone is not a dose change.
    const renamed = await callOk(itAdmin, 'protocol/revise', { protocolId: standard.id, fields: { ...fieldsOf(standard), name: 'Depression — standard (adult)' } });
    const revised = await callOk(itAdmin, 'protocol/revise', { protocolId: renamed.id, fields: { ...higher, name: renamed.name }, cosign: { username: ADMIN.username, pin: ADMIN.pin } });
    expect(revised.dosePerKg).toBe(0.6);
    expect((await callOk(doctor, 'protocol/revise', { protocolId: revised.id, fields: { ...fieldsOf(revised), dosePerKg: 0.5 } })).dosePerKg).toBe(0.5);
  });

  it("a nurse cannot retract a physician's medication entry; the physician can", async () => {
    const { session } = await openSession(doctor);
    const medication = await callOk(doctor, 'event/add', { sessionId: session.id, event: { kind: 'medication', name: 'Ondansetron', dose: 4, unit: 'mg', route: 'IV' } });
    expect(await callErr(nurse, 'event/retract', { eventId: medication.id, reason: 'Not given' })).toMatchObject({ code: 'forbidden', reason: 'retract_needs_physician' });
    expect((await callOk(doctor, 'event/retract', { eventId: medication.id, reason: 'Charted twice' })).retraction).toMatchObject({ reason: 'Charted twice' });
  });
});
