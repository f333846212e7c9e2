import { describe, expect, it } from 'vitest';
import type { AlertRow } from '../../src-main/core/services/alert-store';
import { toAlert } from '../../src-main/core/services/alert-store';
import { chart, infusingSession } from '../support/alert-fixtures';
import { useTempDirs } from '../support/temp-dir';
import { callOk, databasePathIn, holdTickerInterval, MINUTE, openRaw, openTestCore, setUpAdmin } from '../support/test-core';

/**
 * The alert store reads its rows as raw column arrays and builds them by position
 * (alertRowOf). Every field must land where the same row read by column name puts it: held
 * here for alerts in every state (repeated, acknowledged with a note, audio-paused,
 * escalated, condition cleared, resolved by hand and automatically, technical).
 */

holdTickerInterval();
const dirs = useTempDirs();

const BY_NAME = `
  SELECT a.*, s.repeat_count, s.last_value, s.last_at, s.resolved_at, s.resolved_reason, rsu.display_name AS resolved_by_name,
    s.acknowledged_at, aku.display_name AS acknowledged_by_name, s.acknowledge_note,
    s.condition_cleared_at, s.audio_paused_until, s.escalated_at
  FROM alerts a JOIN alert_state s ON s.alert_id = a.id
  LEFT JOIN users rsu ON rsu.id = s.resolved_by LEFT JOIN users aku ON aku.id = s.acknowledged_by
  WHERE a.session_id = ? ORDER BY a.id`;

describe('alert rows read by position', () => {
  it('equal the same rows read by column name, in every state an alert can be in', async () => {
    const t = openTestCore(dirs.make());
    try {
      const { connection } = await setUpAdmin(t.core);
      const { session } = await infusingSession(t, connection);
      // Raised, repeated, acknowledged with a note, audio-paused.
      t.clock.advance(MINUTE);
      const raised = await chart(connection, session.id, { heartRateBpm: 130 });
      const hrAlert = raised.alerts[0];
      if (!hrAlert) throw new Error('expected an alert for HR 130');
      t.clock.advance(MINUTE);
      await chart(connection, session.id, { heartRateBpm: 132 });
      await callOk(connection, 'alert/acknowledge', { alertId: hrAlert.id, note: 'Seen, anxious' });
      await callOk(connection, 'alert/audioPause', { alertId: hrAlert.id });
      // A high alert left unacknowledged escalates; then it is resolved by hand.
      t.clock.advance(MINUTE);
      const low = await chart(connection, session.id, { spo2Pct: 85 });
      const spo2Alert = low.alerts[0];
      if (!spo2Alert) throw new Error('expected an alert for SpO2 85');
      t.clock.advance(30 * MINUTE);
      t.core.services.monitoring.sweep();
      await callOk(connection, 'alert/resolve', { alertId: spo2Alert.id, reason: 'Probe off the finger' });
      // The heart rate comes back: resolved by the engine.
      t.clock.advance(MINUTE);
      await chart(connection, session.id, { heartRateBpm: 80 });

      const db = openRaw(databasePathIn(t.dataDir));
      const byName = db.prepare(BY_NAME).all(session.id) as AlertRow[];
      db.close();
      const stored = t.core.services.alerts.ofSession(session.id);
      expect(stored).toEqual(byName.map(toAlert));
      // The states above all happened (otherwise the comparison proves little).
      const fields = (name: keyof (typeof stored)[number]) => stored.some((a) => a[name] !== null);
      for (const name of ['acknowledgedByName', 'acknowledgeNote', 'audioPausedUntil', 'escalatedAt', 'resolvedByName', 'resolvedReason', 'baseline', 'readingId'] as const) {
        expect(fields(name), name).toBe(true);
      }
      expect(stored.some((a) => a.kind === 'technical')).toBe(true);
      expect(stored.some((a) => a.count > 1)).toBe(true);
    } finally {
      t.core.close();
    }
  });
});
