import { beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert';
import type { Patient } from '../../shared/domain/patient';
import type { ReadingValues } from '../../shared/domain/reading';
import type { Session } from '../../shared/domain/session';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import {
  addUser,
  callErr,
  callOk,
  findProtocol,
  MINUTE,
  newPatient,
  NURSE,
  openSession,
  passingAssessment,
  readyToStart,
  type TestCore,
} from '../support/test-core';
import { useDoctorAndNurse } from '../support/staffed-core';

let t: TestCore;
let physician: CoreConnection;
let nurse: CoreConnection;

const DAY = 24 * 60 * MINUTE;

let patient: Patient;
let first: Session;
let second: Session;
let firstStartedAt: number;
let secondStartedAt: number;

const chart = (sessionId: number, values: ReadingValues) => callOk(nurse, 'reading/add', { sessionId, values });

/**
 * One patient, two sessions a week apart. The first, closed, has readings that must not
 * count for the peaks: an artifact (SBP 190, DBP 104) and two superseded originals (SBP 171,
 * dissociation 4). The second, still infusing, runs under the pain protocol at a dose the
 * physician re-ordered.
 */
useDoctorAndNurse(NURSE, (opened) => ({ t, doctor: physician, nurse } = opened));
beforeAll(async () => {
  ({ patient, session: first } = await openSession(nurse, { patient: { weightKg: 80 } }));
  await readyToStart(nurse, first.id);
  await callOk(nurse, 'session/transition', { sessionId: first.id, action: 'startInfusion' });
  firstStartedAt = t.clock.now();
  t.clock.advance(5 * MINUTE);
  await chart(first.id, { heartRateBpm: 80, systolicMmHg: 152, diastolicMmHg: 92, spo2Pct: 97, dissociationLevel: 2 });
  t.clock.advance(5 * MINUTE);
  const spike = (await chart(first.id, { systolicMmHg: 190, diastolicMmHg: 104 })).reading;
  await callOk(nurse, 'reading/annotate', { readingId: spike.id, kind: 'artifact', reason: 'Cuff on the moving arm' });
  t.clock.advance(5 * MINUTE);
  const high = (await chart(first.id, { systolicMmHg: 171, diastolicMmHg: 96 })).reading;
  await callOk(nurse, 'reading/correct', { readingId: high.id, values: { systolicMmHg: 161, diastolicMmHg: 96 }, reason: 'Misread 161 as 171' });
  t.clock.advance(5 * MINUTE);
  const dissociated = (await chart(first.id, { dissociationLevel: 4 })).reading;
  await callOk(nurse, 'reading/correct', { readingId: dissociated.id, values: { dissociationLevel: 3 }, reason: 'Rated against the wrong anchor' });
  t.clock.advance(20 * MINUTE);
  await callOk(nurse, 'session/transition', { sessionId: first.id, action: 'stopInfusion' });
  t.clock.advance(60 * MINUTE);
  await callOk(nurse, 'discharge/assess', passingAssessment(first.id));
  await callOk(nurse, 'session/transition', { sessionId: first.id, action: 'discharge' });
  await callOk(nurse, 'session/transition', { sessionId: first.id, action: 'close', pin: NURSE.pin });

  t.clock.advance(7 * DAY);
  const pain = await findProtocol(nurse, 'Chronic pain (CRPS) — per hour');
  second = await callOk(nurse, 'session/create', { patientId: patient.id, chair: 'Chair 3', protocolId: pain.id });
  await callOk(physician, 'dose/order', { sessionId: second.id, dosePerKg: 0.3 });
  await readyToStart(nurse, second.id);
  await callOk(nurse, 'session/transition', { sessionId: second.id, action: 'startInfusion' });
  secondStartedAt = t.clock.now();
  t.clock.advance(15 * MINUTE);
  await chart(second.id, { heartRateBpm: 78, systolicMmHg: 138, diastolicMmHg: 84, spo2Pct: 90, dissociationLevel: 1 });

  // Someone else's session, with higher values, must not leak into this history.
  const other = await openSession(nurse);
  await chart(other.session.id, { systolicMmHg: 200, diastolicMmHg: 120 });
});

describe('patient/history', () => {
  it("lists the patient's sessions, newest first, with protocol, total dose and start", async () => {
    const history = await callOk(nurse, 'patient/history', { patientId: patient.id });
    expect(history.patient).toEqual(patient);
    expect(history.sessions.map((entry) => entry.session.id)).toEqual([second.id, first.id]);
    expect(history.sessions.map((entry) => [entry.session.phase, entry.protocolName, entry.totalDoseMg, entry.infusionStartedAt])).toEqual([
      // 0.3 mg/kg/h x 80 kg x 4 h: the physician's order, not the protocol's standing 0.35.
      ['infusing', 'Chronic pain (CRPS) — per hour', 96, secondStartedAt],
      // 0.5 mg/kg x 80 kg.
      ['closed', 'Depression — standard', 40, firstStartedAt],
    ]);
  });

  it('takes the peaks from current readings only: no artifacts, no superseded originals', async () => {
    const [latest, earlier] = (await callOk(nurse, 'patient/history', { patientId: patient.id })).sessions;
    expect(earlier).toMatchObject({ peakSystolicMmHg: 161, peakDiastolicMmHg: 96, peakDissociationLevel: 3 });
    // The baseline (124/78) counts; it has no dissociation rating.
    expect(latest).toMatchObject({ peakSystolicMmHg: 138, peakDiastolicMmHg: 84, peakDissociationLevel: 1 });
  });

  it('counts the alerts each session had, by priority, whatever became of them', async () => {
    const [latest, earlier] = (await callOk(nurse, 'patient/history', { patientId: patient.id })).sessions;
    const byPriority = async (sessionId: number) => {
      const alerts: Alert[] = await callOk(nurse, 'alert/list', { sessionId, state: 'all' });
      return { high: alerts.filter((a) => a.priority === 'high').length, medium: alerts.filter((a) => a.priority === 'medium').length, low: alerts.filter((a) => a.priority === 'low').length };
    };
    // First session: SBP > 180 (high) and DBP > 100 (medium) from the artifact, SBP > 160 (medium), dissociation 4 (medium, corrected away).
    expect(earlier?.alertCounts).toEqual({ high: 1, medium: 3, low: 0 });
    expect(earlier?.alertCounts).toEqual(await byPriority(first.id));
    // Second: SpO2 90 (medium).
    expect(latest?.alertCounts).toEqual({ high: 0, medium: 1, low: 0 });
  });

  it('is empty for a patient without sessions, and not_found for an unknown patient', async () => {
    const newcomer = await callOk(nurse, 'patient/create', newPatient());
    expect(await callOk(nurse, 'patient/history', { patientId: newcomer.id })).toEqual({ patient: newcomer, sessions: [] });
    expect(await callErr(nurse, 'patient/history', { patientId: 999_999 })).toMatchObject({ code: 'not_found', field: 'patientId' });
  });

  it('is open to clinical staff only', async () => {
    const { connection: itAdmin } = await addUser(t.core, physician, { username: 'it.admin', displayName: 'IT Admin', pin: '864209' }, ['admin']);
    expect(await callErr(itAdmin, 'patient/history', { patientId: patient.id })).toMatchObject({ code: 'forbidden' });
    expect((await callOk(physician, 'patient/history', { patientId: patient.id })).sessions).toHaveLength(2);
  });
});
