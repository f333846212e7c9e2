import { describe, expect, it } from 'vitest';
import { ALERT_PAGE_MAX_ROWS, SESSION_GET_ALERTS_MAX } from '../../shared/domain/reading-views';
import { useTempDirs } from '../support/temp-dir';
import { callErr, callOk, openSession, openTestCore, setUpAdmin } from '../support/test-core';

const dirs = useTempDirs();

describe('session/get carries a bounded alert list', () => {
  it('every active alert and the newest of the rest, the count, older ones a page at a time; the record keeps them all', async () => {
    const { core, clock } = openTestCore(dirs.make());
    try {
      const { connection } = await setUpAdmin(core);
      const { session } = await openSession(connection);
      const { alerts } = core.services;
      // An alarmy session: one alert that stays active, then more ended ones than session/get carries.
      const stillActive = alerts.raiseTechnical(session.id, 'phq9SelfHarm', null);
      const ended = SESSION_GET_ALERTS_MAX + 60;
      core.services.db.transaction(() => {
        for (let i = 0; i < ended; i++) {
          clock.advance(1_000);
          alerts.raiseTechnical(session.id, 'vitalsOverdue', null);
          alerts.resolveTechnical(session.id, 'vitalsOverdue');
        }
      })();

      const detail = await callOk(connection, 'session/get', { sessionId: session.id });
      expect(detail.alertCount).toBe(ended + 1);
      expect(detail.alerts).toHaveLength(SESSION_GET_ALERTS_MAX + 1);
      const ids = detail.alerts.map((alert) => alert.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(detail.alerts.filter((alert) => alert.state === 'active').map((alert) => alert.id)).toEqual([stillActive]);

      // The older ones, newest first, in pages, until every alert has been seen (an active one carried already may come again).
      const seen = new Set(ids);
      let before = Math.min(...ids.filter((id) => id !== stillActive));
      for (;;) {
        const page = await callOk(connection, 'alert/page', { sessionId: session.id, beforeId: before, limit: 25 });
        if (page.length === 0) break;
        expect(page.map((alert) => alert.id)).toEqual([...page.map((alert) => alert.id)].sort((a, b) => b - a));
        for (const alert of page) {
          if (alert.id !== stillActive) expect(seen.has(alert.id)).toBe(false);
          seen.add(alert.id);
        }
        before = page.at(-1)?.id ?? 0;
      }
      expect(seen.size).toBe(ended + 1);

      await callOk(connection, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Test of the record' });
      const record = await callOk(connection, 'record/get', { sessionId: session.id });
      expect(record.alerts).toHaveLength(ended + 1);
      expect(await callErr(connection, 'alert/page', { sessionId: session.id, beforeId: before, limit: ALERT_PAGE_MAX_ROWS + 1 })).toMatchObject({ code: 'invalid_request', field: 'limit' });
    } finally {
      core.close();
    }
  });
});
