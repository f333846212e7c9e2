import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadingValues } from '../../shared/domain/reading';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { activeAlerts, alertEvent, alertTables, chart, infusingSession, physiologicalAlert } from '../support/alert-fixtures';
import { callOk, holdTickerInterval, MINUTE, openTestCore, setUpAdmin, type TestCore } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

/**
 * NEWS2 (CLINICAL.md section 6) computed by main for each reading that has HR, SBP, SpO2
 * and RR, and the NEWS2 alert rules: aggregate >= 5 medium, >= 7 high, a single parameter
 * scoring 3 medium (consciousness left to the MOAA/S rules). Every score below is worked
 * out by hand from the chart:
 *
 *   RR        <=8: 3 | 9-11: 1 | 12-20: 0 | 21-24: 2 | >=25: 3
 *   SpO2      <=91: 3 | 92-93: 2 | 94-95: 1 | >=96: 0          O2: yes 2, air 0
 *   SBP       <=90: 3 | 91-100: 2 | 101-110: 1 | 111-219: 0 | >=220: 3
 *   HR        <=40: 3 | 41-50: 1 | 51-90: 0 | 91-110: 1 | 111-130: 2 | >=131: 3
 *   MOAA/S    5 (A): 0 | 0-4 (V, P, U): 3
 *   Temp      <=35.0: 3 | 35.1-36.0: 1 | 36.1-38.0: 0 | 38.1-39.0: 1 | >=39.1: 2
 */

holdTickerInterval();
const dirs = useTempDirs();
let t: TestCore;
let staff: CoreConnection;

beforeEach(async () => {
  t = openTestCore(dirs.make());
  ({ connection: staff } = await setUpAdmin(t.core));
});
afterEach(() => {
  t.core.close();
  expect(t.logger.errors()).toEqual([]);
});

const now = () => t.clock.now();

/** An unremarkable complete set: every NEWS2 parameter scores 0. */
const NORMAL: ReadingValues = { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 78, spo2Pct: 97, respiratoryRatePerMin: 16, moaasScore: 5, temperatureC: 36.8 };

async function step(sessionId: number, values: ReadingValues, onSupplementalOxygen = false) {
  t.clock.advance(5 * MINUTE);
  const { reading, alerts } = await chart(staff, sessionId, values, { onSupplementalOxygen });
  return { id: reading.id, at: now(), news2: reading.news2, alerts };
}

const groupOf = async (sessionId: number, group: string) =>
  (await activeAlerts(staff, sessionId)).filter((a) => a.ruleId.startsWith(group)).map((a) => a.ruleId);

describe('NEWS2 on a reading', () => {
  it('is computed with HR, SBP, SpO2 and RR; partial without MOAA/S or temperature; supplemental oxygen scores 2; shown by session/get', async () => {
    const { session } = await infusingSession(t, staff);
    const minimum: ReadingValues = { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 78, spo2Pct: 97, respiratoryRatePerMin: 16 };

    // RR 16: 0, SpO2 97: 0, SBP 124: 0, HR 72: 0, oxygen not recorded (air assumed): 0 = 0, partial.
    t.clock.advance(MINUTE);
    const { reading: unflagged } = await callOk(staff, 'reading/add', { sessionId: session.id, values: minimum });
    // The same on oxygen: + 2 = 2.
    const onOxygen = await step(session.id, minimum, true);
    // Complete (MOAA/S 5: 0, 36.8 °C: 0), on air: 0, not partial.
    const complete = await step(session.id, NORMAL, false);
    // No respiratory rate: no NEWS2 at all.
    const incomplete = await step(session.id, { heartRateBpm: 72, spo2Pct: 97 });

    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    const news2Of = (id: number) => detail.readings.find((r) => r.id === id)?.news2;
    expect(news2Of(unflagged.id)).toEqual({
      total: 0,
      partial: true,
      missing: ['moaasScore', 'temperatureC'],
      subscores: { respiratoryRatePerMin: 0, spo2Pct: 0, systolicMmHg: 0, heartRateBpm: 0, onSupplementalOxygen: 0 },
      highestSingleScore: 0,
      response: 'none',
      oxygenAssumedAir: true,
    });
    expect(news2Of(onOxygen.id)).toEqual({
      total: 2,
      partial: true,
      missing: ['moaasScore', 'temperatureC'],
      subscores: { respiratoryRatePerMin: 0, spo2Pct: 0, systolicMmHg: 0, heartRateBpm: 0, onSupplementalOxygen: 2 },
      highestSingleScore: 2,
      response: 'low',
      oxygenAssumedAir: false,
    });
    expect(news2Of(complete.id)).toMatchObject({ total: 0, partial: false, missing: [], subscores: { moaasScore: 0, temperatureC: 0, onSupplementalOxygen: 0 }, oxygenAssumedAir: false });
    expect(news2Of(incomplete.id)).toBeNull();
    expect(onOxygen.news2).toEqual(news2Of(onOxygen.id));
    expect(detail.alerts).toEqual([]);
  });
});

describe('NEWS2 alerts', () => {
  it('>= 5 raises news2-total-5 (medium), >= 7 the high news2-total-7; one active alert in the group throughout', async () => {
    const { session } = await infusingSession(t, staff);
    // RR 22: 2, SpO2 95: 1, air: 0, SBP 105: 1, HR 95: 1, A: 0, 37.0: 0 = 5. No vital-sign rule is crossed.
    const five = await step(session.id, { respiratoryRatePerMin: 22, spo2Pct: 95, systolicMmHg: 105, diastolicMmHg: 65, heartRateBpm: 95, moaasScore: 5, temperatureC: 37 });
    expect(five.news2).toMatchObject({ total: 5, highestSingleScore: 2, partial: false, response: 'medium' });
    expect(await groupOf(session.id, 'news2')).toEqual(['news2-total-5']);

    // RR 23: 2, SpO2 93: 2, air: 0, SBP 100: 2, HR 100: 1, A: 0, 37.0: 0 = 7.
    const seven = await step(session.id, { respiratoryRatePerMin: 23, spo2Pct: 93, systolicMmHg: 100, diastolicMmHg: 60, heartRateBpm: 100, moaasScore: 5, temperatureC: 37 });
    expect(seven.news2).toMatchObject({ total: 7, response: 'high' });
    expect(await groupOf(session.id, 'news2')).toEqual(['news2-total-7']);

    // RR 22: 2, SpO2 94: 1, air: 0, SBP 105: 1, HR 112: 2, A: 0, 37.0: 0 = 6: back to medium.
    const six = await step(session.id, { respiratoryRatePerMin: 22, spo2Pct: 94, systolicMmHg: 105, diastolicMmHg: 65, heartRateBpm: 112, moaasScore: 5, temperatureC: 37 });
    expect(six.news2).toMatchObject({ total: 6 });
    expect(await groupOf(session.id, 'news2')).toEqual(['news2-total-5']);

    // RR 18: 0, SpO2 96: 0, air: 0, SBP 120: 0, HR 95: 1, A: 0, 37.0: 0 = 1: cleared.
    const one = await step(session.id, { respiratoryRatePerMin: 18, spo2Pct: 96, systolicMmHg: 120, diastolicMmHg: 75, heartRateBpm: 95, moaasScore: 5, temperatureC: 37 });
    expect(one.news2).toMatchObject({ total: 1 });

    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([
      physiologicalAlert(1, 'news2-total-5', { value: 5, threshold: 5, baseline: null, reading_id: five.id, raised_at: five.at }),
      physiologicalAlert(2, 'news2-total-7', { value: 7, threshold: 7, baseline: null, reading_id: seven.id, raised_at: seven.at }),
      physiologicalAlert(3, 'news2-total-5', { value: 6, threshold: 5, baseline: null, reading_id: six.id, raised_at: six.at }),
    ]);
    expect(events).toEqual([
      alertEvent(1, 'resolved', seven.at, { note: 'superseded' }),
      alertEvent(2, 'resolved', six.at, { note: 'superseded' }),
      alertEvent(3, 'resolved', one.at, { note: 'cleared' }),
    ]);
  });

  it('a single parameter scoring 3 raises news2-single-3, even with the aggregate below 5', async () => {
    const { session } = await infusingSession(t, staff);
    // 34.9 °C: 3, everything else 0 = 3. No vital-sign rule watches temperature.
    const cold = await step(session.id, { ...NORMAL, temperatureC: 34.9 });
    expect(cold.news2).toMatchObject({ total: 3, highestSingleScore: 3, response: 'lowMediumSingle' });
    expect(cold.alerts.map((a) => a.ruleId)).toEqual(['news2-single-3']);

    // 34.9 °C: 3 + RR 22: 2 = 5: the aggregate rule holds too, at the same priority; the
    // alert already shown stays (a repeat), still one alert in the group.
    const coldAndFast = await step(session.id, { ...NORMAL, temperatureC: 34.9, respiratoryRatePerMin: 22 });
    expect(coldAndFast.news2).toMatchObject({ total: 5 });
    expect(await groupOf(session.id, 'news2')).toEqual(['news2-single-3']);

    const warm = await step(session.id, NORMAL);

    // RR 26: 3, everything else 0 = 3: news2-single-3, and separately the RR rule (> 24).
    const fast = await step(session.id, { ...NORMAL, respiratoryRatePerMin: 26 });
    expect(fast.news2).toMatchObject({ total: 3, highestSingleScore: 3 });
    expect((await activeAlerts(staff, session.id)).map((a) => a.ruleId).sort()).toEqual(['news2-single-3', 'rr-above-24']);

    // No RR was charted before the start, so the first one charted (16) is the RR baseline.
    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([
      physiologicalAlert(1, 'news2-single-3', { value: 3, threshold: 3, baseline: null, reading_id: cold.id, raised_at: cold.at }),
      physiologicalAlert(2, 'rr-above-24', { value: 26, threshold: 24, baseline: 16, reading_id: fast.id, raised_at: fast.at }),
      physiologicalAlert(3, 'news2-single-3', { value: 3, threshold: 3, baseline: null, reading_id: fast.id, raised_at: fast.at }),
    ]);
    expect(events).toEqual([alertEvent(1, 'repeat', coldAndFast.at, { value: 3, reading_id: coldAndFast.id }), alertEvent(1, 'resolved', warm.at, { note: 'cleared' })]);
  });

  it('consciousness alone scoring 3 (MOAA/S 3 = V) raises no news2-single-3: MOAA/S has its own rules; it still counts in the aggregate', async () => {
    const { session } = await infusingSession(t, staff);
    // MOAA/S 3 (V): 3, everything else 0 = 3; highest single 3, but it is consciousness.
    const voice = await step(session.id, { ...NORMAL, moaasScore: 3 });
    expect(voice.news2).toMatchObject({ total: 3, highestSingleScore: 3, subscores: { moaasScore: 3 }, response: 'lowMediumSingle' });
    expect(voice.alerts).toEqual([]);

    // MOAA/S 2 (P): 3 = 3: the MOAA/S rule (<= 2) raises, still no news2-single-3.
    const pain = await step(session.id, { ...NORMAL, moaasScore: 2 });
    expect(pain.news2).toMatchObject({ total: 3 });
    expect(pain.alerts.map((a) => a.ruleId)).toEqual(['moaas-at-or-below-2']);

    // MOAA/S 3: 3 + RR 22: 2 = 5: the aggregate raises news2-total-5; the MOAA/S alert clears (3 > 2).
    const voiceAndFast = await step(session.id, { ...NORMAL, moaasScore: 3, respiratoryRatePerMin: 22 });
    expect(voiceAndFast.news2).toMatchObject({ total: 5 });

    // No MOAA/S before the start: the first one charted (3, during the infusion) is its "baseline".
    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([
      physiologicalAlert(1, 'moaas-at-or-below-2', { value: 2, threshold: 2, baseline: 3, reading_id: pain.id, raised_at: pain.at }),
      physiologicalAlert(2, 'news2-total-5', { value: 5, threshold: 5, baseline: null, reading_id: voiceAndFast.id, raised_at: voiceAndFast.at }),
    ]);
    expect(events).toEqual([alertEvent(1, 'resolved', voiceAndFast.at, { note: 'cleared' })]);
    expect(alerts.map((a) => a.rule_id)).not.toContain('news2-single-3');
  });
});
