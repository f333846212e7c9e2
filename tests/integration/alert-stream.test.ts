import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_SETTINGS } from '../../shared/clinical/alarm-settings';
import type { ReadingValues } from '../../shared/domain/reading';
import type { User } from '../../shared/domain/user';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { activeAlerts, alertEvent, alertTables, chart, defaultRule, defaultRulesWith, infusingSession, physiologicalAlert } from '../support/alert-fixtures';
import { callErr, callOk, MINUTE, NURSE, type TestCore } from '../support/test-core';
import { useDoctorAndNursePerTest } from '../support/staffed-core';

/**
 * Scripted streams of readings through the real core and SQLite file: after each stream the
 * alerts and alert_events tables, read raw from the file, hold exactly the expected rows.
 * Every test opens its own core, so alert ids start at 1 and clinic settings start at the
 * defaults. Baseline of every session (readyToStart): HR 72, SBP/DBP 124/78, SpO2 98.
 */

const SECOND = 1000;
let t: TestCore;
/** The first account: admin and physician. */
let doctor: CoreConnection;
let doctorUser: User;
let nurse: CoreConnection;
let nurseUser: User;

useDoctorAndNursePerTest(NURSE, (opened) => ({ t, doctor, doctorUser, nurse, nurseUser } = opened));

const now = () => t.clock.now();
const tables = (sessionId: number) => alertTables(t.databasePath, sessionId);
const sweep = () => t.core.services.monitoring.sweep(t.clock.now());

/** Charts each SBP (with DBP 80) one minute apart; returns the reading ids and times. */
async function chartSystolics(sessionId: number, systolics: readonly number[]): Promise<{ id: number; at: number; sbp: number }[]> {
  const charted: { id: number; at: number; sbp: number }[] = [];
  for (const sbp of systolics) {
    t.clock.advance(MINUTE);
    const { reading } = await chart(nurse, sessionId, { systolicMmHg: sbp, diastolicMmHg: 80 });
    charted.push({ id: reading.id, at: now(), sbp });
  }
  return charted;
}

describe('raise, repeat and one alert per condition group', () => {
  it('raises once, counts repeats, supersedes medium with high and high with medium, then clears', async () => {
    const { session } = await infusingSession(t, nurse);
    const step = async (values: ReadingValues) => {
      t.clock.advance(5 * MINUTE);
      const { reading } = await chart(nurse, session.id, values);
      return { id: reading.id, at: now() };
    };
    const activeRules = async () => (await activeAlerts(nurse, session.id)).map((a) => a.ruleId);

    const r1 = await step({ heartRateBpm: 125 }); // > 120: medium
    expect(await activeRules()).toEqual(['hr-above-120']);
    const r2 = await step({ heartRateBpm: 128 }); // still > 120: a repeat, not a second alert
    await step({ spo2Pct: 97 }); // no heart rate: the HR alert neither repeats nor clears
    const r4 = await step({ heartRateBpm: 155 }); // > 150: the high rule of the same group takes over
    expect(await activeRules()).toEqual(['hr-above-150']);
    const r5 = await step({ heartRateBpm: 158 });
    const r6 = await step({ heartRateBpm: 140 }); // <= 150 - 5: high is over, > 120 still holds: medium again
    expect(await activeRules()).toEqual(['hr-above-120']);
    await step({ heartRateBpm: 118 }); // inside the medium band (116-120): stays, no repeat
    expect(await activeRules()).toEqual(['hr-above-120']);
    const r8 = await step({ heartRateBpm: 112 }); // <= 120 - 5: cleared
    expect(await activeRules()).toEqual([]);

    const { alerts, events } = tables(session.id);
    expect(alerts).toEqual([
      physiologicalAlert(1, 'hr-above-120', { value: 125, threshold: 120, baseline: 72, reading_id: r1.id, raised_at: r1.at }),
      physiologicalAlert(2, 'hr-above-150', { value: 155, threshold: 150, baseline: 72, reading_id: r4.id, raised_at: r4.at }),
      physiologicalAlert(3, 'hr-above-120', { value: 140, threshold: 120, baseline: 72, reading_id: r6.id, raised_at: r6.at }),
    ]);
    expect(events).toEqual([
      alertEvent(1, 'repeat', r2.at, { value: 128, reading_id: r2.id }),
      alertEvent(1, 'resolved', r4.at, { note: 'superseded' }),
      alertEvent(2, 'repeat', r5.at, { value: 158, reading_id: r5.id }),
      alertEvent(2, 'resolved', r6.at, { note: 'superseded' }),
      alertEvent(3, 'resolved', r8.at, { note: 'cleared' }),
    ]);

    // The same history through the contract, with the list's filters.
    const all = await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'all' });
    expect(all.map((a) => [a.id, a.ruleId, a.count, a.lastValue, a.state, a.resolvedReason])).toEqual([
      [1, 'hr-above-120', 2, 128, 'resolved', 'superseded'],
      [2, 'hr-above-150', 2, 158, 'resolved', 'superseded'],
      [3, 'hr-above-120', 1, 140, 'resolved', 'cleared'],
    ]);
    expect((await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'all', priority: 'high' })).map((a) => a.id)).toEqual([2]);
    expect(await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'all', kind: 'technical' })).toEqual([]);
  });
});

describe('hysteresis', () => {
  it('clears a medium alert only once the value is past the band: HR 125 raises, 118 and 116 stay, 115 clears', async () => {
    const { session } = await infusingSession(t, nurse);
    const ids: number[] = [];
    for (const hr of [125, 118, 116, 115]) {
      t.clock.advance(MINUTE);
      ids.push((await chart(nurse, session.id, { heartRateBpm: hr })).reading.id);
      if (hr !== 115) expect((await activeAlerts(nurse, session.id)).map((a) => a.ruleId)).toEqual(['hr-above-120']);
    }
    const { alerts, events } = tables(session.id);
    expect(alerts).toEqual([physiologicalAlert(1, 'hr-above-120', { value: 125, threshold: 120, baseline: 72, reading_id: ids[0] ?? 0, raised_at: now() - 3 * MINUTE })]);
    // 118 and 116 do not meet "above 120": no repeat; 115 = 120 - 5 clears.
    expect(events).toEqual([alertEvent(1, 'resolved', now(), { note: 'cleared' })]);
  });

  it('keeps a high alert through its band although the medium rule below still holds: SBP 181 raises, 178 and 176 stay, 175 hands over to medium', async () => {
    // SBP rules (group sbp-high): above 160 medium, above 180 high, rise of 40 from the
    // baseline 124 (i.e. >= 164) medium; hysteresis 5 mmHg for each.
    const { session } = await infusingSession(t, nurse);
    const [r181] = await chartSystolics(session.id, [181]);
    for (const inBand of [178, 176]) {
      // Inside the high rule's band (176-180): the high alert must stay the one shown.
      await chartSystolics(session.id, [inBand]);
      expect({ sbp: inBand, active: (await activeAlerts(nurse, session.id)).map((a) => a.ruleId) }).toEqual({ sbp: inBand, active: ['sbp-above-180'] });
    }
    const [r175, r150] = await chartSystolics(session.id, [175, 150]);
    if (!r181 || !r175 || !r150) throw new Error('readings missing');
    const high = physiologicalAlert(1, 'sbp-above-180', { value: 181, threshold: 180, baseline: 124, reading_id: r181.id, raised_at: r181.at });

    const { alerts, events } = tables(session.id);
    // 175 = 180 - 5 ends the high alert; 175 is still above 160, so medium takes over.
    // 178 and 176 do not meet "above 180": no repeat events.
    expect(alerts).toEqual([high, physiologicalAlert(2, 'sbp-above-160', { value: 175, threshold: 160, baseline: 124, reading_id: r175.id, raised_at: r175.at })]);
    expect(events).toEqual([alertEvent(1, 'resolved', r175.at, { note: 'superseded' }), alertEvent(2, 'resolved', r150.at, { note: 'cleared' })]);
  });
});

describe('a value hovering at a limit', () => {
  it('around the medium limit (SBP 156-163 about 160) for 20 readings: one alert with a repeat count, not a storm', async () => {
    const values = [161, 158, 162, 157, 163, 159, 161, 156, 162, 158, 163, 157, 161, 159, 162, 156, 161, 158, 163, 157];
    const { session } = await infusingSession(t, nurse);
    const charted = await chartSystolics(session.id, values);
    const violating = charted.filter((c) => c.sbp > 160);
    expect(violating).toHaveLength(10);

    const [first, ...repeats] = violating;
    if (!first) throw new Error('no violating reading');
    const { alerts, events } = tables(session.id);
    expect(alerts).toEqual([physiologicalAlert(1, 'sbp-above-160', { value: 161, threshold: 160, baseline: 124, reading_id: first.id, raised_at: first.at })]);
    expect(events).toEqual(repeats.map((r) => alertEvent(1, 'repeat', r.at, { value: r.sbp, reading_id: r.id })));
    expect(await activeAlerts(nurse, session.id)).toEqual([expect.objectContaining({ id: 1, count: 10, lastValue: 163 })]);
  });

  it('around the high limit (SBP 176-185 about 180) for 20 readings: one alert with a repeat count, not a storm', async () => {
    // Starts above 180 so the first reading raises the high alert directly (179 first would
    // raise "above 160" and then hand over to high: two rows, legitimately).
    const values = [182, 178, 183, 177, 184, 179, 181, 176, 182, 178, 185, 177, 181, 179, 183, 176, 182, 178, 181, 177];
    const { session } = await infusingSession(t, nurse);
    const charted = await chartSystolics(session.id, values);
    const violating = charted.filter((c) => c.sbp > 180);
    expect(violating).toHaveLength(10);

    const [first, ...repeats] = violating;
    if (!first) throw new Error('no violating reading');
    const { alerts, events } = tables(session.id);
    expect({ alertRows: alerts.length, rules: alerts.map((a) => a.rule_id) }).toEqual({ alertRows: 1, rules: ['sbp-above-180'] });
    expect(alerts).toEqual([physiologicalAlert(1, 'sbp-above-180', { value: 182, threshold: 180, baseline: 124, reading_id: first.id, raised_at: first.at })]);
    expect(events).toEqual(repeats.map((r) => alertEvent(1, 'repeat', r.at, { value: r.sbp, reading_id: r.id })));
  });
});

describe('acknowledge, audio pause and resolve', () => {
  it('are separate actions, each stored with who and when; audio pause lasts the clinic setting', async () => {
    const { session } = await infusingSession(t, nurse);
    t.clock.advance(MINUTE);
    const { reading: r1 } = await chart(nurse, session.id, { spo2Pct: 86 });
    const raisedAt = now();

    // Audio pause: silenced until now + 120 s (the default), still shown, not acknowledged.
    t.clock.advance(30 * SECOND);
    const pausedAt = now();
    const paused = await callOk(nurse, 'alert/audioPause', { alertId: 1 });
    expect(paused).toMatchObject({ state: 'active', audioPausedUntil: pausedAt + DEFAULT_ALARM_SETTINGS.audioPauseSeconds * 1000, acknowledgedAt: null });

    // Acknowledge: who, when, note; still active, the pause unchanged.
    t.clock.advance(30 * SECOND);
    const acknowledgedAt = now();
    const acknowledged = await callOk(doctor, 'alert/acknowledge', { alertId: 1, note: 'Oxygen 2 L/min by nasal cannula' });
    expect(acknowledged).toMatchObject({
      state: 'active',
      acknowledgedAt,
      acknowledgedByName: doctorUser.displayName,
      acknowledgeNote: 'Oxygen 2 L/min by nasal cannula',
      audioPausedUntil: pausedAt + 120 * SECOND,
      resolvedAt: null,
    });
    expect(await callErr(nurse, 'alert/acknowledge', { alertId: 1 })).toMatchObject({ code: 'conflict', field: 'alertId' });

    // The clinic shortens the audio pause; the next pause lasts the new time.
    await callOk(doctor, 'settings/update', { settings: { ...DEFAULT_ALARM_SETTINGS, audioPauseSeconds: 45 }, reason: 'Shorter pause in the infusion room' });
    t.clock.advance(2 * MINUTE);
    const pausedAgainAt = now();
    expect(await callOk(nurse, 'alert/audioPause', { alertId: 1 })).toMatchObject({ audioPausedUntil: pausedAgainAt + 45 * SECOND });

    // A repeat keeps the acknowledgement.
    t.clock.advance(MINUTE);
    const { reading: r2 } = await chart(nurse, session.id, { spo2Pct: 85 });
    const repeatAt = now();
    expect(await activeAlerts(nurse, session.id)).toEqual([expect.objectContaining({ id: 1, count: 2, acknowledgedAt })]);

    // Resolve by hand: who, when, the reason.
    t.clock.advance(MINUTE);
    const resolvedAt = now();
    const resolved = await callOk(nurse, 'alert/resolve', { alertId: 1, reason: 'Probe re-sited on a warm finger' });
    expect(resolved).toMatchObject({ state: 'resolved', resolvedAt, resolvedReason: 'Probe re-sited on a warm finger', resolvedByName: nurseUser.displayName });
    expect(await callErr(nurse, 'alert/resolve', { alertId: 1, reason: 'Again' })).toMatchObject({ code: 'conflict', field: 'alertId' });
    expect(await callErr(nurse, 'alert/audioPause', { alertId: 1 })).toMatchObject({ code: 'conflict', field: 'alertId' });
    expect(await callErr(nurse, 'alert/resolve', { alertId: 1, reason: '' })).toMatchObject({ code: 'invalid_request', field: 'reason' });

    const { alerts, events } = tables(session.id);
    expect(alerts).toEqual([physiologicalAlert(1, 'spo2-below-88', { value: 86, threshold: 88, baseline: 98, reading_id: r1.id, raised_at: raisedAt })]);
    expect(events).toEqual([
      alertEvent(1, 'audioPaused', pausedAt, { user_id: nurseUser.id, until_at: pausedAt + 120 * SECOND }),
      alertEvent(1, 'acknowledged', acknowledgedAt, { user_id: doctorUser.id, note: 'Oxygen 2 L/min by nasal cannula' }),
      alertEvent(1, 'audioPaused', pausedAgainAt, { user_id: nurseUser.id, until_at: pausedAgainAt + 45 * SECOND }),
      alertEvent(1, 'repeat', repeatAt, { value: 85, reading_id: r2.id }),
      alertEvent(1, 'resolved', resolvedAt, { user_id: nurseUser.id, note: 'Probe re-sited on a warm finger' }),
    ]);
  });
});

describe('resolving by hand', () => {
  it('ends the alert with the reason; the condition comes back as a new alert with the next violating reading', async () => {
    const { session } = await infusingSession(t, nurse);
    t.clock.advance(MINUTE);
    const { reading: r1 } = await chart(nurse, session.id, { systolicMmHg: 185, diastolicMmHg: 90 });
    const raisedAt = now();
    t.clock.advance(MINUTE);
    const resolvedAt = now();
    await callOk(doctor, 'alert/resolve', { alertId: 1, reason: 'Cuff too small; re-measuring with an adult large cuff' });
    expect(await activeAlerts(nurse, session.id)).toEqual([]);

    t.clock.advance(2 * MINUTE);
    const { reading: r2, alerts: raisedAgain } = await chart(nurse, session.id, { systolicMmHg: 186, diastolicMmHg: 92 });
    expect(raisedAgain).toEqual([expect.objectContaining({ id: 2, ruleId: 'sbp-above-180', state: 'active', count: 1, value: 186 })]);
    const reraisedAt = now();
    t.clock.advance(5 * MINUTE);
    await chart(nurse, session.id, { systolicMmHg: 150, diastolicMmHg: 85 }); // <= 155 and a rise of 26 (< 35): cleared

    const { alerts, events } = tables(session.id);
    expect(alerts).toEqual([
      physiologicalAlert(1, 'sbp-above-180', { value: 185, threshold: 180, baseline: 124, reading_id: r1.id, raised_at: raisedAt }),
      physiologicalAlert(2, 'sbp-above-180', { value: 186, threshold: 180, baseline: 124, reading_id: r2.id, raised_at: reraisedAt }),
    ]);
    expect(events).toEqual([
      alertEvent(1, 'resolved', resolvedAt, { user_id: doctorUser.id, note: 'Cuff too small; re-measuring with an adult large cuff' }),
      alertEvent(2, 'resolved', now(), { note: 'cleared' }),
    ]);
  });

  it('is not undone by a reading that does not measure the parameter; a newer reading of it raises again', async () => {
    // The nurse judged SBP 185; an HR-only reading brings nothing new about SBP.
    const { session } = await infusingSession(t, nurse);
    t.clock.advance(MINUTE);
    await chart(nurse, session.id, { systolicMmHg: 185, diastolicMmHg: 90 });
    await callOk(nurse, 'alert/resolve', { alertId: 1, reason: 'Physician informed, labetalol given' });
    t.clock.advance(MINUTE);
    expect((await chart(nurse, session.id, { heartRateBpm: 70 })).alerts).toEqual([]);
    expect(tables(session.id).alerts.map((a) => a.id)).toEqual([1]);
    t.clock.advance(MINUTE);
    const { reading, alerts } = await chart(nurse, session.id, { systolicMmHg: 184, diastolicMmHg: 90 });
    expect(alerts).toEqual([expect.objectContaining({ id: 2, ruleId: 'sbp-above-180', value: 184, readingId: reading.id, raisedAt: now() })]);
  });

  it('is not undone by the tick without a new reading (a clinic rule with a confirmation delay makes the tick re-judge sessions)', async () => {
    // The clinic confirms SpO2 < 92 over 60 s; nothing else changes. The sweep must raise
    // delayed SpO2 alerts, not bring back an SBP alert a nurse has just resolved by hand.
    const delayed = { ...defaultRule('spo2-below-92'), confirmation: { kind: 'delaySeconds', seconds: 60 } } as const;
    await callOk(doctor, 'rules/set', { rules: defaultRulesWith({ replace: { 'spo2-below-92': delayed } }), reason: 'Confirm low SpO2 over a minute' });
    const { session } = await infusingSession(t, nurse);
    t.clock.advance(MINUTE);
    await chart(nurse, session.id, { systolicMmHg: 185, diastolicMmHg: 90 });
    await callOk(nurse, 'alert/resolve', { alertId: 1, reason: 'Physician informed, labetalol given' });

    t.clock.advance(SECOND);
    sweep();
    expect(tables(session.id).alerts.map((a) => a.id)).toEqual([1]);
    expect(await activeAlerts(nurse, session.id)).toEqual([]);
  });
});

describe('escalation of an unacknowledged high alert', () => {
  it('happens exactly escalateHighAfterSeconds after the raise, once, and never for an acknowledged high or a medium alert', async () => {
    const a = await infusingSession(t, nurse);
    const b = await infusingSession(t, nurse);
    const c = await infusingSession(t, nurse);
    t.clock.advance(SECOND);
    const raisedAt = now();
    await chart(nurse, a.session.id, { spo2Pct: 86 }); // high, left alone: alert 1
    await chart(nurse, b.session.id, { heartRateBpm: 125 }); // medium: alert 2
    await chart(nurse, c.session.id, { systolicMmHg: 185, diastolicMmHg: 90 }); // high, acknowledged: alert 3
    t.clock.advance(MINUTE);
    await callOk(nurse, 'alert/acknowledge', { alertId: 3 });
    const acknowledgedAt = now();

    const limit = DEFAULT_ALARM_SETTINGS.escalateHighAfterSeconds * 1000;
    t.clock.advance(raisedAt + limit - 1 - now());
    sweep();
    expect(tables(a.session.id).events).toEqual([]);

    t.clock.advance(1);
    sweep();
    expect(await activeAlerts(nurse, a.session.id)).toEqual([expect.objectContaining({ id: 1, escalatedAt: raisedAt + limit })]);

    t.clock.advance(2 * MINUTE);
    sweep();
    expect(tables(a.session.id).events).toEqual([alertEvent(1, 'escalated', raisedAt + limit)]);
    expect(tables(b.session.id).events).toEqual([]);
    expect(tables(c.session.id).events).toEqual([alertEvent(3, 'acknowledged', acknowledgedAt, { user_id: nurseUser.id })]);
    expect((await activeAlerts(nurse, b.session.id)).map((x) => x.escalatedAt)).toEqual([null]);
  });
});
