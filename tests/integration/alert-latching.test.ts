import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_SETTINGS } from '../../shared/clinical/alarm-settings';
import type { User } from '../../shared/domain/user';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { activeAlerts, alertEvent, alertTables, chart, infusingSession, physiologicalAlert } from '../support/alert-fixtures';
import { callErr, callOk, countRows, MINUTE, NURSE, openRaw, type TestCore } from '../support/test-core';
import { useDoctorAndNursePerTest } from '../support/staffed-core';

/**
 * Latching (CLINICAL.md section 5): a clinic setting, changed by a physician with a reason.
 * Latched, an alert whose condition cleared stays shown until someone acknowledges it.
 * SpO2 < 92 is medium with a 1 % band: it clears at 93 or more. Baseline SpO2 98.
 */

let t: TestCore;
let doctor: CoreConnection;
let doctorUser: User;
let nurse: CoreConnection;
let nurseUser: User;

useDoctorAndNursePerTest(NURSE, (opened) => ({ t, doctor, doctorUser, nurse, nurseUser } = opened));

const now = () => t.clock.now();
const LATCHING = { ...DEFAULT_ALARM_SETTINGS, latchingAlerts: true };
const latch = () => callOk(doctor, 'settings/update', { settings: LATCHING, reason: 'Clinic policy: alarms latch until seen' });

/** Charts an SpO2 one minute after the last entry; returns the reading id and time. */
async function spo2(sessionId: number, value: number): Promise<{ id: number; at: number }> {
  t.clock.advance(MINUTE);
  const { reading } = await chart(nurse, sessionId, { spo2Pct: value });
  return { id: reading.id, at: now() };
}

describe('the latching setting', () => {
  it('is changed only by a physician, with a reason; settings/get shows who changed it, when and why', async () => {
    expect(await callOk(nurse, 'settings/get', {})).toEqual({ settings: DEFAULT_ALARM_SETTINGS, changedAt: null, changedByName: null, changeReason: null });

    expect(await callErr(nurse, 'settings/update', { settings: LATCHING, reason: 'Nurse wants latching' })).toMatchObject({ code: 'forbidden' });
    expect(await callErr(doctor, 'settings/update', { settings: LATCHING })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(await callErr(doctor, 'settings/update', { settings: LATCHING, reason: '  ' })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(await callErr(doctor, 'settings/update', { settings: { ...LATCHING, audioPauseSeconds: 10 }, reason: 'Too short' })).toMatchObject({
      code: 'invalid_request',
      field: 'settings.audioPauseSeconds',
    });
    expect(await callErr(doctor, 'settings/update', { settings: { ...LATCHING, volume: 11 }, reason: 'Louder' })).toMatchObject({
      code: 'invalid_request',
      field: 'settings.volume',
    });
    expect(countRows(t.databasePath, 'clinic_settings')).toBe(0);

    t.clock.advance(MINUTE);
    const changedAt = now();
    const expected = { settings: LATCHING, changedAt, changedByName: doctorUser.displayName, changeReason: 'Clinic policy: alarms latch until seen' };
    expect(await latch()).toEqual(expected);
    expect(await callOk(nurse, 'settings/get', {})).toEqual(expected);

    const raw = openRaw(t.databasePath);
    const rows = raw.prepare('SELECT settings_json, reason, at, user_id FROM clinic_settings ORDER BY id').all();
    raw.close();
    expect(rows).toEqual([{ settings_json: JSON.stringify(LATCHING), reason: 'Clinic policy: alarms latch until seen', at: changedAt, user_id: doctorUser.id }]);
  });
});

describe('with latching on', () => {
  it('a cleared condition records conditionCleared once; the alert stays active until acknowledged, then resolves acknowledgedAfterClearing', async () => {
    await latch();
    const { session } = await infusingSession(t, nurse);
    const raised = await spo2(session.id, 90);
    await spo2(session.id, 92); // not below 92, but inside the band (92 < 93): nothing yet
    const cleared = await spo2(session.id, 94); // past the band: the condition has cleared
    expect(await activeAlerts(nurse, session.id)).toEqual([expect.objectContaining({ id: 1, state: 'active', conditionClearedAt: cleared.at, acknowledgedAt: null })]);
    await spo2(session.id, 97); // still clear: no second conditionCleared
    expect(await activeAlerts(nurse, session.id)).toEqual([expect.objectContaining({ id: 1, state: 'active', conditionClearedAt: cleared.at })]);

    t.clock.advance(3 * MINUTE);
    const acknowledgedAt = now();
    const acknowledged = await callOk(nurse, 'alert/acknowledge', { alertId: 1, note: 'Seen; SpO2 back to 97 on air' });
    expect(acknowledged).toMatchObject({
      state: 'resolved',
      resolvedReason: 'acknowledgedAfterClearing',
      resolvedAt: acknowledgedAt,
      resolvedByName: nurseUser.displayName,
      acknowledgedAt,
      acknowledgedByName: nurseUser.displayName,
    });
    expect(await activeAlerts(nurse, session.id)).toEqual([]);

    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([physiologicalAlert(1, 'spo2-below-92', { value: 90, threshold: 92, baseline: 98, reading_id: raised.id, raised_at: raised.at })]);
    expect(events).toEqual([
      alertEvent(1, 'conditionCleared', cleared.at),
      alertEvent(1, 'acknowledged', acknowledgedAt, { user_id: nurseUser.id, note: 'Seen; SpO2 back to 97 on air' }),
      alertEvent(1, 'resolved', acknowledgedAt, { user_id: nurseUser.id, note: 'acknowledgedAfterClearing' }),
    ]);
  });

  it('the condition returning before acknowledgement counts as a repeat and clears the latch; clearing again latches again', async () => {
    await latch();
    const { session } = await infusingSession(t, nurse);
    const raised = await spo2(session.id, 90);
    const firstClear = await spo2(session.id, 95);
    const back = await spo2(session.id, 89);
    expect(await activeAlerts(nurse, session.id)).toEqual([expect.objectContaining({ id: 1, count: 2, lastValue: 89, conditionClearedAt: null })]);
    const secondClear = await spo2(session.id, 96);
    expect(await activeAlerts(nurse, session.id)).toEqual([expect.objectContaining({ id: 1, conditionClearedAt: secondClear.at })]);

    t.clock.advance(MINUTE);
    const acknowledgedAt = now();
    expect(await callOk(doctor, 'alert/acknowledge', { alertId: 1 })).toMatchObject({ state: 'resolved', resolvedReason: 'acknowledgedAfterClearing' });

    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([physiologicalAlert(1, 'spo2-below-92', { value: 90, threshold: 92, baseline: 98, reading_id: raised.id, raised_at: raised.at })]);
    expect(events).toEqual([
      alertEvent(1, 'conditionCleared', firstClear.at),
      alertEvent(1, 'repeat', back.at, { value: 89, reading_id: back.id }),
      alertEvent(1, 'conditionCleared', secondClear.at),
      alertEvent(1, 'acknowledged', acknowledgedAt, { user_id: doctorUser.id }),
      alertEvent(1, 'resolved', acknowledgedAt, { user_id: doctorUser.id, note: 'acknowledgedAfterClearing' }),
    ]);
  });

  it('an alert acknowledged while its condition holds resolves as cleared when the condition clears', async () => {
    await latch();
    const { session } = await infusingSession(t, nurse);
    const raised = await spo2(session.id, 90);
    t.clock.advance(MINUTE);
    const acknowledgedAt = now();
    await callOk(nurse, 'alert/acknowledge', { alertId: 1 });
    const cleared = await spo2(session.id, 95);
    expect(await activeAlerts(nurse, session.id)).toEqual([]);

    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([physiologicalAlert(1, 'spo2-below-92', { value: 90, threshold: 92, baseline: 98, reading_id: raised.id, raised_at: raised.at })]);
    expect(events).toEqual([alertEvent(1, 'acknowledged', acknowledgedAt, { user_id: nurseUser.id }), alertEvent(1, 'resolved', cleared.at, { note: 'cleared' })]);
  });
});

describe('with latching off (the default)', () => {
  it('a cleared condition resolves the alert as cleared at once, without conditionCleared', async () => {
    expect((await callOk(nurse, 'settings/get', {})).settings.latchingAlerts).toBe(false);
    const { session } = await infusingSession(t, nurse);
    const raised = await spo2(session.id, 90);
    await spo2(session.id, 92);
    expect(await activeAlerts(nurse, session.id)).toHaveLength(1);
    const cleared = await spo2(session.id, 94);
    expect(await activeAlerts(nurse, session.id)).toEqual([]);

    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([physiologicalAlert(1, 'spo2-below-92', { value: 90, threshold: 92, baseline: 98, reading_id: raised.id, raised_at: raised.at })]);
    expect(events).toEqual([alertEvent(1, 'resolved', cleared.at, { note: 'cleared' })]);
  });

  it('switching latching off leaves an already latched alert shown until the next reading, which resolves it as cleared', async () => {
    await latch();
    const { session } = await infusingSession(t, nurse);
    await spo2(session.id, 90);
    const latched = await spo2(session.id, 94);
    t.clock.advance(MINUTE);
    await callOk(doctor, 'settings/update', { settings: DEFAULT_ALARM_SETTINGS, reason: 'Trial of latching ended' });
    expect(await callOk(nurse, 'settings/get', {})).toMatchObject({ settings: { latchingAlerts: false }, changeReason: 'Trial of latching ended' });
    // The settings change does not re-judge sessions: the latched alert is still shown...
    expect(await activeAlerts(nurse, session.id)).toEqual([expect.objectContaining({ id: 1, conditionClearedAt: latched.at })]);
    // ...until the next reading, which ends it as an ordinary clearing.
    const next = await spo2(session.id, 97);
    expect(await activeAlerts(nurse, session.id)).toEqual([]);
    expect(alertTables(t.databasePath, session.id).events).toEqual([alertEvent(1, 'conditionCleared', latched.at), alertEvent(1, 'resolved', next.at, { note: 'cleared' })]);
  });
});
