import { describe, expect, it } from 'vitest';
import { PHQ9_ITEM_IDS, type Phq9Answers } from '../../shared/clinical/phq9';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { callErr, callOk, countRows, MINUTE, newPatient, NURSE, openSession, readyToStart, type TestCore } from '../support/test-core';
import { useDoctorAndNurse } from '../support/staffed-core';

let t: TestCore;
let nurse: CoreConnection;

useDoctorAndNurse(NURSE, (opened) => ({ t, nurse } = opened));

const answers = (changes: Partial<Phq9Answers> = {}): Phq9Answers => ({ ...(Object.fromEntries(PHQ9_ITEM_IDS.map((id) => [id, 2])) as Phq9Answers), selfHarm: 0, ...changes });

describe('PHQ-9 before a session', () => {
  it('is stored with the score main computed, by whom and when, and shown in the session and the course', async () => {
    const { session, patient } = await openSession(nurse);
    const detail = await callOk(nurse, 'phq9/record', { sessionId: session.id, answers: answers() });
    expect(detail.phq9).toEqual({
      id: expect.any(Number),
      sessionId: session.id,
      answers: answers(),
      total: 16,
      band: 'moderatelySevere',
      selfHarmFlag: false,
      at: t.clock.now(),
      userName: NURSE.displayName,
    });
    expect(detail.alerts).toEqual([]);
    const course = await callOk(nurse, 'patient/history', { patientId: patient.id });
    expect(course.sessions[0]).toMatchObject({ phq9: { total: 16, band: 'moderatelySevere' }, dosePerKg: 0.5, lowestMoaasScore: null });
  });

  it('flags item 9 above 0 for a physician: a technical alert in every queue that stays until a physician resolves it', async () => {
    const { session } = await openSession(nurse);
    const detail = await callOk(nurse, 'phq9/record', { sessionId: session.id, answers: answers({ selfHarm: 1, mood: 0 }) });
    expect(detail.phq9).toMatchObject({ total: 15, selfHarmFlag: true });
    expect(detail.alerts).toEqual([expect.objectContaining({ ruleId: 'phq9SelfHarm', kind: 'technical', priority: 'medium', state: 'active', lastValue: 1 })]);
    // Recorded again (the nurse corrects an answer): still one alert, not two.
    await callOk(nurse, 'phq9/record', { sessionId: session.id, answers: answers({ selfHarm: 2 }) });
    expect(countRows(t.databasePath, 'alerts', `session_id = ${session.id} AND rule_id = 'phq9SelfHarm'`)).toBe(1);
  });

  it('refuses an answer outside 0-3, naming the item, and writes nothing; only before the infusion', async () => {
    const { session } = await openSession(nurse);
    const before = countRows(t.databasePath, 'phq9_assessments');
    const error = await callErr(nurse, 'phq9/record', { sessionId: session.id, answers: answers({ sleep: 4 }) });
    expect(error).toMatchObject({ code: 'invalid_request', field: 'answers.sleep' });
    expect(await callErr(nurse, 'phq9/record', { sessionId: session.id, answers: { interest: 1 } })).toMatchObject({ code: 'invalid_request' });
    expect(countRows(t.databasePath, 'phq9_assessments')).toBe(before);

    await readyToStart(nurse, session.id);
    await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    t.clock.advance(MINUTE);
    expect(await callErr(nurse, 'phq9/record', { sessionId: session.id, answers: answers() })).toMatchObject({ code: 'invalid_transition', params: { phase: 'infusing' } });
  });

  it('is append-only in the file', () => {
    const db = t.core.services.db;
    expect(() => db.prepare('UPDATE phq9_assessments SET total = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM phq9_assessments').run()).toThrow(/append-only/);
  });
});

describe('sex, height and allergies', () => {
  it('are registered with the patient, and each change is a new dated row (the earlier one kept)', async () => {
    const patient = await callOk(nurse, 'patient/create', newPatient({ sex: 'female', heightCm: 168, allergies: 'Penicillin (rash)' }));
    expect(patient).toMatchObject({ sex: 'female', heightCm: 168, allergies: 'Penicillin (rash)' });
    t.clock.advance(MINUTE);
    const changed = await callOk(nurse, 'patient/setDetails', { patientId: patient.id, allergies: 'Penicillin (rash); latex' });
    expect(changed).toMatchObject({ sex: 'female', heightCm: 168, allergies: 'Penicillin (rash); latex' });
    expect(await callOk(nurse, 'patient/get', { patientId: patient.id })).toEqual(changed);
    expect(countRows(t.databasePath, 'patient_details', `patient_id = ${patient.id}`)).toBe(2);
    const { session } = await openSession(nurse);
    expect((await callOk(nurse, 'session/get', { sessionId: session.id })).patient).toMatchObject({ sex: null, heightCm: null, allergies: '' });
  });

  it('refuses a height outside 40-250 cm naming the field, and writes nothing', async () => {
    const before = countRows(t.databasePath, 'patients');
    expect(await callErr(nurse, 'patient/create', newPatient({ heightCm: 1.68 }))).toMatchObject({ code: 'invalid_request', field: 'heightCm' });
    expect(countRows(t.databasePath, 'patients')).toBe(before);
    const patient = await callOk(nurse, 'patient/create', newPatient());
    const rows = countRows(t.databasePath, 'patient_details');
    expect(await callErr(nurse, 'patient/setDetails', { patientId: patient.id, heightCm: 300 })).toMatchObject({ code: 'invalid_request', field: 'heightCm' });
    expect(await callErr(nurse, 'patient/setDetails', { patientId: patient.id, sex: 'x' })).toMatchObject({ code: 'invalid_request', field: 'sex' });
    expect(countRows(t.databasePath, 'patient_details')).toBe(rows);
  });
});
