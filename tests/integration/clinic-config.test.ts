import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract/events';
import { DEFAULT_CLINIC_CONFIG as VIGIL_DEFAULTS } from '../../shared/domain/clinic-config';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { useDoctorAndNursePerTest } from '../support/staffed-core';
import { aldrete, callErr, callOk, MINUTE, NURSE, TEST_CHAIRS, openSession, passingAssessment, readyToStart, type TestCore } from '../support/test-core';

let t: TestCore;
let doctor: CoreConnection;
let nurse: CoreConnection;
useDoctorAndNursePerTest(NURSE, (opened) => {
  ({ t, doctor, nurse } = opened);
});
// Vigil's defaults with the test clinic's chairs (set up with the first account), so a change here leaves the chairs alone.
const DEFAULT_CLINIC_CONFIG = { ...VIGIL_DEFAULTS, chairs: TEST_CHAIRS.map((name, index) => ({ id: index + 1, name })) };

describe('clinic settings are data', () => {
  it('a physician raises the discharge Aldrete minimum with a reason: an open session is judged by it at once, and a second window hears of it', async () => {
    const { session } = await openSession(doctor);
    await readyToStart(doctor, session.id);
    await callOk(doctor, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    await callOk(doctor, 'session/transition', { sessionId: session.id, action: 'stopInfusion' });
    t.clock.advance(90 * MINUTE);
    await callOk(doctor, 'discharge/assess', passingAssessment(session.id, { aldrete: aldrete({ activity: 1 }) }));
    expect((await callOk(nurse, 'session/get', { sessionId: session.id })).dischargeBlockers).toEqual([]);

    const heard: EventName[] = [];
    nurse.onEvent((name) => heard.push(name));
    const config = { ...DEFAULT_CLINIC_CONFIG, dischargeCriteria: { minimumAldreteScore: 10 } };
    expect(await callErr(nurse, 'clinic/setConfig', { config, reason: 'Stricter after an incident' })).toMatchObject({ code: 'forbidden' });
    expect(await callErr(doctor, 'clinic/setConfig', { config, reason: '' })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    const saved = await callOk(doctor, 'clinic/setConfig', { config, reason: 'Stricter after an incident' });
    expect(saved).toMatchObject({ config: { dischargeCriteria: { minimumAldreteScore: 10 } }, source: { reason: 'Stricter after an incident' } });

    expect(heard).toEqual(expect.arrayContaining(['session/changed', 'settings/changed']));
    const seen = await callOk(nurse, 'session/get', { sessionId: session.id });
    expect(seen.minimumAldreteScore).toBe(10);
    expect(seen.dischargeBlockers).toContain('aldrete');
    expect(await callErr(nurse, 'session/transition', { sessionId: session.id, action: 'discharge' })).toMatchObject({ code: 'precondition_failed' });
    expect(await callOk(nurse, 'clinic/getConfig', {})).toEqual(saved);
  });

  it('a changed technical alert priority and overdue grace apply to the next check', async () => {
    const { session } = await openSession(doctor);
    await readyToStart(doctor, session.id);
    await callOk(doctor, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    const config = {
      ...DEFAULT_CLINIC_CONFIG,
      monitoringSchedule: { ...DEFAULT_CLINIC_CONFIG.monitoringSchedule, overdueGraceMinutes: 0 },
      technicalAlertPriorities: { ...DEFAULT_CLINIC_CONFIG.technicalAlertPriorities, vitalsOverdue: 'high' as const },
    };
    await callOk(doctor, 'clinic/setConfig', { config, reason: 'Overdue vitals are urgent here' });
    // The standard protocol charts vitals every 5 minutes; with no grace, 6 minutes is overdue.
    t.clock.advance(6 * MINUTE);
    t.core.services.monitoring.sweep();
    const active = await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'active' });
    expect(active.filter((a) => a.kind === 'technical')).toEqual([expect.objectContaining({ priority: 'high' })]);
  });
});

describe('clinic settings history and the clinic name', () => {
  it('keeps every version of the configuration and of the alarm behaviour with who, when and why, newest first', async () => {
    // The one version so far: the test clinic's chairs, set up with the first account.
    expect((await callOk(nurse, 'clinic/history', {})).clinic.map((v) => v.reason)).toEqual(['The chairs of the test clinic']);
    const first = { ...DEFAULT_CLINIC_CONFIG, clinic: { name: 'Harbour Ketamine Clinic' } };
    await callOk(doctor, 'clinic/setConfig', { config: first, reason: 'Our name on the reports' });
    t.clock.advance(MINUTE);
    await callOk(doctor, 'clinic/setConfig', { config: { ...first, dischargeCriteria: { minimumAldreteScore: 10 } }, reason: 'Stricter after an incident' });
    const alarm = (await callOk(doctor, 'settings/get', {})).settings;
    await callOk(doctor, 'settings/update', { settings: { ...alarm, latchingAlerts: true }, reason: 'Latch alarms in recovery' });

    const history = await callOk(nurse, 'clinic/history', {});
    expect(history.clinic.map((v) => [v.reason, v.value.dischargeCriteria.minimumAldreteScore, v.value.clinic.name])).toEqual([
      ['Stricter after an incident', 10, 'Harbour Ketamine Clinic'],
      ['Our name on the reports', 9, 'Harbour Ketamine Clinic'],
      ['The chairs of the test clinic', 9, VIGIL_DEFAULTS.clinic.name],
    ]);
    const [newest, older] = history.clinic;
    expect(newest).toMatchObject({ userName: expect.any(String), at: expect.any(Number) });
    expect((newest?.at ?? 0) - (older?.at ?? 0)).toBe(MINUTE);
    expect(history.alarm).toEqual([expect.objectContaining({ reason: 'Latch alarms in recovery', value: { ...alarm, latchingAlerts: true } })]);
  });

  it('refuses a blank clinic name or an out-of-range interval by field, and stores nothing', async () => {
    const blank = await callErr(doctor, 'clinic/setConfig', { config: { ...DEFAULT_CLINIC_CONFIG, clinic: { name: '  ' } }, reason: 'Typo' });
    expect(blank).toMatchObject({ code: 'invalid_request', field: 'config.clinic.name' });
    const slip = { ...DEFAULT_CLINIC_CONFIG, monitoringSchedule: { ...DEFAULT_CLINIC_CONFIG.monitoringSchedule, infusionIntervalMinutes: 500 } };
    expect(await callErr(doctor, 'clinic/setConfig', { config: slip, reason: 'Typo' })).toMatchObject({ code: 'invalid_request', field: 'config.monitoringSchedule.infusionIntervalMinutes' });
    expect((await callOk(doctor, 'clinic/history', {})).clinic).toHaveLength(1);
  });

  it('a version read inside an act that rolls back is never served afterwards, even when the next version reuses its row id', async () => {
    const { acts, clinicConfig, users } = { acts: t.core.acts, clinicConfig: t.core.services.clinicConfig, users: t.core.services.db };
    const doctorId = users.prepare<[], { id: number }>('SELECT id FROM users ORDER BY id LIMIT 1').get()?.id ?? 0;
    const actor = { userId: doctorId, name: 'test' };
    const rolledBack = { ...DEFAULT_CLINIC_CONFIG, clinic: { name: 'Rolled back' } };
    expect(() =>
      acts.run({ actor, channel: 'clinic/setConfig', kind: 'write', detail: {} }, () => {
        clinicConfig.set(rolledBack, 'Will not stand', doctorId);
        expect(clinicConfig.current().clinic.name).toBe('Rolled back');
        throw new Error('the act fails after reading its own write');
      }),
    ).toThrow('the act fails');
    // Nothing reads the configuration before the next version is stored (with the same row id).
    acts.run({ actor, channel: 'clinic/setConfig', kind: 'write', detail: {} }, () => clinicConfig.set({ ...DEFAULT_CLINIC_CONFIG, clinic: { name: 'Saved' } }, 'Our name', doctorId));
    expect(clinicConfig.current().clinic.name).toBe('Saved');
    expect((await callOk(nurse, 'clinic/getConfig', {})).source?.reason).toBe('Our name');
  });

  it('a version stored before the clinic name existed reads with the default name', () => {
    const { clinic: _omitted, ...older } = DEFAULT_CLINIC_CONFIG;
    const doctorId = t.core.services.db.prepare<[], { id: number }>('SELECT id FROM users ORDER BY id LIMIT 1').get()?.id;
    t.core.services.db.prepare('INSERT INTO clinic_config (config_json, reason, at, user_id) VALUES (?, ?, ?, ?)').run(JSON.stringify(older), 'Before names', 1, doctorId);
    expect(t.core.services.clinicConfig.current().clinic.name).toBe(DEFAULT_CLINIC_CONFIG.clinic.name);
  });
});
