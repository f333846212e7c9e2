import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract/events';
import { createSystemClock } from '../../src-main/core/clock';
import { openVigilCore } from '../../src-main/core/vigil-core';
import { FakeClockSources } from '../support/fake-clock-sources';
import { createMemoryLogger } from '../support/memory-logger';
import { callOk, holdTickerInterval, MINUTE, openSession, readyToStart, setUpAdmin, T0 } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

holdTickerInterval();
const dirs = useTempDirs();

/**
 * A real core whose clock reads fake operating-system clocks, with a session 3 minutes into
 * its infusion (vitals due every 5 minutes, overdue after 2 minutes' grace).
 */
async function infusionUnderWay(options: { bootClock?: boolean } = {}) {
  const os = new FakeClockSources(T0, options);
  const logger = createMemoryLogger();
  const core = openVigilCore({ dataDir: dirs.make(), clock: createSystemClock(os), logger, checkResponses: true });
  const { connection } = await setUpAdmin(core);
  const notices: EventPayload<'system/notice'>[] = [];
  connection.onEvent((name, payload) => {
    if (name === 'system/notice') notices.push(payload as EventPayload<'system/notice'>);
  });
  const { session } = await openSession(connection);
  await readyToStart(connection, session.id);
  await callOk(connection, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
  os.pass(3 * MINUTE);
  core.services.ticker.tickNow();
  const state = async () => {
    core.services.ticker.tickNow();
    const detail = await callOk(connection, 'session/get', { sessionId: session.id });
    const overdue = (await callOk(connection, 'alert/list', { sessionId: session.id, state: 'active' })).filter((alert) => alert.ruleId === 'vitalsOverdue');
    return { elapsedMs: detail.timer.infusionElapsedMs, vitalsOverdue: detail.dueChecks.vitalsOverdue, overdueAlerts: overdue.length };
  };
  return { os, core, connection, session, notices, logger, state };
}

describe('time that survives sleep and clock changes, during an infusion', () => {
  it('a 25-minute sleep: the infusion ran on, so the elapsed time includes it and the vitals check is overdue', async () => {
    const { os, core, notices, state } = await infusionUnderWay();
    os.sleep(25 * MINUTE);
    expect(await state()).toEqual({ elapsedMs: 28 * MINUTE, vitalsOverdue: true, overdueAlerts: 1 });
    expect(notices).toEqual([{ kind: 'clockChanged', at: T0 + 28 * MINUTE, change: 'sleep', deltaMs: 25 * MINUTE, heldForOpenSessions: false }]);
    core.close();
  });

  it('the clock set 12 minutes forward: elapsed time and due checks stay right, and the nurse is told', async () => {
    const { os, core, connection, session, notices, logger, state } = await infusionUnderWay();
    os.step(12 * MINUTE);
    os.pass(1_000);
    expect(await state()).toEqual({ elapsedMs: 3 * MINUTE + 1_000, vitalsOverdue: false, overdueAlerts: 0 });
    expect(notices).toEqual([{ kind: 'clockChanged', at: T0 + 3 * MINUTE + 1_000, change: 'set', deltaMs: 12 * MINUTE, heldForOpenSessions: true }]);
    expect(logger.entries.find((entry) => entry.message === 'wall clock changed')?.detail).toMatchObject({ deltaMs: 12 * MINUTE });
    // A reading charted now is stamped on the session's clock, after the previous ones.
    const { reading } = await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 74, systolicMmHg: 120, diastolicMmHg: 80 } });
    expect(reading.recordedAt).toBe(T0 + 3 * MINUTE + 1_000);
    // Five minutes on (on any honest clock) the next check is due, not twelve minutes early.
    os.pass(5 * MINUTE + 2 * MINUTE + 1);
    expect(await state()).toMatchObject({ vitalsOverdue: true, overdueAlerts: 1 });
    core.close();
  });

  it('the clock set 12 minutes back: the elapsed time does not run backwards and the next check comes when due', async () => {
    const { os, core, notices, state } = await infusionUnderWay();
    os.step(-12 * MINUTE);
    os.pass(1_000);
    expect(await state()).toEqual({ elapsedMs: 3 * MINUTE + 1_000, vitalsOverdue: false, overdueAlerts: 0 });
    expect(notices).toMatchObject([{ kind: 'clockChanged', change: 'set', deltaMs: -12 * MINUTE, heldForOpenSessions: true }]);
    os.pass(4 * MINUTE);
    expect(await state()).toMatchObject({ elapsedMs: 7 * MINUTE + 1_000, vitalsOverdue: true, overdueAlerts: 1 });
    core.close();
  });
});
