import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/domain/alert';
import type { SessionDetail } from '../../../shared/domain/views';
import { useAppStore } from '../../../src-renderer/store/app-store';

const SESSION = 7;
const alert = (id: number, state: 'active' | 'ended' = 'ended') => ({ id, sessionId: SESSION, state, raisedAt: id * 1_000 }) as unknown as Alert;
const detail = (alerts: Alert[], alertCount: number) => ({ session: { id: SESSION }, timer: { nowAt: 0 }, alerts, alertCount }) as unknown as SessionDetail;
const store = () => useAppStore.getState();
const ids = () => store().details[SESSION]?.alerts.map((a) => a.id);

afterEach(() => store().reset());

describe("the session screen's alerts, paged older than session/get's", () => {
  it('pages on from the oldest ended alert held (an old active one is not where the newest others begin), merges in id order, and stops at a short page', () => {
    // session/get: an active alert raised long ago, and the newest ended ones (ids 40-42) of 50.
    store().setDetail(detail([alert(3, 'active'), alert(40), alert(41), alert(42)], 50));
    expect(store().alertsPagedBefore[SESSION]).toBe(40);
    // alert/page before 40 (newest first), a full page of 3: the active one comes again and is not doubled.
    store().addOlderAlerts(SESSION, [alert(39), alert(38), alert(3, 'active')], 3);
    expect(ids()).toEqual([3, 38, 39, 40, 41, 42]);
    expect(store().alertsPagedBefore[SESSION]).toBe(3);
    store().addOlderAlerts(SESSION, [alert(2)], 3);
    expect(ids()).toEqual([2, 3, 38, 39, 40, 41, 42]);
    expect(store().alertsPagedBefore[SESSION]).toBeNull();
  });

  it('keeps the older alerts already paged in when the screen is reloaded (a phase change), and where paging had got to', () => {
    store().setDetail(detail([alert(40), alert(41)], 10));
    store().addOlderAlerts(SESSION, [alert(39), alert(38)], 2);
    store().setDetail(detail([alert(40), alert(41), alert(43)], 11));
    expect(ids()).toEqual([38, 39, 40, 41, 43]);
    expect(store().alertsPagedBefore[SESSION]).toBe(38);
  });
});
