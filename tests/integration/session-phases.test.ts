import { describe, expect, it } from 'vitest';
import { computeSessionTimer } from '../../shared/clinical/session-timer';
import type { Phase } from '../../shared/domain/phase';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { ADMIN, callErr, callOk, countRows, createProtocol, findProtocol, MINUTE, newPatient, openRaw, openSession, passingAssessment, readyToStart, type TestCore } from '../support/test-core';
import { useStaffedCore } from '../support/staffed-core';

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

// Closing is a signature: it carries the signer's PIN.
const transition = (sessionId: number, action: 'startInfusion' | 'pauseInfusion' | 'resumeInfusion' | 'stopInfusion' | 'discharge' | 'close') =>
  callOk(staff, 'session/transition', { sessionId, action, ...(action === 'close' ? { pin: ADMIN.pin } : {}) });

/** The phase log as stored in the file, read on a separate connection. */
function storedPhaseEvents(sessionId: number): { from_phase: Phase | null; to_phase: Phase; at: number; reason: string | null }[] {
  const raw = openRaw(t.databasePath);
  try {
    return raw.prepare('SELECT from_phase, to_phase, at, reason FROM phase_events WHERE session_id = ? ORDER BY id').all(sessionId) as never[];
  } finally {
    raw.close();
  }
}

describe('session/create', () => {
  it('opens a session in screening with the patient weight and one phase event', async () => {
    const protocol = await findProtocol(staff);
    const patient = await callOk(staff, 'patient/create', newPatient({ weightKg: 72.5 }));
    const session = await callOk(staff, 'session/create', { patientId: patient.id, chair: 'Chair A', protocolId: protocol.id });
    // The plan is the protocol's duration.
    expect(session).toMatchObject({
      patientId: patient.id,
      chair: 'Chair A',
      weightKg: 72.5,
      protocolId: protocol.id,
      plannedInfusionMinutes: 40,
      phase: 'screening',
      createdAt: t.clock.now(),
    });
    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    expect(detail.phaseEvents).toHaveLength(1);
    expect(detail.phaseEvents).toMatchObject([
      { id: expect.any(Number), sessionId: session.id, fromPhase: null, toPhase: 'screening', at: t.clock.now(), userId: session.createdBy, userName: ADMIN.displayName, reason: null },
    ]);
    expect(detail.timer).toMatchObject({ phase: 'screening', infusionElapsedMs: 0, infusionRemainingMs: 40 * MINUTE, totalElapsedMs: 0 });
  });

  it('refuses a second open session for the patient or the chair, and writes nothing', async () => {
    const { patient, session } = await openSession(staff);
    const other = await callOk(staff, 'patient/create', newPatient());
    const before = countRows(t.databasePath, 'sessions');
    expect(await callErr(staff, 'session/create', { patientId: patient.id, chair: 'Chair Z' })).toMatchObject({ code: 'conflict', field: 'patientId' });
    expect(await callErr(staff, 'session/create', { patientId: other.id, chair: session.chair.toUpperCase() })).toMatchObject({ code: 'conflict', field: 'chair' });
    expect(await callErr(staff, 'session/create', { patientId: other.id, chair: 'Chair Y', weightKg: 400 })).toMatchObject({
      code: 'value_out_of_range',
      field: 'weightKg',
    });
    expect(await callErr(staff, 'session/create', { patientId: 999_999, chair: 'Chair Y' })).toMatchObject({ code: 'not_found', field: 'patientId' });
    expect(countRows(t.databasePath, 'sessions')).toBe(before);
  });
});

describe('phase transitions and the timer', () => {
  it('runs a whole session on the clock: start, pause, resume, stop, discharge, close', async () => {
    const { session } = await openSession(staff);
    const created = t.clock.now();
    await readyToStart(staff, session.id);
    t.clock.advance(10 * MINUTE);
    const started = await transition(session.id, 'startInfusion');
    expect(started.session.phase).toBe('infusing');
    expect(started.timer).toMatchObject({ infusionStartedAt: created + 10 * MINUTE, infusionElapsedMs: 0, infusionRemainingMs: 40 * MINUTE });

    t.clock.advance(12 * MINUTE);
    expect((await transition(session.id, 'pauseInfusion')).timer).toMatchObject({ phase: 'paused', infusionElapsedMs: 12 * MINUTE });
    t.clock.advance(3 * MINUTE);
    expect((await transition(session.id, 'resumeInfusion')).timer).toMatchObject({ phase: 'infusing', pausedElapsedMs: 3 * MINUTE });
    t.clock.advance(20 * MINUTE);
    expect((await callOk(staff, 'session/get', { sessionId: session.id })).timer).toMatchObject({
      phase: 'infusing',
      nowAt: t.clock.now(),
      infusionElapsedMs: 32 * MINUTE,
      infusionRemainingMs: 8 * MINUTE,
      pausedElapsedMs: 3 * MINUTE,
      totalElapsedMs: 35 * MINUTE,
    });

    t.clock.advance(8 * MINUTE);
    const stopped = await transition(session.id, 'stopInfusion');
    expect(stopped.timer).toMatchObject({ phase: 'recovery', infusionElapsedMs: 40 * MINUTE, infusionRemainingMs: 0, infusionEndedAt: t.clock.now(), recoveryStartedAt: t.clock.now() });

    t.clock.advance(60 * MINUTE);
    expect((await callOk(staff, 'session/get', { sessionId: session.id })).timer).toMatchObject({ recoveryElapsedMs: 60 * MINUTE, totalElapsedMs: 103 * MINUTE });
    // Sixty minutes is the protocol's minimum recovery; the assessment is the rest of the discharge criteria.
    await callOk(staff, 'discharge/assess', passingAssessment(session.id));
    await transition(session.id, 'discharge');
    t.clock.advance(5 * MINUTE);
    // The session ended when the patient left; closing five minutes later is paperwork.
    const closed = await transition(session.id, 'close');
    expect(closed.session.phase).toBe('closed');
    expect(closed.timer).toMatchObject({ infusionElapsedMs: 40 * MINUTE, pausedElapsedMs: 3 * MINUTE, recoveryElapsedMs: 60 * MINUTE, totalElapsedMs: 103 * MINUTE });

    expect((await callOk(staff, 'session/list', { scope: 'open' })).map((s) => s.session.id)).not.toContain(session.id);
    expect((await callOk(staff, 'session/list', { scope: 'recent' })).map((s) => s.session.id)).toContain(session.id);
    t.clock.advance(24 * 60 * MINUTE);
    expect((await callOk(staff, 'session/get', { sessionId: session.id })).timer.totalElapsedMs).toBe(103 * MINUTE);

    expect(storedPhaseEvents(session.id).map((e) => [e.from_phase, e.to_phase])).toEqual([
      [null, 'screening'],
      ['screening', 'infusing'],
      ['infusing', 'paused'],
      ['paused', 'infusing'],
      ['infusing', 'recovery'],
      ['recovery', 'discharged'],
      ['discharged', 'closed'],
    ]);
  });

  it('derives the timer from the stored timestamps alone', async () => {
    const protocol = await createProtocol(staff, { name: 'Depression — 45 min', durationMinutes: 45 });
    const { session } = await openSession(staff, { protocolId: protocol.id });
    expect(session.plannedInfusionMinutes).toBe(45);
    await readyToStart(staff, session.id);
    await transition(session.id, 'startInfusion');
    t.clock.advance(7 * MINUTE);
    await transition(session.id, 'pauseInfusion');
    t.clock.advance(2 * MINUTE);
    await transition(session.id, 'resumeInfusion');
    t.clock.advance(9 * MINUTE);
    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    const fromFile = computeSessionTimer(
      session.id,
      storedPhaseEvents(session.id).map((e) => ({ toPhase: e.to_phase, at: e.at })),
      t.clock.now(),
      45 * MINUTE,
    );
    expect(detail.timer).toEqual(fromFile);
    expect(detail.timer).toMatchObject({ infusionElapsedMs: 16 * MINUTE, pausedElapsedMs: 2 * MINUTE });
  });

  it('refuses a transition the phase does not allow, naming action and phase, and writes nothing', async () => {
    const { session } = await openSession(staff);
    const before = countRows(t.databasePath, 'phase_events');
    expect(await callErr(staff, 'session/transition', { sessionId: session.id, action: 'pauseInfusion' })).toMatchObject({
      code: 'invalid_transition',
      field: 'action',
      params: { action: 'pauseInfusion', phase: 'screening' },
    });
    expect(await callErr(staff, 'session/transition', { sessionId: session.id, action: 'discharge' })).toMatchObject({ code: 'invalid_transition' });
    expect(await callErr(staff, 'session/transition', { sessionId: 999_999, action: 'startInfusion' })).toMatchObject({ code: 'not_found' });
    expect(countRows(t.databasePath, 'phase_events')).toBe(before);
  });

  it('needs a reason to abort, and stores it', async () => {
    const { session } = await openSession(staff);
    await readyToStart(staff, session.id);
    await transition(session.id, 'startInfusion');
    t.clock.advance(4 * MINUTE);
    expect(await callErr(staff, 'session/transition', { sessionId: session.id, action: 'abort' })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    const aborted = await callOk(staff, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Severe nausea, patient asked to stop' });
    expect(aborted.session.phase).toBe('aborted');
    expect(aborted.timer).toMatchObject({ infusionElapsedMs: 4 * MINUTE, infusionEndedAt: t.clock.now() });
    expect(storedPhaseEvents(session.id).at(-1)).toMatchObject({ from_phase: 'infusing', to_phase: 'aborted', reason: 'Severe nausea, patient asked to stop' });
    expect(await callErr(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' })).toMatchObject({ code: 'invalid_transition' });
  });

  it('frees the chair and the patient once a session is closed or aborted', async () => {
    const { patient, session } = await openSession(staff);
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Consent withdrawn' });
    const next = await callOk(staff, 'session/create', { patientId: patient.id, chair: session.chair });
    expect(next.phase).toBe('screening');
  });

  it('summarises open sessions with patient, timer, latest reading and highest alert', async () => {
    const { patient, session } = await openSession(staff);
    await readyToStart(staff, session.id);
    await transition(session.id, 'startInfusion');
    t.clock.advance(MINUTE);
    await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 125 } });
    t.clock.advance(MINUTE);
    const { reading } = await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 126, spo2Pct: 87 } });
    const row = (await callOk(staff, 'session/list', { scope: 'open' })).find((s) => s.session.id === session.id);
    expect(row).toMatchObject({
      patient,
      latestReading: reading,
      activeAlertCount: 2,
      highestActiveAlert: { ruleId: 'spo2-below-88', priority: 'high' },
      timer: { phase: 'infusing', infusionElapsedMs: 2 * MINUTE },
    });
  });
});
