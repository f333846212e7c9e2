import { afterEach, describe, expect, it } from 'vitest';
import type { VigilBridge, VigilChannels } from '../../shared/contract/api';
import { CHANNEL_NAMES } from '../../shared/contract/channels';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { setBridge } from '../../src-renderer/transport/client';
import { mergeReading, useAppStore } from '../../src-renderer/store/app-store';
import { useAlertsStore } from '../../src-renderer/store/alerts-store';
import { loadSession, refreshOpenSessions, startEventSync } from '../../src-renderer/store/sync';
import { chart, infusingSession } from '../support/alert-fixtures';
import { useStaffedCore } from '../support/staffed-core';
import { addUser, ADMIN, callOk, MINUTE, signIn, type TestCore } from '../support/test-core';

/**
 * The renderer's store against the real core: a window's bridge is a real connection, its
 * calls counted. Events carry rows and the store merges them without re-fetching; a skipped
 * event number (a lost event) reloads what the window shows.
 */

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

/** A bridge over a real connection that counts calls per channel and can lose chosen events. */
function windowBridge(connection: CoreConnection, lose: (name: EventName) => boolean = () => false) {
  const calls: string[] = [];
  const channels = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [
      name,
      (request: unknown) => {
        calls.push(name);
        return connection.call(name, request);
      },
    ]),
  ) as unknown as VigilChannels;
  const bridge: VigilBridge = {
    channels,
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>, meta: { seq: number }) => void) {
      return connection.onEvent((name, payload, seq) => {
        if ((name as EventName) === event && !lose(name)) listener(payload as unknown as EventPayload<E>, { seq });
      });
    },
  };
  return { bridge, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  useAppStore.getState().reset();
  useAlertsStore.getState().clear();
});

describe('the renderer store fed by events', () => {
  it('merges a reading, its alert and the session row from the events, without fetching anything', async () => {
    const window = await signIn(t.core, ADMIN.username, ADMIN.pin);
    const { bridge, calls } = windowBridge(window);
    setBridge(bridge);
    const { session } = await infusingSession(t, staff);
    await refreshOpenSessions();
    await loadSession(session.id);
    stop = startEventSync();
    calls.length = 0;

    t.clock.advance(MINUTE);
    const { reading, alerts } = await chart(staff, session.id, { systolicMmHg: 190, diastolicMmHg: 95 });
    await settle();

    expect(calls).toEqual([]);
    const state = useAppStore.getState();
    const detail = state.details[session.id];
    expect(detail?.readings.at(-1)).toEqual(reading);
    expect(detail?.alerts).toContainEqual(alerts[0]);
    const fresh = await staff.call('session/get', { sessionId: session.id });
    if (!fresh.ok) throw new Error('session/get failed');
    expect(detail).toEqual(fresh.value);
    expect(state.openSessions.find((s) => s.session.id === session.id)?.latestReading).toEqual(reading);
  });

  /** A window in sync with an infusing session that has one reading; its calls counted from here. */
  async function windowInSync(lose?: (name: EventName) => boolean) {
    const window = await signIn(t.core, ADMIN.username, ADMIN.pin);
    const { bridge, calls } = windowBridge(window, lose);
    setBridge(bridge);
    const { session } = await infusingSession(t, staff);
    await loadSession(session.id);
    stop = startEventSync();
    t.clock.advance(MINUTE);
    await chart(staff, session.id, { heartRateBpm: 80 });
    await settle();
    calls.length = 0;
    return { session, calls };
  }

  it('reloads what the window shows when an event number is skipped', async () => {
    let losing = false;
    const { session, calls } = await windowInSync((name) => losing && name === 'reading/added');

    losing = true;
    t.clock.advance(MINUTE);
    const { reading } = await chart(staff, session.id, { heartRateBpm: 81 });
    losing = false;
    await settle();

    expect(calls).toEqual(expect.arrayContaining(['session/get', 'session/list', 'alert/list']));
    expect(useAppStore.getState().details[session.id]?.readings.at(-1)).toEqual(reading);
  });

  it('counts events other parts of the window handle, so a settings or account change between two readings reloads only what changed', async () => {
    const { session, calls } = await windowInSync();

    // settings/changed (the settings screen's), then session/changed for the open session (this store's: it reloads that one session).
    await callOk(staff, 'clinic/setConfig', { config: (await callOk(staff, 'clinic/getConfig', {})).config, reason: 'Unchanged, saved again' });
    await addUser(t.core, staff, { username: `ines.${Date.now()}`, displayName: 'Ines Nurse', pin: '975310' }, ['nurse']);
    t.clock.advance(MINUTE);
    const { reading } = await chart(staff, session.id, { heartRateBpm: 82 });
    await settle();

    // No full reload (the open sessions list and the alerts are what a gap re-reads).
    expect(calls).not.toContain('session/list');
    expect(calls).not.toContain('alert/list');
    expect(useAppStore.getState().details[session.id]?.readings.at(-1)).toEqual(reading);
  });
});

describe("a window's event numbers", () => {
  it('number only what the window hears: an administrator without a clinical role hears account changes, not readings, without gaps', async () => {
    const { connection: admin } = await addUser(t.core, staff, { username: `otto.${Date.now()}`, displayName: 'Otto Admin', pin: '864200' }, ['admin']);
    const heard: { name: EventName; seq: number }[] = [];
    const stopHearing = admin.onEvent((name, _payload, seq) => heard.push({ name, seq }));
    const { session } = await infusingSession(t, staff);
    t.clock.advance(MINUTE);
    await chart(staff, session.id, { heartRateBpm: 150 });
    await addUser(t.core, staff, { username: `pia.${Date.now()}`, displayName: 'Pia Nurse', pin: '753100' }, ['nurse']);
    await callOk(staff, 'clinic/setConfig', { config: (await callOk(staff, 'clinic/getConfig', {})).config, reason: 'Unchanged, saved again' });
    stopHearing();

    expect(heard.map((event) => event.name)).not.toContain('reading/added');
    expect(heard.map((event) => event.name)).toEqual(expect.arrayContaining(['users/changed', 'settings/changed']));
    expect(heard.map((event) => event.seq)).toEqual(heard.map((_event, index) => index + 1));
  });
});

describe('mergeReading', () => {
  const reading = (id: number, observedAt: number, extra: Partial<Parameters<typeof mergeReading>[1]> = {}) => ({
    id,
    sessionId: 1,
    observedAt,
    recordedAt: observedAt,
    recordedBy: 1,
    recordedByName: 'N',
    values: { heartRateBpm: 70 },
    mapSource: null,
    onSupplementalOxygen: null,
    news2: null,
    late: false,
    supersedesId: null,
    correctionReason: null,
    supersededById: null,
    artifact: null,
    source: 'manual' as const,
    deviceId: null,
    validation: null,
    ...extra,
  });

  it('appends the newest, places a late entry in observation order, and marks a corrected reading superseded', () => {
    const rows = [reading(1, 10), reading(2, 20)];
    expect(mergeReading(rows, reading(3, 30)).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(mergeReading(rows, reading(3, 15)).map((r) => r.id)).toEqual([1, 3, 2]);
    const corrected = mergeReading(rows, reading(3, 10, { supersedesId: 1, correctionReason: 'typo' }));
    expect(corrected.map((r) => [r.id, r.supersededById])).toEqual([
      [1, 3],
      [3, null],
      [2, null],
    ]);
    expect(rows[0]?.supersededById).toBeNull();
  });
});
