import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type AlertRule } from '../../shared/clinical/alert-rules';
import type { User } from '../../shared/domain/user';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { activeAlerts, alertEvent, alertTables, chart, defaultRule, defaultRulesWith, infusingSession, physiologicalAlert } from '../support/alert-fixtures';
import { addUser, call, callErr, callOk, countRows, fieldsOf, findProtocol, holdTickerInterval, MINUTE, NURSE, openRaw, openTestCore, setUpAdmin, type TestCore } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

/**
 * Alert rules as data: Vigil's defaults, a clinic set, a protocol family's set and
 * per-session overrides, each changed by a physician with a reason and applied to open
 * sessions. Baseline of every session: HR 72, SBP/DBP 124/78 (a rise of 40 is 164), SpO2 98.
 */

holdTickerInterval();
const dirs = useTempDirs();
const SECOND = 1000;
const CRPS = 'Chronic pain (CRPS) — per hour';
let t: TestCore;
let doctor: CoreConnection;
let doctorUser: User;
let nurse: CoreConnection;

beforeEach(async () => {
  t = openTestCore(dirs.make());
  ({ connection: doctor, user: doctorUser } = await setUpAdmin(t.core));
  ({ connection: nurse } = await addUser(t.core, doctor, NURSE, ['nurse']));
});
afterEach(() => {
  t.core.close();
  expect(t.logger.errors()).toEqual([]);
});

const now = () => t.clock.now();
const sweep = () => t.core.services.monitoring.sweep(t.clock.now());
/** A copy of a default rule under a new id with a new "above" limit. */
const sbpAbove = (limit: number): AlertRule => ({ ...defaultRule('sbp-above-160'), id: `sbp-above-${limit}`, comparison: { kind: 'above', limit } });
const activeRuleIds = async (sessionId: number) => (await activeAlerts(nurse, sessionId)).map((a) => a.ruleId);

async function step(sessionId: number, values: Parameters<typeof chart>[2], advanceMs = MINUTE) {
  t.clock.advance(advanceMs);
  const result = await chart(nurse, sessionId, values);
  return { id: result.reading.id, at: now(), alerts: result.alerts };
}

describe('the clinic rule set', () => {
  it('is set by a physician with a reason; the response and rules/get show the source clinic, who, when and why', async () => {
    const rules = defaultRulesWith({ replace: { 'sbp-above-160': sbpAbove(170) } });
    expect(await callOk(nurse, 'rules/get', {})).toMatchObject({ source: 'default', baseRules: DEFAULT_ALERT_RULES, changedAt: null, changedByName: null, changeReason: null });

    expect(await callErr(nurse, 'rules/set', { rules, reason: 'Nurse edit' })).toMatchObject({ code: 'forbidden' });
    expect(await callErr(doctor, 'rules/set', { rules })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(await callErr(doctor, 'rules/set', { rules, reason: 'ok' })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(countRows(t.databasePath, 'alert_rule_sets')).toBe(0);

    t.clock.advance(MINUTE);
    const expected = {
      source: 'clinic',
      baseRules: rules,
      effectiveRules: rules,
      overrides: [],
      changedAt: now(),
      changedByName: doctorUser.displayName,
      changeReason: 'Medical committee: medium SBP alarm at 170',
    };
    expect(await callOk(doctor, 'rules/set', { rules, reason: 'Medical committee: medium SBP alarm at 170' })).toEqual(expected);
    expect(await callOk(nurse, 'rules/get', {})).toEqual(expected);
    const { session } = await infusingSession(t, nurse);
    expect(await callOk(nurse, 'rules/get', { sessionId: session.id })).toEqual(expected);

    const raw = openRaw(t.databasePath);
    const rows = raw.prepare('SELECT scope, protocol_family_id, reason, user_id FROM alert_rule_sets').all();
    raw.close();
    expect(rows).toEqual([{ scope: 'clinic', protocol_family_id: null, reason: 'Medical committee: medium SBP alarm at 170', user_id: doctorUser.id }]);
  });

  it('re-judges open sessions: an alert whose rule was removed resolves ruleChanged; a lowered limit raises on the next reading', async () => {
    const { session } = await infusingSession(t, nurse);
    const hr = await step(session.id, { heartRateBpm: 125 });
    await step(session.id, { systolicMmHg: 150, diastolicMmHg: 80 }); // no alert under the defaults
    expect(await activeRuleIds(session.id)).toEqual(['hr-above-120']);

    t.clock.advance(MINUTE);
    const changedAt = now();
    await callOk(doctor, 'rules/set', {
      rules: defaultRulesWith({ remove: ['hr-above-120'], replace: { 'sbp-above-160': sbpAbove(150) } }),
      reason: 'Tachycardia alarm at 150 only; SBP alarm from 150',
    });
    expect(await activeRuleIds(session.id)).toEqual([]);

    expect((await step(session.id, { heartRateBpm: 125 })).alerts).toEqual([]);
    const sbp = await step(session.id, { systolicMmHg: 155, diastolicMmHg: 80 }); // > 150: raises under the new limit only
    expect(sbp.alerts).toEqual([expect.objectContaining({ ruleId: 'sbp-above-150', threshold: 150, value: 155 })]);

    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([
      physiologicalAlert(1, 'hr-above-120', { value: 125, threshold: 120, baseline: 72, reading_id: hr.id, raised_at: hr.at }),
      { ...physiologicalAlert(2, 'sbp-above-160', { value: 155, threshold: 150, baseline: 124, reading_id: sbp.id, raised_at: sbp.at }), rule_id: 'sbp-above-150' },
    ]);
    expect(events).toEqual([alertEvent(1, 'resolved', changedAt, { note: 'ruleChanged' })]);
  });

  it('raises at once in an open session whose current value is already past a lowered limit', async () => {
    const { session } = await infusingSession(t, nurse);
    const reading = await step(session.id, { spo2Pct: 93 });
    expect(reading.alerts).toEqual([]);
    t.clock.advance(MINUTE);
    await callOk(doctor, 'rules/set', {
      rules: defaultRulesWith({ replace: { 'spo2-below-92': { ...defaultRule('spo2-below-92'), id: 'spo2-below-94', comparison: { kind: 'below', limit: 94 } } } }),
      reason: 'SpO2 alarm from 94 for sedated patients',
    });
    expect(alertTables(t.databasePath, session.id).alerts).toEqual([
      { ...physiologicalAlert(1, 'spo2-below-92', { value: 93, threshold: 94, baseline: 98, reading_id: reading.id, raised_at: now() }), rule_id: 'spo2-below-94' },
    ]);
  });
});

describe("a protocol family's own set", () => {
  it('takes precedence over the clinic set for sessions under that family (any version) only', async () => {
    const standard = await findProtocol(doctor);
    const crps = await findProtocol(doctor, CRPS);
    await callOk(doctor, 'rules/set', { rules: defaultRulesWith({ replace: { 'sbp-above-160': sbpAbove(170) } }), reason: 'Clinic: medium SBP alarm at 170' });
    t.clock.advance(MINUTE);
    const protocolSetAt = now();
    const protocolRules = defaultRulesWith({ replace: { 'sbp-above-160': sbpAbove(140) } });
    expect(await callOk(doctor, 'rules/set', { protocolFamilyId: crps.id, rules: protocolRules, reason: 'Pain patients: medium SBP alarm at 140' })).toMatchObject({
      source: 'protocol',
      baseRules: protocolRules,
      changedAt: protocolSetAt,
      changedByName: doctorUser.displayName,
      changeReason: 'Pain patients: medium SBP alarm at 140',
    });
    const underStandard = (await infusingSession(t, nurse, { protocolId: standard.id })).session;
    const underCrps = (await infusingSession(t, nurse, { protocolId: crps.id })).session;
    // A new version of the protocol stays in the family, and so under the family's set.
    const revisedCrps = await callOk(doctor, 'protocol/revise', { protocolId: crps.id, fields: { ...fieldsOf(crps), durationMinutes: 180 } });
    expect(revisedCrps.familyId).toBe(crps.familyId);
    const underRevisedCrps = (await infusingSession(t, nurse, { protocolId: revisedCrps.id })).session;
    expect(await callOk(nurse, 'rules/get', { sessionId: underStandard.id })).toMatchObject({ source: 'clinic', changeReason: 'Clinic: medium SBP alarm at 170' });
    expect(await callOk(nurse, 'rules/get', { sessionId: underCrps.id })).toMatchObject({ source: 'protocol', changeReason: 'Pain patients: medium SBP alarm at 140' });
    expect(await callOk(nurse, 'rules/get', { sessionId: underRevisedCrps.id })).toMatchObject({ source: 'protocol' });
    expect(await callOk(nurse, 'rules/get', { protocolFamilyId: revisedCrps.id })).toMatchObject({ source: 'protocol', baseRules: protocolRules });
    expect(await callOk(nurse, 'rules/get', { protocolFamilyId: standard.id })).toMatchObject({ source: 'clinic' });

    // SBP 145: above 140 (the CRPS set) but below 160 and 170. SBP 163: above the default
    // 160, below the clinic's 170, and a rise of 39 (< 40).
    for (const session of [underStandard, underCrps, underRevisedCrps]) await step(session.id, { systolicMmHg: 145, diastolicMmHg: 80 });
    expect(await activeRuleIds(underStandard.id)).toEqual([]);
    expect(await activeRuleIds(underCrps.id)).toEqual(['sbp-above-140']);
    expect(await activeRuleIds(underRevisedCrps.id)).toEqual(['sbp-above-140']);
    await step(underStandard.id, { systolicMmHg: 163, diastolicMmHg: 80 });
    expect(await activeRuleIds(underStandard.id)).toEqual([]);
    await step(underStandard.id, { systolicMmHg: 172, diastolicMmHg: 80 });
    expect(await activeRuleIds(underStandard.id)).toEqual(['sbp-above-170']);
  });
});

describe('a session override', () => {
  it('is the physician’s, needs a reason, and keeps the rule id', async () => {
    const { session } = await infusingSession(t, nurse);
    const higher = { ...defaultRule('sbp-above-160'), comparison: { kind: 'above', limit: 170 } } as const;
    expect(await callErr(nurse, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'sbp-above-160', rule: higher, reason: 'Known hypertensive' })).toMatchObject({
      code: 'forbidden',
    });
    expect(await callErr(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'sbp-above-160', rule: higher })).toMatchObject({
      code: 'invalid_request',
      field: 'reason',
    });
    expect(await callErr(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'sbp-above-160', rule: { ...higher, id: 'sbp-above-170' }, reason: 'Known hypertensive' })).toMatchObject({
      code: 'invalid_request',
      field: 'rule.id',
    });
    expect(await callErr(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'sbp-above-160', rule: { ...higher, colour: 'red' }, reason: 'Known hypertensive' })).toMatchObject({
      code: 'invalid_request',
      field: 'rule.colour',
    });
    expect(countRows(t.databasePath, 'session_rule_overrides')).toBe(0);
  });

  it('refuses to switch off a rule the session does not have (a typo must not pass as done)', async () => {
    const { session } = await infusingSession(t, nurse);
    const result = await call(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'hr-above-12', rule: null, reason: 'Athlete with a high resting rate' });
    expect(result.ok ? 'accepted' : result.error.field).toBe('ruleId');
    expect(countRows(t.databasePath, 'session_rule_overrides')).toBe(0);
  });

  it('raises or lowers a limit or switches a rule off for one session, recorded with who and when, leaving other sessions alone', async () => {
    const a = (await infusingSession(t, nurse)).session;
    const b = (await infusingSession(t, nurse)).session;
    const hrInA = await step(a.id, { heartRateBpm: 125 });
    expect(await activeRuleIds(a.id)).toEqual(['hr-above-120']);

    const higherSbp: AlertRule = { ...defaultRule('sbp-above-160'), comparison: { kind: 'above', limit: 170 } };
    const lowerSpo2: AlertRule = { ...defaultRule('spo2-below-92'), comparison: { kind: 'below', limit: 94 } };
    t.clock.advance(MINUTE);
    const firstAt = now();
    await callOk(doctor, 'rules/overrideForSession', { sessionId: a.id, ruleId: 'sbp-above-160', rule: higherSbp, reason: 'Known hypertensive; below 170 agreed' });
    await callOk(doctor, 'rules/overrideForSession', { sessionId: a.id, ruleId: 'spo2-below-92', rule: lowerSpo2, reason: 'COPD excluded; alarm from 94' });
    t.clock.advance(MINUTE);
    const offAt = now();
    const view = await callOk(doctor, 'rules/overrideForSession', { sessionId: a.id, ruleId: 'hr-above-120', rule: null, reason: 'Athlete; sinus tachycardia with anxiety' });
    expect(view.source).toBe('default');
    expect(view.overrides).toEqual([
      { id: expect.any(Number), ruleId: 'sbp-above-160', rule: higherSbp, reason: 'Known hypertensive; below 170 agreed', at: firstAt, userName: doctorUser.displayName },
      { id: expect.any(Number), ruleId: 'spo2-below-92', rule: lowerSpo2, reason: 'COPD excluded; alarm from 94', at: firstAt, userName: doctorUser.displayName },
      { id: expect.any(Number), ruleId: 'hr-above-120', rule: null, reason: 'Athlete; sinus tachycardia with anxiety', at: offAt, userName: doctorUser.displayName },
    ]);
    expect(view.effectiveRules.map((r) => r.id)).not.toContain('hr-above-120');
    expect(view.effectiveRules).toEqual(expect.arrayContaining([higherSbp, lowerSpo2]));
    expect(await callOk(nurse, 'rules/get', { sessionId: a.id })).toEqual(view);
    expect(await callOk(nurse, 'rules/get', { sessionId: b.id })).toMatchObject({ source: 'default', overrides: [], effectiveRules: DEFAULT_ALERT_RULES });
    // The alert of the switched-off rule ended with the override.
    expect(await activeRuleIds(a.id)).toEqual([]);

    // SBP 163 (a rise of 39), SpO2 93, HR 125 in both sessions.
    for (const session of [a, b]) {
      await step(session.id, { systolicMmHg: 163, diastolicMmHg: 80 });
      await step(session.id, { spo2Pct: 93 });
      await step(session.id, { heartRateBpm: 125 });
    }
    expect(await activeRuleIds(a.id)).toEqual(['spo2-below-92']);
    expect((await activeAlerts(nurse, a.id))[0]).toMatchObject({ threshold: 94, value: 93 });
    expect(await activeRuleIds(b.id)).toEqual(['sbp-above-160', 'hr-above-120']);

    const { alerts, events } = alertTables(t.databasePath, a.id);
    expect(alerts.map((x) => [x.rule_id, x.threshold, x.value])).toEqual([
      ['hr-above-120', 120, 125],
      ['spo2-below-92', 94, 93],
    ]);
    expect(events).toEqual([alertEvent(alerts[0]?.id ?? 0, 'resolved', offAt, { note: 'ruleChanged' })]);
    expect(alerts[0]).toMatchObject({ reading_id: hrInA.id });

    const raw = openRaw(t.databasePath);
    const rows = raw.prepare('SELECT session_id, rule_id, rule_json IS NULL AS switched_off, reason, at, user_id FROM session_rule_overrides ORDER BY id').all();
    raw.close();
    expect(rows).toEqual([
      { session_id: a.id, rule_id: 'sbp-above-160', switched_off: 0, reason: 'Known hypertensive; below 170 agreed', at: firstAt, user_id: doctorUser.id },
      { session_id: a.id, rule_id: 'spo2-below-92', switched_off: 0, reason: 'COPD excluded; alarm from 94', at: firstAt, user_id: doctorUser.id },
      { session_id: a.id, rule_id: 'hr-above-120', switched_off: 1, reason: 'Athlete; sinus tachycardia with anxiety', at: offAt, user_id: doctorUser.id },
    ]);
  });

  it("raising a rule's limit above the current value ends its alert at once (ruleChanged), even inside the new limit's band", async () => {
    // SBP 163 raised "above 160", 167 repeats it. The physician accepts up to 170 for this
    // patient: 167 no longer violates the session's rule, so the alert showing "> 160" must
    // not stay. (Baseline SBP 140 here, so the rise-of-40 rule stays out of it.)
    const { session } = await infusingSession(t, nurse, { baseline: { systolicMmHg: 140, diastolicMmHg: 85 } });
    const raised = await step(session.id, { systolicMmHg: 163, diastolicMmHg: 80 });
    await step(session.id, { systolicMmHg: 167, diastolicMmHg: 80 });
    t.clock.advance(MINUTE);
    const changedAt = now();
    const higher: AlertRule = { ...defaultRule('sbp-above-160'), comparison: { kind: 'above', limit: 170 } };
    await callOk(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'sbp-above-160', rule: higher, reason: 'Known hypertensive; below 170 agreed' });
    expect(await activeAlerts(nurse, session.id)).toEqual([]);
    expect(alertTables(t.databasePath, session.id).events.filter((e) => e.kind === 'resolved')).toEqual([alertEvent(1, 'resolved', changedAt, { note: 'ruleChanged' })]);
    expect(raised.alerts).toEqual([expect.objectContaining({ id: 1, threshold: 160 })]);
  });
});

describe('the contract refuses a malformed rule list, naming the field', () => {
  it('duplicate ids, a bad rule id, unknown keys, an impossible comparison, confirmation or limit', async () => {
    const hr = defaultRule('hr-above-120');
    const refuse = (rules: unknown, extra: Record<string, unknown> = {}) => callErr(doctor, 'rules/set', { rules, reason: 'Committee decision', ...extra });

    // A duplicate is named at the row that repeats the id.
    expect(await refuse([hr, defaultRule('hr-above-150'), { ...hr, priority: 'high' }])).toMatchObject({ code: 'invalid_request', field: 'rules.2.id' });
    expect(await refuse([{ ...hr, id: 'HR above 120' }])).toMatchObject({ code: 'invalid_request', field: 'rules.0.id' });
    expect(await refuse([hr, { ...hr, id: 'x' }])).toMatchObject({ code: 'invalid_request', field: 'rules.1.id' });
    expect(await refuse([hr, { ...defaultRule('spo2-below-92'), colour: 'red' }])).toMatchObject({ code: 'invalid_request', field: 'rules.1.colour' });
    expect(await refuse([hr], { scope: 'everywhere' })).toMatchObject({ code: 'invalid_request', field: 'scope' });
    expect(await refuse([{ ...hr, parameter: 'pulsePressure' }])).toMatchObject({ code: 'invalid_request', field: 'rules.0.parameter' });
    expect(await refuse([{ ...defaultRule('sbp-rise-40'), comparison: { kind: 'riseFromBaseline', delta: -40 } }])).toMatchObject({
      code: 'invalid_request',
      field: 'rules.0.comparison.delta',
    });
    expect(await refuse([{ ...hr, confirmation: { kind: 'consecutiveReadings', count: 1 } }])).toMatchObject({ code: 'invalid_request', field: 'rules.0.confirmation.count' });
    expect(await refuse([{ ...hr, hysteresis: -1 }])).toMatchObject({ code: 'invalid_request', field: 'rules.0.hysteresis' });
    // A limit no value can reach would look like protection and be none.
    expect(await refuse([{ ...hr, comparison: { kind: 'above', limit: 400 } }])).toMatchObject({ code: 'invalid_request', field: 'rules.0.comparison.limit' });
    expect(countRows(t.databasePath, 'alert_rule_sets')).toBe(0);
  });
});

describe('confirmation', () => {
  it('by two consecutive readings: one violating reading does not raise, the second does; a normal reading between starts the count again', async () => {
    const { session } = await infusingSession(t, nurse);
    const twice: AlertRule = { ...defaultRule('spo2-below-92'), confirmation: { kind: 'consecutiveReadings', count: 2 } };
    await callOk(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'spo2-below-92', rule: twice, reason: 'Probe keeps slipping; confirm twice' });

    expect((await step(session.id, { spo2Pct: 90 })).alerts).toEqual([]);
    const second = await step(session.id, { spo2Pct: 91 });
    expect(second.alerts).toEqual([expect.objectContaining({ ruleId: 'spo2-below-92', value: 91, readingId: second.id, count: 1 })]);
    const cleared = await step(session.id, { spo2Pct: 95 });

    expect((await step(session.id, { spo2Pct: 90 })).alerts).toEqual([]);
    expect((await step(session.id, { spo2Pct: 97 })).alerts).toEqual([]);
    expect((await step(session.id, { spo2Pct: 90 })).alerts).toEqual([]);
    const again = await step(session.id, { spo2Pct: 89 });

    const { alerts, events } = alertTables(t.databasePath, session.id);
    expect(alerts).toEqual([
      physiologicalAlert(1, 'spo2-below-92', { value: 91, threshold: 92, baseline: 98, reading_id: second.id, raised_at: second.at }),
      physiologicalAlert(2, 'spo2-below-92', { value: 89, threshold: 92, baseline: 98, reading_id: again.id, raised_at: again.at }),
    ]);
    expect(events).toEqual([alertEvent(1, 'resolved', cleared.at, { note: 'cleared' })]);
  });

  it('by a delay: raises on the sweep once the delay has passed with no normal reading between, and never when a normal reading came first', async () => {
    const { session } = await infusingSession(t, nurse);
    const delayed: AlertRule = { ...defaultRule('spo2-below-92'), confirmation: { kind: 'delaySeconds', seconds: 60 } };
    await callOk(doctor, 'rules/overrideForSession', { sessionId: session.id, ruleId: 'spo2-below-92', rule: delayed, reason: 'Confirm low SpO2 over a minute' });
    const tables = () => alertTables(t.databasePath, session.id, { physiologicalOnly: true });

    // 1. SpO2 90 and nothing else: raised by the sweep at exactly 60 s, not 1 ms before.
    const low = await step(session.id, { spo2Pct: 90 });
    expect(low.alerts).toEqual([]);
    t.clock.advance(60 * SECOND - 1);
    sweep();
    expect(tables().alerts).toEqual([]);
    t.clock.advance(1);
    t.core.services.ticker.tickNow();
    const raisedAt = now();
    expect(tables().alerts).toEqual([physiologicalAlert(1, 'spo2-below-92', { value: 90, threshold: 92, baseline: 98, reading_id: low.id, raised_at: raisedAt })]);
    const cleared = await step(session.id, { spo2Pct: 96 });

    // 2. SpO2 90, then a normal reading 30 s later: never raised.
    await step(session.id, { spo2Pct: 90 });
    await step(session.id, { spo2Pct: 96 }, 30 * SECOND);
    for (const wait of [30 * SECOND, 5 * MINUTE]) {
      t.clock.advance(wait);
      sweep();
    }
    expect(tables().alerts).toHaveLength(1);

    // 3. 90, a normal 96 at 30 s, 89 at 45 s: the delay counts from 89, not from the first 90.
    const episodeStart = (await step(session.id, { spo2Pct: 90 })).at;
    await step(session.id, { spo2Pct: 96 }, 30 * SECOND);
    const restart = await step(session.id, { spo2Pct: 89 }, 15 * SECOND);
    t.clock.advance(episodeStart + 60 * SECOND - now());
    sweep();
    t.clock.advance(restart.at + 60 * SECOND - 1 - now());
    sweep();
    expect(tables().alerts).toHaveLength(1);
    t.clock.advance(1);
    sweep();

    // (Alert ids are shared with the technical alerts the sweeps raise for the SpO2-only charting.)
    const { alerts, events } = tables();
    expect(alerts).toEqual([
      physiologicalAlert(1, 'spo2-below-92', { value: 90, threshold: 92, baseline: 98, reading_id: low.id, raised_at: raisedAt }),
      physiologicalAlert(alerts[1]?.id ?? 0, 'spo2-below-92', { value: 89, threshold: 92, baseline: 98, reading_id: restart.id, raised_at: restart.at + 60 * SECOND }),
    ]);
    expect(events).toEqual([alertEvent(1, 'resolved', cleared.at, { note: 'cleared' })]);
    expect(await activeRuleIds(session.id)).toContain('spo2-below-92');
  });
});
