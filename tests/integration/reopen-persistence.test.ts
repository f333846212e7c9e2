import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert';
import { ManualClock } from '../../src-main/core/clock';
import { ADMIN, callOk, createProtocol, holdTickerInterval, MINUTE, openSession, openTestCore, readyToStart, setUpAdmin, signIn, T0 } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

holdTickerInterval();
const dirs = useTempDirs();

describe('closing and reopening the same database file', () => {
  it('finds every session, reading, alert, acknowledgement and phase event, with the timer consistent with the clock', async () => {
    const dataDir = dirs.make();
    const first = openTestCore(dataDir, new ManualClock(T0));
    const { connection: staff } = await setUpAdmin(first.core);
    const clock = first.clock;

    // Session A: through an acknowledged, repeated, superseded and cleared alert, into recovery.
    const a = (await openSession(staff)).session;
    await readyToStart(staff, a.id, { systolicMmHg: 140, diastolicMmHg: 85, heartRateBpm: 70 });
    clock.advance(5 * MINUTE);
    await callOk(staff, 'session/transition', { sessionId: a.id, action: 'startInfusion' });
    clock.advance(10 * MINUTE);
    const high = (await callOk(staff, 'reading/add', { sessionId: a.id, values: { systolicMmHg: 185, diastolicMmHg: 90 } })).alerts[0] as Alert;
    clock.advance(MINUTE);
    await callOk(staff, 'alert/acknowledge', { alertId: high.id, note: 'Labetalol considered; recheck' });
    clock.advance(4 * MINUTE);
    await callOk(staff, 'reading/add', { sessionId: a.id, values: { systolicMmHg: 187, diastolicMmHg: 90 } });
    await callOk(staff, 'session/transition', { sessionId: a.id, action: 'pauseInfusion' });
    clock.advance(2 * MINUTE);
    await callOk(staff, 'session/transition', { sessionId: a.id, action: 'resumeInfusion' });
    clock.advance(5 * MINUTE);
    await callOk(staff, 'reading/add', { sessionId: a.id, values: { systolicMmHg: 165, diastolicMmHg: 88 } });
    clock.advance(10 * MINUTE);
    await callOk(staff, 'reading/add', { sessionId: a.id, values: { systolicMmHg: 135, diastolicMmHg: 82 } });
    await callOk(staff, 'session/transition', { sessionId: a.id, action: 'stopInfusion' });

    // Session B: still infusing, with an active alert, when Vigil closes.
    const sixtyMinutes = await createProtocol(staff, { name: 'Depression — 60 min', durationMinutes: 60 });
    const b = (await openSession(staff, { protocolId: sixtyMinutes.id })).session;
    await readyToStart(staff, b.id);
    await callOk(staff, 'session/transition', { sessionId: b.id, action: 'startInfusion' });
    clock.advance(3 * MINUTE);
    const spo2 = (await callOk(staff, 'reading/add', { sessionId: b.id, values: { spo2Pct: 90 } })).alerts[0] as Alert;

    const closedAt = clock.now();
    const beforeA = await callOk(staff, 'session/get', { sessionId: a.id });
    const beforeB = await callOk(staff, 'session/get', { sessionId: b.id });
    expect(beforeA.alerts.map((x) => [x.ruleId, x.state, x.resolvedReason])).toEqual([
      ['sbp-above-180', 'resolved', 'superseded'],
      ['sbp-above-160', 'resolved', 'cleared'],
    ]);
    expect(beforeB.alerts.map((x) => x.ruleId)).toEqual(['spo2-below-92']);
    first.core.close();
    expect(first.logger.errors()).toEqual([]);

    // Ninety minutes later, Vigil starts again on the same folder.
    const later = new ManualClock(closedAt + 90 * MINUTE);
    const second = openTestCore(dataDir, later);
    try {
      expect(second.core.services.ticker.isRunning()).toBe(true);
      const anonymous = second.core.connect();
      expect(await callOk(anonymous, 'auth/status', {})).toEqual({ setupRequired: false, user: null, mustChoosePin: false, locked: false, handBackTo: null });
      const staffAgain = await signIn(second.core, ADMIN.username, ADMIN.pin);

      const afterA = await callOk(staffAgain, 'session/get', { sessionId: a.id });
      const afterB = await callOk(staffAgain, 'session/get', { sessionId: b.id });
      for (const [before, after] of [
        [beforeA, afterA],
        [beforeB, afterB],
      ] as const) {
        expect(after.session).toEqual(before.session);
        expect(after.patient).toEqual(before.patient);
        expect(after.phaseEvents).toEqual(before.phaseEvents);
        expect(after.readings).toEqual(before.readings);
        expect(after.protocol).toEqual(before.protocol);
        expect(after.doseOrder).toEqual(before.doseOrder);
        expect(after.screening).toEqual(before.screening);
        // Every alert from before, unchanged and first; the restart's first sweep may only add technical ones.
        expect(after.alerts.slice(0, before.alerts.length)).toEqual(before.alerts);
        expect(after.alerts.slice(before.alerts.length).every((x) => x.kind === 'technical' && x.raisedAt === later.now())).toBe(true);
      }
      // Ninety minutes without a vitals check: the restart's first tick notices at once.
      // A is in recovery (vitals overdue; no BP in the 35-45 minute window); B is 33 minutes past its planned end.
      const technical = (detail: typeof afterA) => detail.alerts.filter((x) => x.kind === 'technical').map((x) => x.ruleId).sort();
      expect(technical(afterA)).toEqual(['bpCheckpointOverdue', 'vitalsOverdue']);
      expect(technical(afterB)).toEqual(['bpCheckpointOverdue', 'infusionOverrun', 'vitalsOverdue']);
      expect(afterA.alerts[0]).toMatchObject({ id: high.id, count: 2, lastValue: 187, acknowledgedByName: ADMIN.displayName, acknowledgeNote: 'Labetalol considered; recheck' });

      // Timers: derived from stored timestamps and the new clock.
      expect(afterA.timer).toEqual({ ...beforeA.timer, nowAt: later.now(), recoveryElapsedMs: beforeA.timer.recoveryElapsedMs + 90 * MINUTE, totalElapsedMs: beforeA.timer.totalElapsedMs + 90 * MINUTE });
      expect(afterA.timer).toMatchObject({ phase: 'recovery', infusionElapsedMs: 30 * MINUTE, pausedElapsedMs: 2 * MINUTE, recoveryElapsedMs: 93 * MINUTE });
      expect(afterB.timer).toMatchObject({ phase: 'infusing', nowAt: later.now(), infusionElapsedMs: 93 * MINUTE, infusionRemainingMs: -33 * MINUTE });

      // The still-active alert carries on: a repeat counts on it rather than raising a second one.
      later.advance(MINUTE);
      const repeat = await callOk(staffAgain, 'reading/add', { sessionId: b.id, values: { spo2Pct: 91 } });
      expect(repeat.alerts).toEqual([{ ...spo2, count: 2, lastValue: 91, lastAt: later.now() }]);
      const activeB = await callOk(staffAgain, 'alert/list', { sessionId: b.id, state: 'active' });
      expect(activeB.filter((x) => x.kind === 'physiological')).toEqual([{ ...spo2, count: 2, lastValue: 91, lastAt: later.now() }]);

      const open = await callOk(staffAgain, 'session/list', { scope: 'open' });
      expect(open.map((s) => s.session.id).sort()).toEqual([a.id, b.id].sort());
    } finally {
      second.core.close();
    }
    expect(second.logger.errors()).toEqual([]);
  });
});
