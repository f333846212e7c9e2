import { describe, expect, it } from 'vitest';
import type { TechnicalAlertCondition } from '../../shared/clinical/technical-alerts';
import type { Alert } from '../../shared/domain/alert';
import type { ReadingValues } from '../../shared/domain/reading';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { callOk, countRows, findProtocol, MINUTE, openSession, passingAssessment, readyToStart, type TestCore } from '../support/test-core';
import { useStaffedCore } from '../support/staffed-core';

// The sweep runs when these tests say so: `sweep()` below, or one explicit tick.
let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

/** What counts as a vitals check: HR and BP in one reading. */
const VITALS: ReadingValues = { heartRateBpm: 76, systolicMmHg: 128, diastolicMmHg: 80 };

const sweep = () => t.core.services.monitoring.sweep(t.clock.now());
const transition = (sessionId: number, action: 'startInfusion' | 'pauseInfusion' | 'resumeInfusion' | 'stopInfusion' | 'discharge') =>
  callOk(staff, 'session/transition', { sessionId, action });
const chart = (sessionId: number, values: ReadingValues = VITALS, observedAt?: number) =>
  callOk(staff, 'reading/add', { sessionId, values, ...(observedAt === undefined ? {} : { observedAt }) });
const dueChecks = async (sessionId: number) => (await callOk(staff, 'session/get', { sessionId })).dueChecks;
const technical = async (sessionId: number, condition: TechnicalAlertCondition): Promise<Alert[]> =>
  (await callOk(staff, 'alert/list', { sessionId, state: 'all' })).filter((a) => a.ruleId === condition);

/** A session under the named protocol, screened, baseline charted, infusion started now. */
async function startedSession(protocolName?: string) {
  const protocol = await findProtocol(staff, protocolName);
  const { session } = await openSession(staff, { protocolId: protocol.id });
  await readyToStart(staff, session.id);
  await transition(session.id, 'startInfusion');
  return { session, startedAt: t.clock.now() };
}

describe('vitals checks', () => {
  it('raises a medium vitalsOverdue alert only after the interval plus the grace, once, and a vitals reading resolves it', async () => {
    const { session, startedAt } = await startedSession();
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: startedAt + 5 * MINUTE, vitalsOverdue: false, overdueByMs: 0, intervalMinutes: 5 });

    // Due at 5 minutes; overdue once the 2 minutes' grace have passed, not at the moment they end.
    t.clock.advance(7 * MINUTE);
    sweep();
    expect(await technical(session.id, 'vitalsOverdue')).toEqual([]);
    expect(await dueChecks(session.id)).toMatchObject({ vitalsOverdue: false, overdueByMs: 0 });

    t.clock.advance(1);
    sweep();
    const [overdue] = await technical(session.id, 'vitalsOverdue');
    expect(overdue).toMatchObject({ kind: 'technical', priority: 'medium', parameter: 'vitalsOverdue', state: 'active', raisedAt: t.clock.now(), readingId: null });
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: startedAt + 5 * MINUTE, vitalsOverdue: true, overdueByMs: 2 * MINUTE + 1 });

    // Still overdue a minute later: the same alert, not a second one.
    t.clock.advance(MINUTE);
    sweep();
    expect(countRows(t.databasePath, 'alerts', `session_id = ${session.id} AND rule_id = 'vitalsOverdue'`)).toBe(1);

    // A BP without a heart rate is not a vitals check.
    await chart(session.id, { systolicMmHg: 130, diastolicMmHg: 82 });
    sweep();
    expect((await technical(session.id, 'vitalsOverdue'))[0]?.state).toBe('active');

    const { reading } = await chart(session.id);
    sweep();
    expect(await technical(session.id, 'vitalsOverdue')).toEqual([{ ...overdue, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'cleared' }]);
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: reading.observedAt + 5 * MINUTE, vitalsOverdue: false, overdueByMs: 0 });
  });

  it('counts a late entry at its observed time, and not a reading marked as an artifact', async () => {
    const { session, startedAt } = await startedSession();
    t.clock.advance(9 * MINUTE);
    sweep();
    expect((await technical(session.id, 'vitalsOverdue'))[0]?.state).toBe('active');

    // Taken at 4 minutes, charted now: the next check was due at 9 and is not yet overdue (11).
    const { reading } = await chart(session.id, VITALS, startedAt + 4 * MINUTE);
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: startedAt + 9 * MINUTE, vitalsOverdue: false });
    sweep();
    expect((await technical(session.id, 'vitalsOverdue'))[0]?.state).toBe('resolved');

    await callOk(staff, 'reading/annotate', { readingId: reading.id, kind: 'artifact', reason: 'Wrong patient' });
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: startedAt + 5 * MINUTE, vitalsOverdue: true });
    sweep();
    expect((await technical(session.id, 'vitalsOverdue')).map((a) => a.state)).toEqual(['resolved', 'active']);
  });

  it('keeps the due time through a pause: monitoring does not pause with the pump', async () => {
    const { session, startedAt } = await startedSession();
    t.clock.advance(4 * MINUTE);
    await chart(session.id);
    const due = startedAt + 9 * MINUTE;
    t.clock.advance(MINUTE);
    await transition(session.id, 'pauseInfusion');
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: due, intervalMinutes: 5 });

    // Overdue at 11 minutes (due 9 + grace 2), paused or not.
    t.clock.advance(6 * MINUTE);
    sweep();
    expect(await technical(session.id, 'vitalsOverdue')).toEqual([]);
    t.clock.advance(1);
    sweep();
    expect(await technical(session.id, 'vitalsOverdue')).toEqual([expect.objectContaining({ state: 'active', raisedAt: t.clock.now() })]);

    t.clock.advance(2 * MINUTE);
    await transition(session.id, 'resumeInfusion');
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: due, vitalsOverdue: true });
  });

  it("switches to the protocol's recovery interval after the stop, and stops once the patient has left", async () => {
    const { session } = await startedSession();
    for (let minute = 5; minute <= 40; minute += 5) {
      t.clock.advance(5 * MINUTE);
      await chart(session.id);
    }
    await transition(session.id, 'stopInfusion');
    const stoppedAt = t.clock.now();
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: stoppedAt + 15 * MINUTE, intervalMinutes: 15 });

    t.clock.advance(17 * MINUTE + 1);
    sweep();
    expect(await technical(session.id, 'vitalsOverdue')).toEqual([expect.objectContaining({ state: 'active' })]);

    t.clock.advance(43 * MINUTE);
    await callOk(staff, 'discharge/assess', passingAssessment(session.id));
    await transition(session.id, 'discharge');
    expect(await dueChecks(session.id)).toMatchObject({ nextVitalsDueAt: null, vitalsOverdue: false, intervalMinutes: null });
    sweep();
    expect(await technical(session.id, 'vitalsOverdue')).toEqual([expect.objectContaining({ state: 'resolved', resolvedAt: t.clock.now() })]);
  });
});

describe('the BP checkpoint at 40 minutes', () => {
  it('raises bpCheckpointOverdue once its window has closed without a BP, and a late entry in the window resolves it', async () => {
    // The pain protocol checks vitals every 15 minutes, so a missed checkpoint is not also an overdue check.
    const { session, startedAt } = await startedSession('Chronic pain (CRPS) — per hour');
    expect((await dueChecks(session.id)).checkpoints).toEqual([
      { id: 'bpBeforeDosing', status: 'done', dueAt: startedAt, doneAt: startedAt },
      { id: 'bpAt40Minutes', status: 'pending', dueAt: startedAt + 40 * MINUTE, doneAt: null },
      { id: 'bpBeforeDischarge', status: 'pending', dueAt: null, doneAt: null },
    ]);
    t.clock.advance(15 * MINUTE);
    await chart(session.id);
    t.clock.advance(15 * MINUTE);
    await chart(session.id);

    t.clock.advance(5 * MINUTE);
    expect((await dueChecks(session.id)).checkpoints[1]).toMatchObject({ status: 'due' });
    // The window (35 to 45 minutes) is still open at 45.
    t.clock.advance(10 * MINUTE);
    sweep();
    expect(await technical(session.id, 'bpCheckpointOverdue')).toEqual([]);

    t.clock.advance(1);
    sweep();
    expect((await dueChecks(session.id)).checkpoints[1]).toMatchObject({ status: 'overdue', doneAt: null });
    expect(await technical(session.id, 'bpCheckpointOverdue')).toEqual([
      expect.objectContaining({ kind: 'technical', priority: 'medium', state: 'active', raisedAt: t.clock.now() }),
    ]);
    expect(await technical(session.id, 'vitalsOverdue')).toEqual([]);

    // The BP was taken at 41 minutes and charted late.
    await chart(session.id, VITALS, startedAt + 41 * MINUTE);
    expect((await dueChecks(session.id)).checkpoints[1]).toEqual({ id: 'bpAt40Minutes', status: 'done', dueAt: startedAt + 40 * MINUTE, doneAt: startedAt + 41 * MINUTE });
    sweep();
    expect(await technical(session.id, 'bpCheckpointOverdue')).toEqual([expect.objectContaining({ state: 'resolved', resolvedReason: 'cleared' })]);
  });
});

describe('infusion overrun', () => {
  it('raises infusionOverrun past the planned 40 minutes of infusing (pauses excluded), and the stop resolves it', async () => {
    const { session } = await startedSession();
    // Vitals every 5 minutes, a 3-minute pause after 20.
    for (let minute = 5; minute <= 20; minute += 5) {
      t.clock.advance(5 * MINUTE);
      await chart(session.id);
    }
    await transition(session.id, 'pauseInfusion');
    t.clock.advance(3 * MINUTE);
    await chart(session.id);
    await transition(session.id, 'resumeInfusion');
    for (let minute = 25; minute <= 40; minute += 5) {
      t.clock.advance(5 * MINUTE);
      await chart(session.id);
    }
    // 40 minutes of infusing (43 on the wall clock): at the planned end, not past it.
    expect((await callOk(staff, 'session/get', { sessionId: session.id })).timer).toMatchObject({ infusionElapsedMs: 40 * MINUTE, infusionRemainingMs: 0 });
    sweep();
    expect(await technical(session.id, 'infusionOverrun')).toEqual([]);

    t.clock.advance(1);
    sweep();
    expect(await technical(session.id, 'infusionOverrun')).toEqual([
      expect.objectContaining({ kind: 'technical', priority: 'medium', state: 'active', raisedAt: t.clock.now() }),
    ]);
    // Nothing else is wrong with this session.
    expect((await callOk(staff, 'alert/list', { sessionId: session.id, state: 'active' })).map((a) => a.ruleId)).toEqual(['infusionOverrun']);

    t.clock.advance(2 * MINUTE);
    await transition(session.id, 'stopInfusion');
    sweep();
    expect(await technical(session.id, 'infusionOverrun')).toEqual([
      expect.objectContaining({ state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'cleared' }),
    ]);
  });

  it("runs the sweep on the ticker's tick and tells the windows", async () => {
    const { session } = await startedSession();
    t.clock.advance(8 * MINUTE);
    const heard: unknown[] = [];
    const stop = staff.onEvent((name, payload) => {
      if (name === 'alert/changed') heard.push(payload);
    });
    t.core.services.ticker.tickNow();
    stop();
    const [overdue] = await technical(session.id, 'vitalsOverdue');
    expect(overdue).toMatchObject({ state: 'active' });
    expect(heard).toContainEqual(overdue);
  });
});
