import { describe, expect, it } from 'vitest';
import type { StartBlocker } from '../../shared/clinical/start-blockers';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import {
  ADMIN,
  aldrete,
  BASELINE_VITALS,
  callErr,
  callOk,
  countRows,
  MINUTE,
  negativeScreening,
  noContraindications,
  NURSE,
  openRaw,
  openSession,
  passingAssessment,
  readyToStart,
  type TestCore,
} from '../support/test-core';
import { useDoctorAndNurse } from '../support/staffed-core';

let t: TestCore;
/** The first account: admin and physician. */
let physician: CoreConnection;
let nurse: CoreConnection;

useDoctorAndNurse(NURSE, (opened) => ({ t, doctor: physician, nurse } = opened));

const start = (connection: CoreConnection, sessionId: number) => callOk(connection, 'session/transition', { sessionId, action: 'startInfusion' });
const startError = (connection: CoreConnection, sessionId: number) => callErr(connection, 'session/transition', { sessionId, action: 'startInfusion' });
const detail = (sessionId: number) => callOk(nurse, 'session/get', { sessionId });

/** The refusal of a blocked start, naming exactly `unmet`, in the contract's order. */
function blockedStart(unmet: readonly string[]) {
  return {
    code: 'precondition_failed',
    message: expect.any(String),
    field: 'action',
    reason: 'startInfusion_blocked',
    params: { unmet: unmet.join(',') },
  };
}

/** A session in recovery: ready, started, infused for its 40 minutes, stopped (now). */
async function inRecovery(connection: CoreConnection = nurse) {
  const { session } = await openSession(connection);
  await readyToStart(connection, session.id);
  await start(connection, session.id);
  t.clock.advance(40 * MINUTE);
  await callOk(connection, 'reading/add', { sessionId: session.id, values: { ...BASELINE_VITALS } });
  await callOk(connection, 'session/transition', { sessionId: session.id, action: 'stopInfusion' });
  return session;
}

/** A discharged session, 60 minutes into recovery, all criteria met. */
async function discharged(connection: CoreConnection = nurse) {
  const session = await inRecovery(connection);
  t.clock.advance(60 * MINUTE);
  await callOk(connection, 'discharge/assess', passingAssessment(session.id));
  await callOk(connection, 'session/transition', { sessionId: session.id, action: 'discharge' });
  return session;
}

describe('the start gate', () => {
  /**
   * Each case leaves exactly one requirement missing, checks the refusal names it (and only
   * it), then supplies it and starts. A dose order exists from session/create whenever there
   * is a protocol, so 'doseOrder' can only be missing together with 'protocol'.
   */
  const cases: { missing: StartBlocker[]; prepare: (sessionId: number) => Promise<void>; supply: ((sessionId: number) => Promise<void>) | null }[] = [
    {
      missing: ['screening'],
      prepare: async (sessionId) => {
        await callOk(nurse, 'reading/add', { sessionId, values: { ...BASELINE_VITALS } });
      },
      supply: async (sessionId) => {
        await callOk(nurse, 'screening/record', negativeScreening(sessionId));
      },
    },
    {
      missing: ['consent'],
      prepare: async (sessionId) => {
        await callOk(nurse, 'screening/record', negativeScreening(sessionId, { consentGiven: false }));
        await callOk(nurse, 'reading/add', { sessionId, values: { ...BASELINE_VITALS } });
      },
      supply: async (sessionId) => {
        await callOk(nurse, 'screening/record', negativeScreening(sessionId));
      },
    },
    {
      missing: ['escort'],
      prepare: async (sessionId) => {
        await callOk(nurse, 'screening/record', negativeScreening(sessionId, { escortArranged: false }));
        await callOk(nurse, 'reading/add', { sessionId, values: { ...BASELINE_VITALS } });
      },
      supply: async (sessionId) => {
        await callOk(nurse, 'screening/record', negativeScreening(sessionId));
      },
    },
    {
      missing: ['contraindication'],
      prepare: async (sessionId) => {
        await callOk(nurse, 'screening/record', negativeScreening(sessionId, { contraindications: { ...noContraindications(), pregnancy: true } }));
        await callOk(nurse, 'reading/add', { sessionId, values: { ...BASELINE_VITALS } });
      },
      supply: async (sessionId) => {
        await callOk(physician, 'override/add', { sessionId, kind: 'contraindication', reason: 'Negative pregnancy test today' });
      },
    },
    {
      missing: ['baselineVitals'],
      prepare: async (sessionId) => {
        await callOk(nurse, 'screening/record', negativeScreening(sessionId));
        // HR and BP in one reading, SpO2 missing: not a baseline, however many such readings there are.
        await callOk(nurse, 'reading/add', { sessionId, values: { heartRateBpm: 70, systolicMmHg: 120, diastolicMmHg: 80 } });
        await callOk(nurse, 'reading/add', { sessionId, values: { spo2Pct: 98 } });
      },
      supply: async (sessionId) => {
        await callOk(nurse, 'reading/add', { sessionId, values: { ...BASELINE_VITALS } });
      },
    },
    {
      missing: ['protocol', 'doseOrder'],
      prepare: async (sessionId) => {
        await readyToStart(nurse, sessionId);
      },
      supply: null,
    },
  ];

  it.each(cases)('refuses the start while $missing is missing, and starts once it is supplied', async ({ missing, prepare, supply }) => {
    const { session } = await openSession(nurse, missing.includes('protocol') ? { protocolId: null } : {});
    await prepare(session.id);
    const phaseEvents = countRows(t.databasePath, 'phase_events');

    expect(await startError(nurse, session.id)).toEqual(blockedStart(missing));
    expect((await detail(session.id)).startBlockers).toEqual(missing);
    expect(countRows(t.databasePath, 'phase_events')).toBe(phaseEvents);
    expect((await detail(session.id)).session.phase).toBe('screening');

    if (supply === null) {
      // There is no way to give a session a protocol after the fact, nor to order without one.
      expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.5 })).toMatchObject({ code: 'precondition_failed', reason: 'no_protocol' });
      expect(countRows(t.databasePath, 'dose_orders', `session_id = ${session.id}`)).toBe(0);
      return;
    }
    await supply(session.id);
    expect((await detail(session.id)).startBlockers).toEqual([]);
    expect((await start(nurse, session.id)).session.phase).toBe('infusing');
  });

  it('names every unmet item at once, in order', async () => {
    const { session } = await openSession(nurse, { protocolId: null });
    expect(await startError(nurse, session.id)).toEqual(blockedStart(['protocol', 'doseOrder', 'screening', 'baselineVitals']));

    const other = (await openSession(nurse)).session;
    await callOk(
      nurse,
      'screening/record',
      negativeScreening(other.id, { consentGiven: false, escortArranged: false, contraindications: { ...noContraindications(), heartFailure: true } }),
    );
    expect(await startError(nurse, other.id)).toEqual(blockedStart(['consent', 'escort', 'contraindication', 'baselineVitals']));
  });

  it('judges the newest screening only: a later incomplete one blocks again', async () => {
    const { session } = await openSession(nurse);
    await readyToStart(nurse, session.id);
    t.clock.advance(MINUTE);
    await callOk(nurse, 'screening/record', negativeScreening(session.id, { escortArranged: false }));
    expect(await startError(nurse, session.id)).toEqual(blockedStart(['escort']));
    expect(countRows(t.databasePath, 'screenings', `session_id = ${session.id}`)).toBe(2);
  });

  it('does not count a baseline reading that was marked as an artifact, nor a superseded one', async () => {
    const { session } = await openSession(nurse);
    const baseline = await readyToStart(nurse, session.id);
    await callOk(nurse, 'reading/annotate', { readingId: baseline.id, kind: 'artifact', reason: 'Cuff on the moving arm' });
    expect(await startError(nurse, session.id)).toEqual(blockedStart(['baselineVitals']));
    await callOk(nurse, 'reading/annotate', { readingId: baseline.id, kind: 'artifactCleared', reason: 'It was a good reading after all' });
    expect((await detail(session.id)).startBlockers).toEqual([]);

    // A correction that drops the SpO2 leaves no complete current baseline (the original is history).
    await callOk(nurse, 'reading/correct', { readingId: baseline.id, values: { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 78 }, reason: 'SpO2 was from the other chair' });
    expect(await startError(nurse, session.id)).toEqual(blockedStart(['baselineVitals']));
  });
});

describe('contraindications and physician overrides', () => {
  it('blocks a positive screening until a physician overrides it with a reason; a nurse cannot', async () => {
    const { session } = await openSession(nurse);
    await callOk(nurse, 'screening/record', negativeScreening(session.id, { contraindications: { ...noContraindications(), uncontrolledHypertension: true } }));
    await callOk(nurse, 'reading/add', { sessionId: session.id, values: { ...BASELINE_VITALS } });
    expect(await startError(nurse, session.id)).toEqual(blockedStart(['contraindication']));

    expect(await callErr(nurse, 'override/add', { sessionId: session.id, kind: 'contraindication', reason: 'I checked with the doctor' })).toMatchObject({
      code: 'forbidden',
      params: { roles: 'physician' },
    });
    expect(await callErr(physician, 'override/add', { sessionId: session.id, kind: 'contraindication' })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(await callErr(physician, 'override/add', { sessionId: session.id, kind: 'contraindication', reason: '  ok ' })).toMatchObject({
      code: 'invalid_request',
      field: 'reason',
    });
    // A recovery-time override has no place before the infusion.
    expect(await callErr(physician, 'override/add', { sessionId: session.id, kind: 'minimumRecovery', reason: 'Not yet relevant' })).toMatchObject({
      code: 'invalid_transition',
      params: { phase: 'screening' },
    });
    expect(countRows(t.databasePath, 'overrides', `session_id = ${session.id}`)).toBe(0);
    expect(await startError(nurse, session.id)).toEqual(blockedStart(['contraindication']));

    t.clock.advance(MINUTE);
    const afterOverride = await callOk(physician, 'override/add', { sessionId: session.id, kind: 'contraindication', reason: ' BP 150/90 on treatment, reviewed ' });
    expect(afterOverride.overrides).toEqual([
      { id: expect.any(Number), sessionId: session.id, kind: 'contraindication', reason: 'BP 150/90 on treatment, reviewed', at: t.clock.now(), userName: ADMIN.displayName },
    ]);
    expect(afterOverride.startBlockers).toEqual([]);
    expect((await start(nurse, session.id)).session.phase).toBe('infusing');
  });

  it('keeps an override through a re-save with the same answers, and drops it when a contraindication changes', async () => {
    const { session } = await openSession(nurse);
    const positive = negativeScreening(session.id, { contraindications: { ...noContraindications(), activeSubstanceMisuse: true } });
    await callOk(nurse, 'screening/record', positive);
    await callOk(nurse, 'reading/add', { sessionId: session.id, values: { ...BASELINE_VITALS } });
    await callOk(physician, 'override/add', { sessionId: session.id, kind: 'contraindication', reason: 'In remission for two years' });
    expect((await detail(session.id)).startBlockers).toEqual([]);

    // Re-saved with the same positive answers (a co-medication added): the physician's judgement still stands.
    t.clock.advance(MINUTE);
    await callOk(nurse, 'screening/record', { ...positive, coMedications: [{ name: 'Sertraline', medicationClass: 'other' }] });
    expect((await detail(session.id)).startBlockers).toEqual([]);

    // A new positive answer was not part of what the physician overrode.
    t.clock.advance(MINUTE);
    await callOk(nurse, 'screening/record', { ...positive, contraindications: { ...positive.contraindications, pregnancy: true } });
    expect(await startError(nurse, session.id)).toEqual(blockedStart(['contraindication']));
    t.clock.advance(MINUTE);
    await callOk(physician, 'override/add', { sessionId: session.id, kind: 'contraindication', reason: 'Pregnancy test negative today' });
    expect((await detail(session.id)).startBlockers).toEqual([]);
  });
});

describe('dose orders', () => {
  const ordersOf = (sessionId: number) => {
    const raw = openRaw(t.databasePath);
    try {
      return raw.prepare('SELECT * FROM dose_orders WHERE session_id = ? ORDER BY id').all(sessionId);
    } finally {
      raw.close();
    }
  };

  it("shows the protocol's standing order with main's arithmetic (80 kg: 40 mg, 40 mL, 60 mL/h)", async () => {
    const { session } = await openSession(nurse, { patient: { weightKg: 80 } });
    expect((await detail(session.id)).doseOrder).toEqual({
      id: expect.any(Number),
      sessionId: session.id,
      protocolId: session.protocolId,
      orderKind: 'perKgTotal',
      dosePerKg: 0.5,
      durationMinutes: 40,
      concentrationMgPerMl: 1,
      weightKg: 80,
      totalDoseMg: 40,
      volumeMl: 40,
      rateMlPerHour: 60,
      limitVerdict: 'within',
      overrideReason: null,
      // Placed by the nurse who opened the session, but as the protocol's standing order, not her prescription.
      source: 'protocol',
      at: t.clock.now(),
      userName: NURSE.displayName,
    });
  });

  it("is the physician's: a nurse's order is forbidden and writes nothing", async () => {
    const { session } = await openSession(nurse);
    const before = ordersOf(session.id);
    expect(await callErr(nurse, 'dose/order', { sessionId: session.id, dosePerKg: 0.6 })).toMatchObject({ code: 'forbidden', params: { roles: 'physician' } });
    expect(ordersOf(session.id)).toEqual(before);
    const ordered = await callOk(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.6 });
    expect(ordered.doseOrder).toMatchObject({ dosePerKg: 0.6, totalDoseMg: 48, volumeMl: 48, rateMlPerHour: 72, limitVerdict: 'within', overrideReason: null, source: 'physician', userName: ADMIN.displayName });
    expect(ordersOf(session.id)).toHaveLength(2);
  });

  it('needs a reason outside the soft limits and refuses outside the hard limits, writing nothing', async () => {
    const { session } = await openSession(nurse);
    const count = () => countRows(t.databasePath, 'dose_orders', `session_id = ${session.id}`);
    expect(count()).toBe(1);

    expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.8 })).toEqual({
      code: 'override_required',
      message: expect.any(String),
      field: 'overrideReason',
      reason: 'dose_above_soft_limit',
      params: { value: 0.8, limit: 0.75, unit: 'mg/kg' },
    });
    expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.08 })).toMatchObject({
      code: 'override_required',
      reason: 'dose_below_soft_limit',
      params: { value: 0.08, limit: 0.1 },
    });
    // The hard limit itself is inside it, but still outside the soft range.
    expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg: 1 })).toMatchObject({ code: 'override_required' });
    expect(count()).toBe(1);

    for (const dosePerKg of [1.01, 1.2]) {
      const refused = { code: 'value_out_of_range', message: expect.any(String), field: 'dosePerKg', reason: 'dose_above_hard_limit', params: { value: dosePerKg, limit: 1, unit: 'mg/kg' } };
      expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg })).toEqual(refused);
      // No reason opens a hard limit.
      expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg, overrideReason: 'Resistant depression, discussed' })).toEqual(refused);
    }
    expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.04, overrideReason: 'Frail' })).toMatchObject({
      code: 'value_out_of_range',
      reason: 'dose_below_hard_limit',
      params: { value: 0.04, limit: 0.05 },
    });
    expect(count()).toBe(1);

    // Exactly on the soft maximum is within.
    expect((await callOk(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.75 })).doseOrder).toMatchObject({ limitVerdict: 'within', totalDoseMg: 60 });
    const overridden = await callOk(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.8, overrideReason: ' Partial response at 0.75, discussed ' });
    expect(overridden.doseOrder).toMatchObject({
      dosePerKg: 0.8,
      totalDoseMg: 64,
      volumeMl: 64,
      rateMlPerHour: 96,
      limitVerdict: 'softLimit',
      overrideReason: 'Partial response at 0.75, discussed',
    });
    expect(count()).toBe(3);
    expect(ordersOf(session.id).at(-1)).toMatchObject({ dose_per_kg: 0.8, limit_verdict: 'softLimit', override_reason: 'Partial response at 0.75, discussed' });
  });

  it('cannot be changed once the infusion has started', async () => {
    const { session } = await openSession(nurse);
    await readyToStart(nurse, session.id);
    await start(nurse, session.id);
    expect(await callErr(physician, 'dose/order', { sessionId: session.id, dosePerKg: 0.6 })).toMatchObject({ code: 'invalid_transition', params: { phase: 'infusing' } });
    expect(countRows(t.databasePath, 'dose_orders', `session_id = ${session.id}`)).toBe(1);
  });
});

describe('the discharge gate', () => {
  const discharge = (connection: CoreConnection, sessionId: number) => callErr(connection, 'session/transition', { sessionId, action: 'discharge' });
  const earlyAttempts = (sessionId: number) => countRows(t.databasePath, 'alerts', `session_id = ${sessionId} AND rule_id = 'earlyDischargeAttempt'`);

  it('refuses before the minimum recovery, naming it, and raises one early-discharge alert however often it is tried', async () => {
    const session = await inRecovery();
    expect(await discharge(nurse, session.id)).toEqual({
      code: 'precondition_failed',
      message: expect.any(String),
      field: 'action',
      reason: 'discharge_blocked',
      // The escort arranged at screening counts until an assessment says otherwise: it is not asked again.
      params: { unmet: 'aldrete,noDrivingInstruction,minimumRecoveryTime' },
    });
    const alerts = await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'active' });
    expect(alerts).toEqual([
      expect.objectContaining({ ruleId: 'earlyDischargeAttempt', kind: 'technical', priority: 'low', state: 'active', raisedAt: t.clock.now() }),
    ]);

    t.clock.advance(30 * MINUTE);
    await callOk(nurse, 'discharge/assess', passingAssessment(session.id));
    expect((await detail(session.id)).dischargeBlockers).toEqual(['minimumRecoveryTime']);
    expect(await discharge(nurse, session.id)).toMatchObject({ code: 'precondition_failed', params: { unmet: 'minimumRecoveryTime' } });
    t.clock.advance(29 * MINUTE + 59_999);
    expect(await discharge(nurse, session.id)).toMatchObject({ code: 'precondition_failed', params: { unmet: 'minimumRecoveryTime' } });
    expect(earlyAttempts(session.id)).toBe(1);
    expect((await detail(session.id)).session.phase).toBe('recovery');

    // Exactly sixty minutes is enough; the early-discharge alert ends with the discharge.
    t.clock.advance(1);
    const done = await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'discharge' });
    expect(done.session.phase).toBe('discharged');
    expect(await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'all' })).toEqual([
      expect.objectContaining({ ruleId: 'earlyDischargeAttempt', state: 'resolved', resolvedAt: t.clock.now() }),
    ]);
  });

  it("lets a physician's minimum-recovery override through, not a nurse's", async () => {
    const session = await inRecovery();
    t.clock.advance(20 * MINUTE);
    await callOk(nurse, 'discharge/assess', passingAssessment(session.id));
    expect(await discharge(nurse, session.id)).toMatchObject({ params: { unmet: 'minimumRecoveryTime' } });
    expect(await callErr(nurse, 'override/add', { sessionId: session.id, kind: 'minimumRecovery', reason: 'Taxi is waiting' })).toMatchObject({ code: 'forbidden' });
    expect(await discharge(nurse, session.id)).toMatchObject({ params: { unmet: 'minimumRecoveryTime' } });

    const overridden = await callOk(physician, 'override/add', { sessionId: session.id, kind: 'minimumRecovery', reason: 'Fully recovered, reviewed at the chair' });
    expect(overridden.dischargeBlockers).toEqual([]);
    expect(overridden.overrides).toEqual([expect.objectContaining({ kind: 'minimumRecovery', userName: ADMIN.displayName, at: t.clock.now() })]);
    const done = await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'discharge' });
    expect(done.timer).toMatchObject({ phase: 'discharged', recoveryElapsedMs: 20 * MINUTE });
    expect(earlyAttempts(session.id)).toBe(1);
  });

  it('needs Aldrete 9 or more, the escort and the no-driving instruction, from the newest assessment', async () => {
    const session = await inRecovery();
    t.clock.advance(60 * MINUTE);
    await callOk(nurse, 'discharge/assess', passingAssessment(session.id, { aldrete: aldrete({ consciousness: 1, activity: 1 }) }));
    expect((await detail(session.id)).dischargeAssessment).toMatchObject({ aldreteTotal: 8 });
    expect(await discharge(nurse, session.id)).toMatchObject({ code: 'precondition_failed', params: { unmet: 'aldrete' } });

    await callOk(nurse, 'discharge/assess', passingAssessment(session.id, { escortPresent: false, noDrivingInstructionGiven: false }));
    expect(await discharge(nurse, session.id)).toMatchObject({ params: { unmet: 'escort,noDrivingInstruction' } });

    const nine = await callOk(nurse, 'discharge/assess', passingAssessment(session.id, { aldrete: aldrete({ consciousness: 1 }) }));
    expect(nine.dischargeAssessment).toMatchObject({ aldreteTotal: 9, escortPresent: true, noDrivingInstructionGiven: true, userName: NURSE.displayName });
    expect(nine.dischargeBlockers).toEqual([]);
    expect((await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'discharge' })).session.phase).toBe('discharged');
    expect(countRows(t.databasePath, 'discharge_assessments', `session_id = ${session.id}`)).toBe(3);
    // None of these was an early attempt.
    expect(earlyAttempts(session.id)).toBe(0);
  });

  it('refuses an assessment outside recovery and an Aldrete item out of range', async () => {
    const { session } = await openSession(nurse);
    expect(await callErr(nurse, 'discharge/assess', passingAssessment(session.id))).toMatchObject({ code: 'invalid_transition', params: { phase: 'screening' } });
    const recovering = await inRecovery();
    expect(await callErr(nurse, 'discharge/assess', passingAssessment(recovering.id, { aldrete: aldrete({ respiration: 3 }) }))).toMatchObject({
      code: 'invalid_request',
      field: 'aldrete.respiration',
    });
    expect(countRows(t.databasePath, 'discharge_assessments', `session_id IN (${session.id}, ${recovering.id})`)).toBe(0);
  });
});

describe('closing is a signature', () => {
  const signatures = (sessionId: number) => {
    const raw = openRaw(t.databasePath);
    try {
      return raw.prepare('SELECT session_id, meaning, at, user_id FROM signatures WHERE session_id = ?').all(sessionId);
    } finally {
      raw.close();
    }
  };

  it('refuses without a PIN or with a wrong one, writing nothing; the right PIN closes and records the signer', async () => {
    const session = await discharged();
    const phaseEvents = countRows(t.databasePath, 'phase_events', `session_id = ${session.id}`);

    expect(await callErr(nurse, 'session/transition', { sessionId: session.id, action: 'close' })).toMatchObject({
      code: 'invalid_request',
      field: 'pin',
      reason: 'signature_needs_pin',
    });
    expect(await callErr(nurse, 'session/transition', { sessionId: session.id, action: 'close', pin: '000000' })).toMatchObject({ code: 'bad_credentials', field: 'pin' });
    // The signature is the signer's own: another user's PIN is a wrong PIN.
    expect(await callErr(nurse, 'session/transition', { sessionId: session.id, action: 'close', pin: ADMIN.pin })).toMatchObject({ code: 'bad_credentials' });
    expect(countRows(t.databasePath, 'phase_events', `session_id = ${session.id}`)).toBe(phaseEvents);
    expect(signatures(session.id)).toEqual([]);
    expect((await detail(session.id)).signedByName).toBeNull();

    t.clock.advance(5 * MINUTE);
    const closed = await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'close', pin: NURSE.pin });
    expect(closed.session.phase).toBe('closed');
    const nurseUser = nurse.user;
    expect(signatures(session.id)).toEqual([{ session_id: session.id, meaning: 'close', at: t.clock.now(), user_id: nurseUser?.id }]);
    expect((await detail(session.id)).signedByName).toBe(NURSE.displayName);
    expect((await detail(session.id)).phaseEvents.at(-1)).toMatchObject({ fromPhase: 'discharged', toPhase: 'closed', userName: NURSE.displayName, at: t.clock.now() });
  });

  it('the physician signs with their own PIN', async () => {
    const session = await discharged(physician);
    await callOk(physician, 'session/transition', { sessionId: session.id, action: 'close', pin: ADMIN.pin });
    expect((await detail(session.id)).signedByName).toBe(ADMIN.displayName);
  });
});

describe('alerts end with the session', () => {
  it('resolves every active alert, physiological and technical, when the session is aborted', async () => {
    const { session } = await openSession(nurse);
    await readyToStart(nurse, session.id);
    await start(nurse, session.id);
    t.clock.advance(5 * MINUTE);
    await callOk(nurse, 'reading/add', { sessionId: session.id, values: { systolicMmHg: 186, diastolicMmHg: 96 } });
    await callOk(nurse, 'reading/add', { sessionId: session.id, values: { spo2Pct: 90 } });
    t.clock.advance(5 * MINUTE);
    t.core.services.monitoring.sweep(t.clock.now());
    const active = await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'active' });
    expect(active.map((a) => a.ruleId).sort()).toEqual(['sbp-above-180', 'spo2-below-92', 'vitalsOverdue']);

    t.clock.advance(MINUTE);
    await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Hypertensive, physician stopped it' });
    const after = await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'all' });
    expect(after).toHaveLength(3);
    for (const alert of after) expect(alert).toMatchObject({ state: 'resolved', resolvedReason: 'sessionEnded', resolvedAt: t.clock.now() });
    expect(await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'active' })).toEqual([]);
  });

  it('keeps a recovery alert through the discharge and resolves it at the close', async () => {
    const session = await inRecovery();
    t.clock.advance(55 * MINUTE);
    const raised = (await callOk(nurse, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 80, systolicMmHg: 166, diastolicMmHg: 84 } })).alerts;
    expect(raised).toEqual([expect.objectContaining({ ruleId: 'sbp-above-160', state: 'active' })]);
    t.clock.advance(5 * MINUTE);
    await callOk(nurse, 'discharge/assess', passingAssessment(session.id));
    await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'discharge' });
    expect((await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'active' })).map((a) => a.ruleId)).toEqual(['sbp-above-160']);

    t.clock.advance(2 * MINUTE);
    await callOk(nurse, 'session/transition', { sessionId: session.id, action: 'close', pin: NURSE.pin });
    expect(await callOk(nurse, 'alert/list', { sessionId: session.id, state: 'all' })).toEqual([
      expect.objectContaining({ ruleId: 'sbp-above-160', state: 'resolved', resolvedReason: 'sessionEnded', resolvedAt: t.clock.now() }),
    ]);
  });
});
