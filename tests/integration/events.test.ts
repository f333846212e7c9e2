import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract/events';
import { EVENTS } from '../../shared/contract/events';
import type { SessionLive } from '../../shared/domain/views';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { ADMIN, callOk, MINUTE, nextTurn, openSession, readyToStart, signIn, type TestCore } from '../support/test-core';
import { useStaffedCore } from '../support/staffed-core';

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

interface Heard {
  name: EventName;
  payload: unknown;
}

/**
 * Subscribes a connection and collects what it hears, checking each payload against the
 * contract and that event numbers run without a gap. The `session/updated` that follows each
 * commit is collected apart (`updates`); its own test is below.
 */
function listen(connection: CoreConnection): { heard: Heard[]; updates: SessionLive[]; seqs: number[]; stop: () => void } {
  const heard: Heard[] = [];
  const updates: SessionLive[] = [];
  const seqs: number[] = [];
  const stop = connection.onEvent((name, payload, seq) => {
    expect(EVENTS[name].safeParse(payload).success, `${name} payload matches the contract`).toBe(true);
    seqs.push(seq);
    if (name === 'session/updated') updates.push(payload as SessionLive);
    else heard.push({ name, payload });
  });
  return { heard, updates, seqs, stop };
}

describe('events pushed to connections', () => {
  it('tells a signed-in connection about a committed reading and the alert it raised', async () => {
    const { session } = await openSession(staff);
    await readyToStart(staff, session.id);
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    t.clock.advance(MINUTE);
    const { heard, stop } = listen(staff);
    const { reading, alerts } = await callOk(staff, 'reading/add', { sessionId: session.id, values: { systolicMmHg: 190, diastolicMmHg: 95 } });
    stop();
    expect(heard).toEqual([
      { name: 'reading/added', payload: reading },
      { name: 'alert/changed', payload: alerts[0] },
    ]);
    expect(alerts[0]).toMatchObject({ ruleId: 'sbp-above-180' });
  });

  it('tells every signed-in window, including ones that did not make the change', async () => {
    const other = await signIn(t.core, ADMIN.username, ADMIN.pin);
    const { heard, stop } = listen(other);
    const { session } = await openSession(staff);
    // Screening (a session write), the baseline reading, then the start.
    const reading = await readyToStart(staff, session.id, { heartRateBpm: 76 });
    const transition = await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    stop();
    expect(heard.map((h) => h.name)).toEqual(['session/changed', 'session/changed', 'reading/added', 'session/changed']);
    expect(heard[2]?.payload).toEqual(reading);
    expect(heard[3]?.payload).toEqual(transition);
  });

  it('tells about an acknowledgement', async () => {
    const { session } = await openSession(staff);
    const alert = (await callOk(staff, 'reading/add', { sessionId: session.id, values: { spo2Pct: 86 } })).alerts[0];
    if (!alert) throw new Error('expected an SpO2 alert');
    const { heard, stop } = listen(staff);
    const acknowledged = await callOk(staff, 'alert/acknowledge', { alertId: alert.id, note: 'Oxygen on' });
    stop();
    expect(heard).toEqual([{ name: 'alert/changed', payload: acknowledged }]);
  });

  it('sends nothing to a connection that is not signed in', async () => {
    const anonymous = t.core.connect();
    const { heard, stop } = listen(anonymous);
    const { session } = await openSession(staff);
    await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 160 } });
    await readyToStart(staff, session.id);
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    stop();
    expect(heard).toEqual([]);
  });

  it('stops sending once the connection signs out', async () => {
    const { session } = await openSession(staff);
    const window = await signIn(t.core, ADMIN.username, ADMIN.pin);
    const { heard, stop } = listen(window);
    await callOk(window, 'auth/signOut', {});
    await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 77 } });
    stop();
    expect(heard).toEqual([]);
  });

  it('stops sending to a listener that unsubscribed, and to a closed connection', async () => {
    const { session } = await openSession(staff);
    const window = await signIn(t.core, ADMIN.username, ADMIN.pin);
    const kept = listen(window);
    const dropped = listen(window);
    dropped.stop();
    await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 78 } });
    expect(kept.heard.map((h) => h.name)).toEqual(['reading/added']);
    expect(dropped.heard).toEqual([]);

    window.close();
    await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 79 } });
    expect(kept.heard).toHaveLength(1);
  });

  it('numbers every event without a gap, and follows each commit with one session/updated carrying the list row and the live screen parts', async () => {
    const { session } = await openSession(staff);
    await readyToStart(staff, session.id);
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    t.clock.advance(MINUTE);
    const other = await signIn(t.core, ADMIN.username, ADMIN.pin);
    const mine = listen(staff);
    const theirs = listen(other);
    const { reading, alerts } = await callOk(staff, 'reading/add', { sessionId: session.id, values: { systolicMmHg: 190, diastolicMmHg: 95 } });
    // The update is built after the answer, on the next turn of the event loop.
    expect(mine.updates).toHaveLength(0);
    await nextTurn();
    mine.stop();
    theirs.stop();
    expect(mine.heard.map((h) => h.name)).toEqual(['reading/added', 'alert/changed']);
    expect(mine.updates).toHaveLength(1);
    const [update] = mine.updates;
    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    const [listRow] = (await callOk(staff, 'session/list', { scope: 'open' })).filter((s) => s.session.id === session.id);
    expect(update).toEqual({
      summary: listRow,
      dueChecks: detail.dueChecks,
      startBlockers: detail.startBlockers,
      dischargeBlockers: detail.dischargeBlockers,
      delivered: detail.delivered,
    });
    expect(update?.summary.latestReading).toEqual(reading);
    expect(update?.summary.highestActiveAlert).toEqual(alerts[0]);
    // Each window numbers what it hears, consecutively: the other window, listening from now, hears 1, 2, 3.
    expect(mine.seqs).toHaveLength(3);
    expect(mine.seqs).toEqual([mine.seqs[0], (mine.seqs[0] ?? 0) + 1, (mine.seqs[0] ?? 0) + 2]);
    expect(theirs.seqs).toEqual([1, 2, 3]);
  });
});
