import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_SETTINGS } from '../../shared/clinical/alarm-settings';
import type { Alert } from '../../shared/domain/alert';
import type { User } from '../../shared/domain/user';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { alertEvent, alertTables, chart, infusingSession, listen } from '../support/alert-fixtures';
import { addUser, callErr, callOk, countRows, holdTickerInterval, MINUTE, NURSE, openTestCore, setUpAdmin, signIn, type TestCore } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

/**
 * Who may act on alerts (clinical staff: nurse or physician; not an administrator), and who
 * hears about them: every signed-in clinical connection gets 'alert/changed' for each state
 * change; an admin-only connection gets no events at all (events carry patient data).
 */

holdTickerInterval();
const dirs = useTempDirs();
const PHYSICIAN = { username: 'phil.physician', displayName: 'Dr Phil Physician', pin: '864209' } as const;
const ADMIN_ONLY = { username: 'andy.admin', displayName: 'Andy Admin', pin: '975310' } as const;
let t: TestCore;
let nurse: CoreConnection;
let nurseUser: User;
let physician: CoreConnection;
let physicianUser: User;
let adminOnly: CoreConnection;

beforeEach(async () => {
  t = openTestCore(dirs.make());
  const { connection: setup } = await setUpAdmin(t.core);
  ({ connection: nurse, user: nurseUser } = await addUser(t.core, setup, NURSE, ['nurse']));
  ({ connection: physician, user: physicianUser } = await addUser(t.core, setup, PHYSICIAN, ['physician']));
  ({ connection: adminOnly } = await addUser(t.core, setup, ADMIN_ONLY, ['admin']));
});
afterEach(() => {
  t.core.close();
  expect(t.logger.errors()).toEqual([]);
});

const now = () => t.clock.now();

describe('alert actions by role', () => {
  it('a nurse and a physician can each acknowledge, audio pause and resolve; an admin-only user is forbidden all of them', async () => {
    const { session } = await infusingSession(t, nurse);
    t.clock.advance(MINUTE);
    await chart(nurse, session.id, { heartRateBpm: 125, spo2Pct: 86 });
    const [hr, spo2] = await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'active' }).then((alerts) => alerts.map((a) => a.id));
    if (hr === undefined || spo2 === undefined) throw new Error('expected two alerts');

    for (const [channel, request] of [
      ['alert/acknowledge', { alertId: hr }],
      ['alert/audioPause', { alertId: hr }],
      ['alert/resolve', { alertId: hr, reason: 'Admin tidying up' }],
      ['alert/list', { sessionId: session.id, state: 'all' }],
    ] as const) {
      expect(await callErr(adminOnly, channel, request)).toMatchObject({ code: 'forbidden' });
    }
    expect(countRows(t.databasePath, 'alert_events')).toBe(0);

    const at = now();
    await callOk(nurse, 'alert/audioPause', { alertId: hr });
    await callOk(nurse, 'alert/acknowledge', { alertId: hr, note: 'Anxious; reassured' });
    await callOk(nurse, 'alert/resolve', { alertId: hr, reason: 'Settled after reassurance' });
    await callOk(physician, 'alert/audioPause', { alertId: spo2 });
    await callOk(physician, 'alert/acknowledge', { alertId: spo2, note: 'Jaw thrust, oxygen on' });
    await callOk(physician, 'alert/resolve', { alertId: spo2, reason: 'Airway managed, SpO2 recovering' });

    const pauseUntil = at + DEFAULT_ALARM_SETTINGS.audioPauseSeconds * 1000;
    expect(alertTables(t.databasePath, session.id).events).toEqual([
      alertEvent(hr, 'audioPaused', at, { user_id: nurseUser.id, until_at: pauseUntil }),
      alertEvent(hr, 'acknowledged', at, { user_id: nurseUser.id, note: 'Anxious; reassured' }),
      alertEvent(hr, 'resolved', at, { user_id: nurseUser.id, note: 'Settled after reassurance' }),
      alertEvent(spo2, 'audioPaused', at, { user_id: physicianUser.id, until_at: pauseUntil }),
      alertEvent(spo2, 'acknowledged', at, { user_id: physicianUser.id, note: 'Jaw thrust, oxygen on' }),
      alertEvent(spo2, 'resolved', at, { user_id: physicianUser.id, note: 'Airway managed, SpO2 recovering' }),
    ]);
  });
});

describe("'alert/changed' events", () => {
  it('reach every signed-in clinical connection for raise, repeat, audio pause, escalation, acknowledge and resolve; an admin-only connection hears nothing', async () => {
    const secondNurseWindow = await signIn(t.core, NURSE.username, NURSE.pin);
    const anonymous = t.core.connect();
    const { session } = await infusingSession(t, nurse);
    const clinical = [nurse, secondNurseWindow, physician].map((connection) => listen(connection));
    const admin = listen(adminOnly);
    const notSignedIn = listen(anonymous);

    t.clock.advance(MINUTE);
    const raisedAt = now();
    await chart(nurse, session.id, { spo2Pct: 86 }); // raise (high)
    t.clock.advance(30_000);
    await chart(nurse, session.id, { spo2Pct: 85 }); // repeat
    await callOk(physician, 'alert/audioPause', { alertId: 1 }); // audio pause
    t.clock.advance(raisedAt + DEFAULT_ALARM_SETTINGS.escalateHighAfterSeconds * 1000 - now());
    t.core.services.ticker.tickNow(); // escalation, on the tick
    await callOk(nurse, 'alert/acknowledge', { alertId: 1, note: 'Oxygen on' }); // acknowledge
    t.clock.advance(MINUTE);
    await chart(nurse, session.id, { spo2Pct: 95 }); // resolve: cleared
    await chart(nurse, session.id, { heartRateBpm: 125 }); // raise (medium)
    await callOk(physician, 'alert/resolve', { alertId: 2, reason: 'Pain on cannulation; settled' }); // resolve by hand

    const describeChange = (a: Alert) => ({
      id: a.id,
      state: a.state,
      count: a.count,
      paused: a.audioPausedUntil !== null,
      escalated: a.escalatedAt !== null,
      acknowledged: a.acknowledgedAt !== null,
      resolvedReason: a.resolvedReason,
    });
    const expected = [
      { id: 1, state: 'active', count: 1, paused: false, escalated: false, acknowledged: false, resolvedReason: null },
      { id: 1, state: 'active', count: 2, paused: false, escalated: false, acknowledged: false, resolvedReason: null },
      { id: 1, state: 'active', count: 2, paused: true, escalated: false, acknowledged: false, resolvedReason: null },
      { id: 1, state: 'active', count: 2, paused: true, escalated: true, acknowledged: false, resolvedReason: null },
      { id: 1, state: 'active', count: 2, paused: true, escalated: true, acknowledged: true, resolvedReason: null },
      { id: 1, state: 'resolved', count: 2, paused: true, escalated: true, acknowledged: true, resolvedReason: 'cleared' },
      { id: 2, state: 'active', count: 1, paused: false, escalated: false, acknowledged: false, resolvedReason: null },
      { id: 2, state: 'resolved', count: 1, paused: false, escalated: false, acknowledged: false, resolvedReason: 'Pain on cannulation; settled' },
    ];
    for (const window of clinical) expect(window.alerts().map(describeChange)).toEqual(expected);
    expect(admin.heard).toEqual([]);
    expect(notSignedIn.heard).toEqual([]);
    for (const listener of [...clinical, admin, notSignedIn]) listener.stop();
  });
});
