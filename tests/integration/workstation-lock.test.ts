import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLINIC_CONFIG } from '../../shared/domain/clinic-config';
import type { EventName } from '../../shared/contract/events';
import type { User } from '../../shared/domain/user';
import { ManualClock } from '../../src-main/core/clock';
import { openVigilCore, type CoreConnection, type VigilCore } from '../../src-main/core/vigil-core';
import { createMemoryLogger } from '../support/memory-logger';
import { useTempDirs } from '../support/temp-dir';
import { ADMIN, addUser, callErr, callOk, holdTickerInterval, MINUTE, nextTurn, NURSE, openSession, readyToStart, T0, TEST_CHAIRS } from '../support/test-core';

/**
 * The lock and the quick switch, through the contract as a window sees them: main locks an
 * idle window and tells it, a locked window calls and hears only its lock screen, a physician
 * switches in on the nurse's window with a PIN, acknowledges, and hands back.
 */
holdTickerInterval();
const dirs = useTempDirs();

interface Heard {
  name: EventName;
  payload: unknown;
  seq: number;
}

let core: VigilCore;
let logger: ReturnType<typeof createMemoryLogger>;
let idleClock: ManualClock;
let doctor: CoreConnection;
let nurse: CoreConnection;
let nurseUser: User;
let heard: Heard[];
const TEST_CHAIRS_CONFIG = { ...DEFAULT_CLINIC_CONFIG, chairs: TEST_CHAIRS.map((name, index) => ({ id: index + 1, name })) };

beforeEach(async () => {
  idleClock = new ManualClock(0);
  logger = createMemoryLogger();
  core = openVigilCore({ dataDir: dirs.make(), clock: new ManualClock(T0), logger, pinCost: 'test', idleClock, checkResponses: true });
  doctor = core.connect();
  await callOk(doctor, 'auth/setup', { ...ADMIN });
  await callOk(doctor, 'clinic/setChairs', { chairs: TEST_CHAIRS_CONFIG.chairs, reason: 'The chairs of the test clinic' });
  ({ connection: nurse, user: nurseUser } = await addUser(core, doctor, NURSE, ['nurse']));
  heard = [];
  nurse.onEvent((name, payload, seq) => heard.push({ name, payload, seq }));
});
afterEach(() => {
  core.close();
  expect(logger.errors()).toEqual([]);
});

/** A session in infusion with a high SBP alert, charted by the doctor's window. */
async function chairWithHighAlert(): Promise<{ sessionId: number; familyName: string; alertId: number }> {
  const { session, patient } = await openSession(doctor, { patient: { familyName: 'Zabala' } });
  await readyToStart(doctor, session.id);
  await callOk(doctor, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
  const { alerts } = await callOk(doctor, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 80, systolicMmHg: 186, diastolicMmHg: 96, spo2Pct: 97 } });
  const alert = alerts.find((a) => a.ruleId === 'sbp-above-180');
  if (!alert) throw new Error('no SBP alert raised');
  return { sessionId: session.id, familyName: patient.familyName, alertId: alert.id };
}

describe('the workstation lock', () => {
  it("locks an idle window after the clinic's time, tells it, and keeps the nurse signed in; her PIN unlocks, a wrong one does not", async () => {
    await callOk(doctor, 'clinic/setConfig', { config: { ...TEST_CHAIRS_CONFIG, workstationLockMinutes: 5 }, reason: 'Shared workstation by the chairs' });
    idleClock.advance(4 * MINUTE);
    core.sweepIdleWindows();
    expect(heard.filter((e) => e.name === 'auth/changed')).toEqual([]);
    idleClock.advance(MINUTE);
    core.sweepIdleWindows();
    expect(heard.filter((e) => e.name === 'auth/changed')).toEqual([{ name: 'auth/changed', payload: expect.objectContaining({ locked: true, user: nurseUser }), seq: 0 }]);
    expect(await callErr(nurse, 'patient/list', {})).toMatchObject({ code: 'workstation_locked' });
    expect(await callOk(nurse, 'auth/status', {})).toMatchObject({ locked: true, user: nurseUser, handBackTo: null });

    expect(await callErr(nurse, 'auth/switchUser', { username: NURSE.username, pin: '000001' })).toMatchObject({ code: 'bad_credentials' });
    expect(await callErr(nurse, 'patient/list', {})).toMatchObject({ code: 'workstation_locked' });
    expect(await callOk(nurse, 'auth/switchUser', { username: NURSE.username, pin: NURSE.pin })).toMatchObject({ locked: false, user: nurseUser, handBackTo: null });
    expect(await callOk(nurse, 'patient/list', {})).toEqual([]);
    const channels = (core.services.db.prepare('SELECT channel, actor FROM audit_log ORDER BY seq').all() as { channel: string; actor: string }[]).filter((row) => row.channel.startsWith('auth/'));
    expect(channels.slice(-3)).toEqual([
      { channel: 'auth/idleLock', actor: NURSE.username },
      { channel: 'auth/switchUser', actor: NURSE.username },
      { channel: 'auth/switchUser', actor: NURSE.username },
    ]);
  });

  it('locks the window even when the disk refuses the record of it, and the log says so', async () => {
    await callOk(doctor, 'clinic/setConfig', { config: { ...DEFAULT_CLINIC_CONFIG, workstationLockMinutes: 5 }, reason: 'Shared workstation by the chairs' });
    const db = core.services.db;
    const auditRows = () => (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE channel = 'auth/idleLock'").get() as { n: number }).n;
    // The connection refuses every write, as SQLite does on a disk gone read-only.
    db.pragma('query_only = 1');
    idleClock.advance(5 * MINUTE);
    core.sweepIdleWindows();
    db.pragma('query_only = 0');

    expect(await callErr(nurse, 'patient/list', {})).toMatchObject({ code: 'workstation_locked' });
    expect(heard.filter((e) => e.name === 'auth/changed').at(-1)?.payload).toMatchObject({ locked: true });
    const refused = logger.errors().filter((entry) => entry.message.includes('record of it was refused'));
    // Both windows (the doctor's and the nurse's) were idle: each lock is logged on its own.
    expect(refused).toHaveLength(2);
    const nurseLock = refused.find((entry) => entry.detail?.userId === nurseUser.id);
    expect(nurseLock?.detail).toMatchObject({ what: 'auth/idleLock', fault: 'storage_read_only', code: 'SQLITE_READONLY' });
    expect(auditRows()).toBe(0);
    // The expected errors are this test's subject; afterEach checks that nothing else went wrong.
    logger.entries.splice(0);
  });

  it('a locked window hears alerts but no readings or session rows, and its lock screen shows each chair\'s alarm without the patient', async () => {
    await callOk(nurse, 'auth/lock', {});
    const { familyName } = await chairWithHighAlert();
    await nextTurn();
    const names = new Set(heard.map((e) => e.name));
    expect(names.has('alert/changed')).toBe(true);
    expect(names.has('reading/added')).toBe(false);
    expect(names.has('session/updated')).toBe(false);
    expect(names.has('session/changed')).toBe(false);
    const chairs = await callOk(nurse, 'lock/chairs', {});
    expect(chairs).toEqual([
      { sessionId: expect.any(Number), chair: expect.stringMatching(/^Chair /), phase: 'infusing', alert: { priority: 'high', kind: 'physiological', parameter: 'systolicMmHg', acknowledged: false, escalated: false }, activeAlertCount: 1 },
    ]);
    expect(JSON.stringify(chairs)).not.toContain(familyName);
    expect(JSON.stringify(chairs)).not.toContain('186');
    expect(await callErr(nurse, 'session/list', { scope: 'open' })).toMatchObject({ code: 'workstation_locked' });
  });
});

describe('the quick switch', () => {
  it('a physician switches in on the nurse\'s window with one PIN, acknowledges as herself, and hands back; roles follow the user, in main', async () => {
    const { alertId } = await chairWithHighAlert();
    const forDoctor = { config: { ...TEST_CHAIRS_CONFIG, workstationLockMinutes: 10 }, reason: 'Quieter room' };
    expect(await callErr(nurse, 'clinic/setConfig', forDoctor)).toMatchObject({ code: 'forbidden' });
    await callOk(nurse, 'auth/lock', {});

    // A wrong PIN changes nothing: still locked, still the nurse's window.
    expect(await callErr(nurse, 'auth/switchUser', { username: ADMIN.username, pin: '999999' })).toMatchObject({ code: 'bad_credentials' });
    expect(await callOk(nurse, 'auth/status', {})).toMatchObject({ locked: true, user: { username: NURSE.username } });

    const switched = await callOk(nurse, 'auth/switchUser', { username: ADMIN.username, pin: ADMIN.pin });
    expect(switched).toMatchObject({ locked: false, user: { username: ADMIN.username }, handBackTo: { username: NURSE.username, displayName: NURSE.displayName } });
    const acknowledged = await callOk(nurse, 'alert/acknowledge', { alertId });
    expect(acknowledged.acknowledgedByName).toBe(ADMIN.displayName);
    expect(await callOk(nurse, 'clinic/setConfig', forDoctor)).toMatchObject({ config: { workstationLockMinutes: 10 } });

    const back = await callOk(nurse, 'auth/switchUser', { username: NURSE.username, pin: NURSE.pin });
    expect(back).toMatchObject({ locked: false, user: { username: NURSE.username }, handBackTo: null });
    expect(await callErr(nurse, 'clinic/setConfig', forDoctor)).toMatchObject({ code: 'forbidden' });
    const actors = core.services.db.prepare("SELECT actor FROM audit_log WHERE channel = 'alert/acknowledge'").all();
    expect(actors).toEqual([{ actor: ADMIN.username }]);
  });

  it('five wrong PINs on a window lock its switching for a while, as at sign-in', async () => {
    for (let i = 0; i < 5; i++) await callErr(nurse, 'auth/switchUser', { username: ADMIN.username, pin: String(700000 + i) });
    expect(await callErr(nurse, 'auth/switchUser', { username: ADMIN.username, pin: ADMIN.pin })).toMatchObject({ code: 'locked' });
    expect(nurse.user).toMatchObject({ username: NURSE.username });
  });
});
