import { describe, expect, it } from 'vitest';
import { CLINIC_CHAIRS_MAX_COUNT } from '../../shared/domain/clinic-chairs';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { useTempDirs } from '../support/temp-dir';
import { addUser, callErr, callOk, countRows, findProtocol, holdTickerInterval, newPatient, NURSE, openRaw, openTestCore, setUpAdmin, signIn, ADMIN } from '../support/test-core';

holdTickerInterval();
const dirs = useTempDirs();

const chairs = (...names: string[]) => names.map((name, index) => ({ id: index + 1, name }));

async function openIn(connection: CoreConnection, chair: string, mrn: string) {
  const protocol = await findProtocol(connection);
  const patient = await callOk(connection, 'patient/create', newPatient({ mrn }));
  return callOk(connection, 'session/create', { patientId: patient.id, chair, protocolId: protocol.id });
}

describe('the clinic chair registry', () => {
  it('a new clinic has no chairs until an admin adds them; sessions and monitor bindings take only registered chairs, in its spelling', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection: admin } = await setUpAdmin(t.core, { chairs: false });
      const nurse = (await addUser(t.core, admin, NURSE, ['nurse'])).connection;
      expect(await callOk(nurse, 'chair/list', {})).toEqual([]);
      const refused = await callErr(nurse, 'session/create', { patientId: (await callOk(nurse, 'patient/create', newPatient())).id, chair: 'Chair 1' });
      expect(refused).toMatchObject({ code: 'invalid_request', field: 'chair', reason: 'unknown_chair', params: { chair: 'Chair 1' } });
      expect(countRows(t.databasePath, 'sessions')).toBe(0);

      expect(await callErr(nurse, 'clinic/setChairs', { chairs: chairs('Chair 1'), reason: 'Our room' })).toMatchObject({ code: 'forbidden' });
      const saved = await callOk(admin, 'clinic/setChairs', { chairs: chairs('Chair 10', 'Chair 2', 'Chair 1'), reason: 'The recovery room opened' });
      expect(saved.config.chairs.map((chair) => chair.name)).toEqual(['Chair 10', 'Chair 2', 'Chair 1']);
      expect(saved.source).toMatchObject({ reason: 'The recovery room opened', userName: ADMIN.displayName });
      // chair/list counts them as a person does, whatever order the admin keeps them in.
      expect(await callOk(nurse, 'chair/list', {})).toEqual(['Chair 1', 'Chair 2', 'Chair 10']);
      // The change is audited like every clinic setting.
      expect((await callOk(admin, 'audit/list', { channel: 'clinic/setChairs', limit: 10 })).map((entry) => entry.outcome)).toEqual(['ok']);

      // A monitor can be bound to a chair that has never had a session.
      await callOk(admin, 'device/bind', { deviceId: '0012345678ABCDEF', chair: 'chair 10 ' });
      expect((await callOk(admin, 'device/list', {}))[0]).toMatchObject({ deviceId: '0012345678ABCDEF', chair: 'Chair 10' });
      expect(await openIn(nurse, 'CHAIR 2', 'REG-1')).toMatchObject({ chair: 'Chair 2' });
    } finally {
      t.core.close();
    }
  });

  it('refuses an empty or duplicate name and more than the max count, by field, writing nothing', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection: admin } = await setUpAdmin(t.core, { chairs: false });
      const before = countRows(t.databasePath, 'clinic_config');
      expect(await callErr(admin, 'clinic/setChairs', { chairs: chairs('Chair 1', '  '), reason: 'Typo' })).toMatchObject({ code: 'invalid_request', field: 'chairs.1.name' });
      expect(await callErr(admin, 'clinic/setChairs', { chairs: chairs('Chair 1', 'chair 1 '), reason: 'Typo' })).toMatchObject({ code: 'invalid_request', field: 'chairs.1.name' });
      const tooMany = Array.from({ length: CLINIC_CHAIRS_MAX_COUNT + 1 }, (_, index) => `Chair ${index + 1}`);
      expect(await callErr(admin, 'clinic/setChairs', { chairs: chairs(...tooMany), reason: 'Typo' })).toMatchObject({ code: 'invalid_request', field: 'chairs' });
      const config = (await callOk(admin, 'clinic/getConfig', {})).config;
      expect(await callErr(admin, 'clinic/setConfig', { config: { ...config, chairs: chairs('A', 'a') }, reason: 'Typo' })).toMatchObject({ code: 'invalid_request', field: 'config.chairs.1.name' });
      expect(countRows(t.databasePath, 'clinic_config')).toBe(before);
    } finally {
      t.core.close();
    }
  });

  it('keeps a chair that an open session or a bound monitor needs; a rename carries the monitor with it', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection: admin } = await setUpAdmin(t.core, { chairs: false });
      await callOk(admin, 'clinic/setChairs', { chairs: chairs('Chair 1', 'Chair 2', 'Chair 3'), reason: 'Our room' });
      const session = await openIn(admin, 'Chair 1', 'REG-2');
      await callOk(admin, 'device/bind', { deviceId: 'MON-2', chair: 'Chair 2' });
      const before = countRows(t.databasePath, 'clinic_config');

      expect(await callErr(admin, 'clinic/setChairs', { chairs: [{ id: 2, name: 'Chair 2' }, { id: 3, name: 'Chair 3' }], reason: 'Moved out' })).toMatchObject({
        code: 'conflict',
        field: 'chairs',
        reason: 'chair_remove_open_session',
        params: { chair: 'Chair 1' },
      });
      expect(await callErr(admin, 'clinic/setChairs', { chairs: [{ id: 1, name: 'Bay 1' }, { id: 2, name: 'Chair 2' }, { id: 3, name: 'Chair 3' }], reason: 'Renamed' })).toMatchObject({
        code: 'conflict',
        field: 'chairs.0.name',
        reason: 'chair_rename_open_session',
      });
      expect(await callErr(admin, 'clinic/setChairs', { chairs: [{ id: 1, name: 'Chair 1' }, { id: 3, name: 'Chair 3' }], reason: 'Moved out' })).toMatchObject({
        code: 'conflict',
        reason: 'chair_remove_bound_monitor',
        params: { chair: 'Chair 2', deviceId: 'MON-2' },
      });
      expect(countRows(t.databasePath, 'clinic_config')).toBe(before);

      // Same id, new name: the monitor follows; the free chair goes; reordering is kept as the admin left it.
      await callOk(admin, 'clinic/setChairs', { chairs: [{ id: 2, name: 'Recliner 2' }, { id: 1, name: 'Chair 1' }], reason: 'New recliners' });
      expect(await callOk(admin, 'chair/list', {})).toEqual(['Chair 1', 'Recliner 2']);
      expect((await callOk(admin, 'device/list', {})).find((device) => device.deviceId === 'MON-2')).toMatchObject({ chair: 'Recliner 2' });
      expect(await callErr(admin, 'session/create', { patientId: (await callOk(admin, 'patient/create', newPatient())).id, chair: 'Chair 3' })).toMatchObject({ reason: 'unknown_chair' });

      // Once the session is over its chair may go; its record keeps the chair's name.
      await callOk(admin, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Patient declined' });
      await callOk(admin, 'clinic/setChairs', { chairs: [{ id: 2, name: 'Recliner 2' }], reason: 'Chair 1 sent for repair' });
      expect((await callOk(admin, 'session/get', { sessionId: session.id })).session.chair).toBe('Chair 1');
    } finally {
      t.core.close();
    }
  });

  it('a clinic from before the registry keeps every chair already used (sessions, monitors) until an admin saves its own list', async () => {
    const t = openTestCore(dirs.make());
    const { connection: admin } = await setUpAdmin(t.core);
    await openIn(admin, 'Chair 10', 'OLD-1');
    await openIn(admin, 'Chair 2', 'OLD-2');
    await callOk(admin, 'device/bind', { deviceId: 'MON-9', chair: 'Chair 9' });
    const config = (await callOk(admin, 'clinic/getConfig', {})).config;
    t.core.close();
    // A version as the release before the registry stored it: no chairs at all.
    const raw = openRaw(t.databasePath);
    const { chairs: _chairs, ...older } = config;
    raw.prepare('INSERT INTO clinic_config (config_json, reason, at, user_id) VALUES (?, ?, ?, 1)').run(JSON.stringify(older), 'Stored by the previous release', t.clock.now());
    raw.close();

    const reopened = openTestCore(t.dataDir, t.clock);
    try {
      const again = await signIn(reopened.core, ADMIN.username, ADMIN.pin);
      expect(await callOk(again, 'chair/list', {})).toEqual(['Chair 2', 'Chair 9', 'Chair 10']);
      expect((await callOk(again, 'clinic/history', {})).clinic[0]?.value.chairs.map((chair) => chair.name)).toEqual(['Chair 2', 'Chair 9', 'Chair 10']);
      await callOk(again, 'session/transition', { sessionId: (await callOk(again, 'session/list', { scope: 'open' }))[0]?.session.id ?? 0, action: 'abort', reason: 'Moved' });
      expect(await openIn(again, 'Chair 9', 'OLD-3')).toMatchObject({ chair: 'Chair 9' });
      expect(await callErr(again, 'session/create', { patientId: (await callOk(again, 'patient/create', newPatient())).id, chair: 'Chair 1' })).toMatchObject({ reason: 'unknown_chair' });
    } finally {
      reopened.core.close();
    }
  });
});
