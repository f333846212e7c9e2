import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert';
import type { ReadingValues } from '../../shared/domain/reading';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { User } from '../../shared/domain/user';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { ADMIN, callErr, callOk, countRows, MINUTE, openRaw, openSession, passingAssessment, readyToStart, type TestCore } from '../support/test-core';
import { useStaffedCore } from '../support/staffed-core';

let t: TestCore;
let staff: CoreConnection;
let staffUser: User;
useStaffedCore((opened) => ({ t, staff, staffUser } = opened));

const BASELINE: ReadingValues = { systolicMmHg: 150, diastolicMmHg: 85, heartRateBpm: 72 };

/**
 * A session with a complete screening and a pre-infusion baseline reading (the given values,
 * SpO2 and any missing start value from the helper's defaults), infusing for 5 minutes.
 */
async function infusingSession(baseline: ReadingValues = BASELINE) {
  const { session } = await openSession(staff);
  await readyToStart(staff, session.id, baseline);
  t.clock.advance(MINUTE);
  await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
  t.clock.advance(5 * MINUTE);
  return session;
}

function chart(sessionId: number, values: ReadingValues, extra: { observedAt?: number; confirmed?: VitalParameter[] } = {}) {
  return callOk(staff, 'reading/add', { sessionId, values, ...extra });
}

const activeAlerts = (sessionId: number) => callOk(staff, 'alert/list', { sessionId, state: 'active' });

describe('charting a reading', () => {
  it('stores observed and recorded time, who charted it, and a computed MAP', async () => {
    const session = await infusingSession();
    const { reading, alerts } = await chart(session.id, { systolicMmHg: 120, diastolicMmHg: 80, spo2Pct: 98 });
    expect(alerts).toEqual([]);
    expect(reading).toMatchObject({
      id: expect.any(Number),
      sessionId: session.id,
      observedAt: t.clock.now(),
      recordedAt: t.clock.now(),
      recordedBy: staffUser.id,
      recordedByName: ADMIN.displayName,
      values: { systolicMmHg: 120, diastolicMmHg: 80, meanArterialMmHg: 93, spo2Pct: 98 },
      mapSource: 'computed',
      late: false,
    });
    const raw = openRaw(t.databasePath);
    const row = raw.prepare('SELECT systolic_mmhg, diastolic_mmhg, mean_arterial_mmhg, map_source, heart_rate_bpm FROM readings WHERE id = ?').get(reading.id);
    raw.close();
    expect(row).toEqual({ systolic_mmhg: 120, diastolic_mmhg: 80, mean_arterial_mmhg: 93, map_source: 'computed', heart_rate_bpm: null });
  });

  it('keeps a measured MAP as measured', async () => {
    const session = await infusingSession();
    const { reading } = await chart(session.id, { systolicMmHg: 120, diastolicMmHg: 80, meanArterialMmHg: 96 });
    expect(reading).toMatchObject({ values: { meanArterialMmHg: 96 }, mapSource: 'measured' });
  });

  it('refuses an impossible value with the field and limits, and writes nothing', async () => {
    const session = await infusingSession();
    const before = countRows(t.databasePath, 'readings');
    expect(await callErr(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 301 } })).toEqual({
      code: 'value_out_of_range',
      message: expect.any(String),
      field: 'values.heartRateBpm',
      params: { value: 301, min: 0, max: 300, unit: '/min' },
    });
    expect(await callErr(staff, 'reading/add', { sessionId: session.id, values: { systolicMmHg: 80, diastolicMmHg: 90 } })).toMatchObject({
      code: 'invalid_request',
      field: 'values.diastolicMmHg',
    });
    expect(await callErr(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 'abc' } })).toMatchObject({
      code: 'invalid_request',
      field: 'values.heartRateBpm',
    });
    expect(countRows(t.databasePath, 'readings')).toBe(before);
  });

  it('asks to confirm an unusual value, then stores it once confirmed (and alerts on it)', async () => {
    const session = await infusingSession();
    const before = countRows(t.databasePath, 'readings');
    expect(await callErr(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 32 } })).toMatchObject({
      code: 'needs_confirmation',
      field: 'values.heartRateBpm',
      params: { value: 32, min: 35, max: 200 },
    });
    expect(countRows(t.databasePath, 'readings')).toBe(before);
    const { reading, alerts } = await chart(session.id, { heartRateBpm: 32 }, { confirmed: ['heartRateBpm'] });
    expect(reading.values.heartRateBpm).toBe(32);
    expect(alerts).toEqual([expect.objectContaining({ ruleId: 'hr-below-40', priority: 'high', value: 32 })]);
  });

  it('refuses an observed time in the future or before the session, and accepts a minute of clock skew', async () => {
    const { session } = await openSession(staff);
    const now = t.clock.now();
    expect(await callErr(staff, 'reading/add', { sessionId: session.id, observedAt: now + 2 * MINUTE, values: { heartRateBpm: 70 } })).toMatchObject({
      code: 'invalid_request',
      field: 'observedAt',
    });
    expect(await callErr(staff, 'reading/add', { sessionId: session.id, observedAt: session.createdAt - 1, values: { heartRateBpm: 70 } })).toMatchObject({
      code: 'invalid_request',
      field: 'observedAt',
    });
    const { reading } = await chart(session.id, { heartRateBpm: 70 }, { observedAt: now + MINUTE });
    expect(reading.observedAt).toBe(now + MINUTE);
  });

  it('refuses readings for an unknown, aborted or closed session', async () => {
    expect(await callErr(staff, 'reading/add', { sessionId: 999_999, values: { heartRateBpm: 70 } })).toMatchObject({ code: 'not_found', field: 'sessionId' });
    const session = await infusingSession();
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Patient asked to stop' });
    expect(await callErr(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 70 } })).toMatchObject({
      code: 'invalid_transition',
      field: 'sessionId',
      params: { phase: 'aborted' },
    });

    const closed = await infusingSession();
    await callOk(staff, 'session/transition', { sessionId: closed.id, action: 'stopInfusion' });
    t.clock.advance(60 * MINUTE);
    await callOk(staff, 'discharge/assess', passingAssessment(closed.id));
    await callOk(staff, 'session/transition', { sessionId: closed.id, action: 'discharge' });
    await callOk(staff, 'session/transition', { sessionId: closed.id, action: 'close', pin: ADMIN.pin });
    const before = countRows(t.databasePath, 'readings');
    expect(await callErr(staff, 'reading/add', { sessionId: closed.id, values: { heartRateBpm: 70 } })).toMatchObject({
      code: 'invalid_transition',
      field: 'sessionId',
      params: { phase: 'closed' },
    });
    expect(countRows(t.databasePath, 'readings')).toBe(before);
  });
});

describe('threshold alerts', () => {
  it('raises one high alert for SBP above 180, stored with value, threshold and rule', async () => {
    const session = await infusingSession();
    const { reading, alerts } = await chart(session.id, { systolicMmHg: 185, diastolicMmHg: 85 });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: expect.any(Number),
      sessionId: session.id,
      ruleId: 'sbp-above-180',
      parameter: 'systolicMmHg',
      kind: 'physiological',
      priority: 'high',
      comparison: { kind: 'above', limit: 180 },
      threshold: 180,
      baseline: 150,
      value: 185,
      readingId: reading.id,
      raisedAt: t.clock.now(),
      count: 1,
      lastValue: 185,
      lastAt: t.clock.now(),
      state: 'active',
      resolvedAt: null,
      resolvedReason: null,
      acknowledgedAt: null,
      acknowledgedByName: null,
      acknowledgeNote: null,
    });
    const raw = openRaw(t.databasePath);
    const row = raw.prepare('SELECT rule_id, rule_group, priority, value, threshold, reading_id FROM alerts WHERE id = ?').get(alerts[0]?.id);
    raw.close();
    expect(row).toEqual({ rule_id: 'sbp-above-180', rule_group: 'sbp-high', priority: 'high', value: 185, threshold: 180, reading_id: reading.id });
    expect(await activeAlerts(session.id)).toEqual(alerts);
  });

  it('updates the count on a repeat instead of raising a second alert', async () => {
    const session = await infusingSession();
    const first = (await chart(session.id, { systolicMmHg: 185, diastolicMmHg: 85 })).alerts[0] as Alert;
    t.clock.advance(5 * MINUTE);
    const { alerts } = await chart(session.id, { systolicMmHg: 188, diastolicMmHg: 86 });
    expect(alerts).toEqual([{ ...first, count: 2, lastValue: 188, lastAt: t.clock.now() }]);
    expect(await activeAlerts(session.id)).toHaveLength(1);
    expect(countRows(t.databasePath, 'alerts', `session_id = ${session.id}`)).toBe(1);
    expect(countRows(t.databasePath, 'alert_events', `alert_id = ${first.id} AND kind = 'repeat'`)).toBe(1);
  });

  it('resolves the alert as cleared when a normal reading comes in', async () => {
    const session = await infusingSession();
    const raised = (await chart(session.id, { systolicMmHg: 185, diastolicMmHg: 85 })).alerts[0] as Alert;
    t.clock.advance(5 * MINUTE);
    const { alerts } = await chart(session.id, { systolicMmHg: 140, diastolicMmHg: 80 });
    expect(alerts).toEqual([{ ...raised, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'cleared' }]);
    expect(await activeAlerts(session.id)).toEqual([]);
    expect(await callOk(staff, 'alert/list', { sessionId: session.id, state: 'all' })).toEqual(alerts);
  });

  it('keeps an alert active when a reading does not measure its parameter', async () => {
    const session = await infusingSession();
    const raised = (await chart(session.id, { systolicMmHg: 185, diastolicMmHg: 85 })).alerts[0] as Alert;
    t.clock.advance(MINUTE);
    expect((await chart(session.id, { spo2Pct: 97, heartRateBpm: 80 })).alerts).toEqual([]);
    expect(await activeAlerts(session.id)).toEqual([raised]);
  });

  it('supersedes a medium alert with the high one of the same group', async () => {
    const session = await infusingSession();
    const medium = (await chart(session.id, { systolicMmHg: 165, diastolicMmHg: 85 })).alerts;
    expect(medium).toEqual([expect.objectContaining({ ruleId: 'sbp-above-160', priority: 'medium', state: 'active' })]);
    t.clock.advance(5 * MINUTE);
    const { alerts } = await chart(session.id, { systolicMmHg: 184, diastolicMmHg: 85 });
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: medium[0]?.id, state: 'resolved', resolvedReason: 'superseded', resolvedAt: t.clock.now() }),
        expect.objectContaining({ ruleId: 'sbp-above-180', priority: 'high', state: 'active', value: 184 }),
      ]),
    );
    expect(alerts).toHaveLength(2);
    expect((await activeAlerts(session.id)).map((a) => a.ruleId)).toEqual(['sbp-above-180']);
  });

  it('raises a rise of 40 over the pre-infusion baseline', async () => {
    const session = await infusingSession({ systolicMmHg: 118, diastolicMmHg: 76 });
    expect((await chart(session.id, { systolicMmHg: 157, diastolicMmHg: 76 })).alerts).toEqual([]);
    const { alerts } = await chart(session.id, { systolicMmHg: 158, diastolicMmHg: 76 });
    expect(alerts).toEqual([expect.objectContaining({ ruleId: 'sbp-rise-40', priority: 'medium', baseline: 118, threshold: 158, value: 158 })]);
  });

  it('keeps showing the active alert while its own rule still holds at the same priority', async () => {
    // Baseline 118: SBP 158 is a rise of 40; SBP 165 is both a rise and above 160 (both medium, one condition).
    const session = await infusingSession({ systolicMmHg: 118, diastolicMmHg: 76 });
    const rise = (await chart(session.id, { systolicMmHg: 158, diastolicMmHg: 76 })).alerts[0] as Alert;
    expect(rise).toMatchObject({ ruleId: 'sbp-rise-40' });
    t.clock.advance(5 * MINUTE);
    const { alerts } = await chart(session.id, { systolicMmHg: 165, diastolicMmHg: 76 });
    expect(alerts).toEqual([{ ...rise, count: 2, lastValue: 165, lastAt: t.clock.now() }]);
    t.clock.advance(5 * MINUTE);
    const worse = (await chart(session.id, { systolicMmHg: 182, diastolicMmHg: 76 })).alerts;
    expect(worse.map((a) => [a.ruleId, a.state, a.resolvedReason])).toEqual([
      ['sbp-rise-40', 'resolved', 'superseded'],
      ['sbp-above-180', 'active', null],
    ]);
  });

  it('labels a late entry late, shows both times, and does not let it clear a current alert', async () => {
    const session = await infusingSession();
    t.clock.advance(20 * MINUTE);
    const raised = (await chart(session.id, { systolicMmHg: 185, diastolicMmHg: 85 })).alerts[0] as Alert;
    const now = t.clock.now();

    const late = await chart(session.id, { systolicMmHg: 130, diastolicMmHg: 80 }, { observedAt: now - 11 * MINUTE });
    expect(late.reading).toMatchObject({ observedAt: now - 11 * MINUTE, recordedAt: now, late: true });
    expect(late.alerts).toEqual([]);

    const onTheLimit = await chart(session.id, { systolicMmHg: 131, diastolicMmHg: 80 }, { observedAt: now - 10 * MINUTE });
    expect(onTheLimit.reading.late).toBe(false);
    expect(onTheLimit.alerts).toEqual([]);

    expect(await activeAlerts(session.id)).toEqual([raised]);
  });

  it('acknowledges with who, when and a note; the alert stays active until resolved', async () => {
    const session = await infusingSession();
    const raised = (await chart(session.id, { systolicMmHg: 185, diastolicMmHg: 85 })).alerts[0] as Alert;
    t.clock.advance(2 * MINUTE);
    const acknowledged = await callOk(staff, 'alert/acknowledge', { alertId: raised.id, note: '  Repeat cuff in 5 min; physician informed ' });
    expect(acknowledged).toEqual({
      ...raised,
      acknowledgedAt: t.clock.now(),
      acknowledgedByName: ADMIN.displayName,
      acknowledgeNote: 'Repeat cuff in 5 min; physician informed',
    });
    expect(await activeAlerts(session.id)).toEqual([acknowledged]);
    expect(await callErr(staff, 'alert/acknowledge', { alertId: raised.id })).toMatchObject({ code: 'conflict', field: 'alertId' });
    expect(await callErr(staff, 'alert/acknowledge', { alertId: 999_999 })).toMatchObject({ code: 'not_found', field: 'alertId' });
  });

  it('acknowledges without a note', async () => {
    const session = await infusingSession();
    const raised = (await chart(session.id, { spo2Pct: 87 })).alerts[0] as Alert;
    expect(raised).toMatchObject({ ruleId: 'spo2-below-88', priority: 'high' });
    const acknowledged = await callOk(staff, 'alert/acknowledge', { alertId: raised.id });
    expect(acknowledged).toMatchObject({ acknowledgedAt: t.clock.now(), acknowledgeNote: null });
  });

  it('lists alerts of all sessions, newest first', async () => {
    const a = await infusingSession();
    const b = await infusingSession();
    const fromA = (await chart(a.id, { heartRateBpm: 125 })).alerts[0] as Alert;
    const fromB = (await chart(b.id, { heartRateBpm: 45 })).alerts[0] as Alert;
    const all = await callOk(staff, 'alert/list', { state: 'all' });
    expect(all.slice(0, 2).map((alert) => alert.id)).toEqual([fromB.id, fromA.id]);
  });
});
