import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert';
import { ADMIN, callOk, MINUTE, negativeScreening, noContraindications, openRaw, openSession, openTestCore, passingAssessment, readyToStart, setUpAdmin } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs('all');
let raw: Database;

const APPEND_ONLY = [
  ['readings', 'heart_rate_bpm = 60'],
  ['phase_events', `reason = 'edited'`],
  ['alerts', 'value = 120'],
  ['alert_events', `note = 'edited'`],
  // The whole session's record (migration 2).
  ['protocols', 'dose_per_kg = 0.6'],
  ['dose_orders', 'total_dose_mg = 1'],
  ['screenings', 'consent_given = 0'],
  ['overrides', `reason = 'edited'`],
  ['session_events', `payload_json = '{}'`],
  ['reading_annotations', `reason = 'edited'`],
  ['discharge_assessments', 'aldrete_total = 10'],
  ['signatures', 'at = 0'],
] as const;

beforeAll(async () => {
  // A session with readings, phase events, an alert and its events, written through core.
  const t = openTestCore(dirs.make());
  const { connection: staff } = await setUpAdmin(t.core);
  // ...and the rest of a whole session: screening with a physician override, events, a
  // correction, an artifact mark, a discharge assessment and the closing signature.
  const { session } = await openSession(staff);
  await callOk(staff, 'screening/record', negativeScreening(session.id, { contraindications: { ...noContraindications(), arrhythmia: true } }));
  await callOk(staff, 'override/add', { sessionId: session.id, kind: 'contraindication', reason: 'Benign ectopics, cardiology cleared' });
  await readyToStart(staff, session.id);
  await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
  t.clock.advance(5 * MINUTE);
  const alert = (await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 155 } })).alerts[0] as Alert;
  await callOk(staff, 'alert/acknowledge', { alertId: alert.id, note: 'seen' });
  t.clock.advance(5 * MINUTE);
  const { reading } = await callOk(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 80 } });
  await callOk(staff, 'reading/correct', { readingId: reading.id, values: { heartRateBpm: 82 }, reason: 'Misread the monitor' });
  await callOk(staff, 'reading/annotate', { readingId: alert.readingId ?? 0, kind: 'artifact', reason: 'Patient moving' });
  await callOk(staff, 'event/add', { sessionId: session.id, event: { kind: 'note', text: 'Comfortable' } });
  await callOk(staff, 'session/transition', { sessionId: session.id, action: 'stopInfusion' });
  t.clock.advance(60 * MINUTE);
  await callOk(staff, 'discharge/assess', passingAssessment(session.id));
  await callOk(staff, 'session/transition', { sessionId: session.id, action: 'discharge' });
  await callOk(staff, 'session/transition', { sessionId: session.id, action: 'close', pin: ADMIN.pin });
  t.core.close();
  raw = openRaw(t.databasePath);
});
afterAll(() => {
  raw.close();
});

const dump = (table: string) => raw.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

describe('the clinical record is append-only in the file itself', () => {
  it.each(APPEND_ONLY)('has rows in %s to protect', (table) => {
    expect(dump(table).length).toBeGreaterThan(0);
  });

  it.each(APPEND_ONLY)('refuses UPDATE on %s and leaves the rows as they were', (table, assignment) => {
    const before = dump(table);
    expect(() => raw.prepare(`UPDATE ${table} SET ${assignment}`).run()).toThrow(`${table} is append-only`);
    expect(dump(table)).toEqual(before);
  });

  it.each(APPEND_ONLY)('refuses DELETE on %s and leaves the rows as they were', (table) => {
    const before = dump(table);
    expect(() => raw.prepare(`DELETE FROM ${table}`).run()).toThrow(`${table} is append-only`);
    expect(() => raw.prepare(`DELETE FROM ${table} WHERE id = (SELECT MAX(id) FROM ${table})`).run()).toThrow(`${table} is append-only`);
    expect(dump(table)).toEqual(before);
  });

  it('still accepts a new row (a correction is an addition)', () => {
    const before = dump('readings').length;
    raw
      .prepare(`INSERT INTO readings (session_id, observed_at, recorded_at, recorded_by, heart_rate_bpm) SELECT session_id, observed_at, recorded_at + 1, recorded_by, 81 FROM readings LIMIT 1`)
      .run();
    expect(dump('readings')).toHaveLength(before + 1);
  });
});
