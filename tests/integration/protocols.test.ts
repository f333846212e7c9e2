import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOLS } from '../../shared/clinical/protocol-defaults';
import type { Protocol } from '../../shared/domain/protocol';
import { ManualClock } from '../../src-main/core/clock';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import {
  ADMIN,
  callErr,
  callOk,
  countRows,
  fieldsOf,
  findProtocol,
  holdTickerInterval,
  MINUTE,
  newPatient,
  NURSE,
  openRaw,
  openSession,
  openTestCore,
  readyToStart,
  setUpAdmin,
  signIn,
  STANDARD_PROTOCOL,
  type TestCore,
} from '../support/test-core';
import { useDoctorAndNurse } from '../support/staffed-core';
import { useTempDirs } from '../support/temp-dir';

holdTickerInterval();

function rawProtocol(databasePath: string, id: number): Record<string, unknown> {
  const raw = openRaw(databasePath);
  try {
    return raw.prepare('SELECT * FROM protocols WHERE id = ?').get(id) as Record<string, unknown>;
  } finally {
    raw.close();
  }
}

describe('the seeded protocols', () => {
  const dirs = useTempDirs();

  it('exist once each, as version 1 of their own family, and a reopened file is not seeded again', async () => {
    const dataDir = dirs.make();
    const first = openTestCore(dataDir);
    const { connection } = await setUpAdmin(first.core);
    const seeded = await callOk(connection, 'protocol/list', {});
    expect(seeded.map((p) => p.name)).toEqual([STANDARD_PROTOCOL, 'Chronic pain (CRPS) — per hour']);
    for (const protocol of seeded) {
      expect(protocol).toMatchObject({ familyId: protocol.id, version: 1, retired: false });
      expect(fieldsOf(protocol)).toEqual(DEFAULT_PROTOCOLS.find((d) => d.name === protocol.name));
    }
    expect(countRows(first.databasePath, 'protocols')).toBe(2);
    first.core.close();
    expect(first.logger.errors()).toEqual([]);

    const second = openTestCore(dataDir, new ManualClock(first.clock.now() + 60 * MINUTE));
    try {
      expect(countRows(second.databasePath, 'protocols')).toBe(2);
      const again = await signIn(second.core, ADMIN.username, ADMIN.pin);
      expect(await callOk(again, 'protocol/list', { includeRetired: true })).toEqual(seeded);
    } finally {
      second.core.close();
    }
    expect(second.logger.errors()).toEqual([]);
  });
});

describe('versions, retirement and roles', () => {
  let t: TestCore;
  let physician: CoreConnection;
  let nurse: CoreConnection;
  useDoctorAndNurse(NURSE, (opened) => ({ t, doctor: physician, nurse } = opened));

  /** A protocol family of its own for one test, so tests do not revise each other's. */
  async function freshFamily(name: string): Promise<Protocol> {
    const standard = await findProtocol(physician);
    return callOk(physician, 'protocol/create', { ...fieldsOf(standard), name });
  }

  it('saves an edit as the next version of the same family; the old row is untouched and a session keeps its version', async () => {
    const v1 = await freshFamily('Depression — revised');
    const v1Row = rawProtocol(t.databasePath, v1.id);
    const { session: onV1 } = await openSession(nurse, { protocolId: v1.id });

    t.clock.advance(MINUTE);
    const v2 = await callOk(physician, 'protocol/revise', { protocolId: v1.id, fields: { ...fieldsOf(v1), dosePerKg: 0.6, softMaxPerKg: 0.9 } });
    expect(v2).toMatchObject({ familyId: v1.id, version: 2, retired: false, name: v1.name, dosePerKg: 0.6, softMaxPerKg: 0.9, createdAt: t.clock.now() });
    expect(v2.id).not.toBe(v1.id);
    expect(rawProtocol(t.databasePath, v1.id)).toEqual(v1Row);
    // The list shows the family once, at its current version.
    expect((await callOk(nurse, 'protocol/list', {})).filter((p) => p.familyId === v1.id)).toEqual([v2]);

    // The session opened under v1 stays on v1: its protocol, its standing order, its limits.
    const detail = await callOk(nurse, 'session/get', { sessionId: onV1.id });
    expect(detail.protocol).toEqual(v1);
    expect(detail.doseOrder).toMatchObject({ protocolId: v1.id, dosePerKg: 0.5, totalDoseMg: 40 });
    expect(await callErr(physician, 'dose/order', { sessionId: onV1.id, dosePerKg: 0.8 })).toMatchObject({ code: 'override_required', params: { limit: 0.75 } });

    // A new session runs under v2.
    const { session: onV2 } = await openSession(nurse, { protocolId: v2.id });
    expect((await callOk(nurse, 'session/get', { sessionId: onV2.id })).doseOrder).toMatchObject({ protocolId: v2.id, dosePerKg: 0.6, totalDoseMg: 48, rateMlPerHour: 72 });
    expect((await callOk(physician, 'dose/order', { sessionId: onV2.id, dosePerKg: 0.8 })).doseOrder).toMatchObject({ limitVerdict: 'within' });

    // An edit made on an old version would silently undo the newer one: refused, nothing written.
    const protocolRows = countRows(t.databasePath, 'protocols');
    expect(await callErr(physician, 'protocol/revise', { protocolId: v1.id, fields: { ...fieldsOf(v1), minimumRecoveryMinutes: 90 } })).toMatchObject({
      code: 'conflict',
      reason: 'protocol_outdated',
      field: 'protocolId',
    });
    expect(countRows(t.databasePath, 'protocols')).toBe(protocolRows);
    const v3 = await callOk(physician, 'protocol/revise', { protocolId: v2.id, fields: { ...fieldsOf(v2), minimumRecoveryMinutes: 90 } });
    expect(v3).toMatchObject({ familyId: v1.id, version: 3, minimumRecoveryMinutes: 90 });
  });

  it('opens sessions only on the current, unretired version (protocol_outdated), writing nothing', async () => {
    const v1 = await freshFamily('Depression — to retire');
    const { session: beforeRetirement } = await openSession(nurse, { protocolId: v1.id });
    const v2 = await callOk(physician, 'protocol/revise', { protocolId: v1.id, fields: { ...fieldsOf(v1), durationMinutes: 60 } });
    const patient = await callOk(nurse, 'patient/create', newPatient());
    const sessions = () => countRows(t.databasePath, 'sessions');
    const before = sessions();

    expect(await callErr(nurse, 'session/create', { patientId: patient.id, chair: 'Chair R', protocolId: v1.id })).toMatchObject({
      code: 'conflict',
      field: 'protocolId',
      reason: 'protocol_outdated',
    });

    const retired = await callOk(physician, 'protocol/retire', { protocolId: v2.id });
    expect(retired).toMatchObject({ familyId: v1.id, version: 3, retired: true, durationMinutes: 60 });
    expect((await callOk(nurse, 'protocol/list', {})).some((p) => p.familyId === v1.id)).toBe(false);
    expect((await callOk(nurse, 'protocol/list', { includeRetired: true })).filter((p) => p.familyId === v1.id)).toEqual([retired]);

    for (const protocolId of [v1.id, v2.id, retired.id]) {
      expect(await callErr(nurse, 'session/create', { patientId: patient.id, chair: 'Chair R', protocolId })).toMatchObject({
        code: 'conflict',
        reason: 'protocol_outdated',
      });
    }
    expect(await callErr(nurse, 'session/create', { patientId: patient.id, chair: 'Chair R', protocolId: 999_999 })).toMatchObject({ code: 'not_found', field: 'protocolId' });
    expect(sessions()).toBe(before);
    expect(await callErr(physician, 'protocol/revise', { protocolId: v2.id, fields: fieldsOf(v2) })).toMatchObject({ code: 'conflict', reason: 'protocol_retired' });
    expect(await callErr(physician, 'protocol/retire', { protocolId: v1.id })).toMatchObject({ code: 'conflict', reason: 'protocol_retired' });

    // A session opened before the retirement still runs under the version it was opened on.
    await readyToStart(nurse, beforeRetirement.id);
    const started = await callOk(nurse, 'session/transition', { sessionId: beforeRetirement.id, action: 'startInfusion' });
    expect(started.session).toMatchObject({ protocolId: v1.id, phase: 'infusing', plannedInfusionMinutes: 40 });
  });

  it('is edited by physicians and admins only: a nurse may list but not create, revise or retire', async () => {
    const standard = await findProtocol(nurse);
    const before = countRows(t.databasePath, 'protocols');
    for (const [channel, request] of [
      ['protocol/create', { ...fieldsOf(standard), name: 'Nurse-made' }],
      ['protocol/revise', { protocolId: standard.id, fields: { ...fieldsOf(standard), dosePerKg: 0.7 } }],
      ['protocol/retire', { protocolId: standard.id }],
    ] as const) {
      expect(await callErr(nurse, channel, request)).toMatchObject({ code: 'forbidden', params: { roles: 'physician,admin' } });
    }
    expect(countRows(t.databasePath, 'protocols')).toBe(before);
  });

  it('refuses a dose outside its own soft limits and limits out of order, naming the field, and writes nothing', async () => {
    const standard = fieldsOf(await findProtocol(physician));
    const before = countRows(t.databasePath, 'protocols');
    const cases = [
      [{ dosePerKg: 0.8 }, 'dosePerKg'],
      [{ dosePerKg: 0.08 }, 'dosePerKg'],
      [{ hardMinPerKg: 0.2 }, 'hardMinPerKg'],
      [{ softMaxPerKg: 1.2 }, 'softMaxPerKg'],
      [{ hardMaxPerKg: 0.7 }, 'softMaxPerKg'],
      [{ softMinPerKg: 0 }, 'softMinPerKg'],
    ] as const;
    for (const [change, field] of cases) {
      const fields = { ...standard, name: 'Out of order', ...change };
      expect(await callErr(physician, 'protocol/create', fields), JSON.stringify(change)).toMatchObject({ code: 'invalid_request', field });
      const current = await findProtocol(physician);
      expect(await callErr(physician, 'protocol/revise', { protocolId: current.id, fields }), JSON.stringify(change)).toMatchObject({
        code: 'invalid_request',
        field: `fields.${field}`,
      });
    }
    expect(countRows(t.databasePath, 'protocols')).toBe(before);
  });

  it('is guarded by the file itself: a row with limits out of order is refused', () => {
    const raw = openRaw(t.databasePath);
    try {
      const insert = raw.prepare(
        `INSERT INTO protocols (family_id, version, name, drug, order_kind, dose_per_kg, duration_minutes, concentration_mg_per_ml,
           infusion_interval_minutes, recovery_interval_minutes, minimum_recovery_minutes,
           soft_min_per_kg, soft_max_per_kg, hard_min_per_kg, hard_max_per_kg, retired, created_at)
         VALUES (NULL, 1, 'Raw', 'Ketamine', 'perKgTotal', ?, 40, 1, 5, 15, 60, 0.1, 0.75, ?, ?, 0, 0)`,
      );
      expect(() => insert.run(0.9, 0.05, 1)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(0.5, 0.2, 1)).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(0.5, 0.05, 0.6)).toThrow(/CHECK constraint failed/);
    } finally {
      raw.close();
    }
  });
});
