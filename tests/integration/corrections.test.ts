import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert';
import type { Reading, ReadingValues } from '../../shared/domain/reading';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { ADMIN, BASELINE_VITALS, callErr, callOk, countRows, MINUTE, openRaw, openSession, passingAssessment, readyToStart, type TestCore } from '../support/test-core';
import { useStaffedCore } from '../support/staffed-core';

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

/** A session with the default baseline (SBP 124), infusing for 5 minutes. */
async function infusingSession(baseline: ReadingValues = {}) {
  const { session } = await openSession(staff);
  await readyToStart(staff, session.id, baseline);
  t.clock.advance(MINUTE);
  await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
  t.clock.advance(5 * MINUTE);
  return session;
}

const chart = (sessionId: number, values: ReadingValues) => callOk(staff, 'reading/add', { sessionId, values });
const correct = (readingId: number, values: ReadingValues, reason = 'Transcription error') => callOk(staff, 'reading/correct', { readingId, values, reason });
const activeAlerts = (sessionId: number) => callOk(staff, 'alert/list', { sessionId, state: 'active' });

/** A readings row exactly as stored, every column, read on a separate connection. */
function rawReading(id: number): Record<string, unknown> {
  const raw = openRaw(t.databasePath);
  try {
    const row = raw.prepare('SELECT * FROM readings WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) throw new Error(`no readings row ${id}`);
    return row;
  } finally {
    raw.close();
  }
}

function annotationsOf(readingId: number): Record<string, unknown>[] {
  const raw = openRaw(t.databasePath);
  try {
    return raw.prepare('SELECT reading_id, kind, reason, at, user_id FROM reading_annotations WHERE reading_id = ? ORDER BY id').all(readingId) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

describe('the reading a charting call answers with', () => {
  it('is the row exactly as read back from the record: a typed reading, a late one on oxygen with a measured MAP, and a correction', async () => {
    const session = await infusingSession();
    t.clock.advance(20 * MINUTE);
    const asStored = (answered: Reading) => expect(answered).toEqual(t.core.services.readings.get(answered.id));
    const typed = await chart(session.id, { heartRateBpm: 72, systolicMmHg: 131, diastolicMmHg: 79, spo2Pct: 97, respiratoryRatePerMin: 15, temperatureC: 36.8 });
    asStored(typed.reading);
    const late = await callOk(staff, 'reading/add', {
      sessionId: session.id,
      observedAt: t.clock.now() - 15 * MINUTE,
      values: { systolicMmHg: 118, diastolicMmHg: 70, meanArterialMmHg: 88, spo2Pct: 94 },
      onSupplementalOxygen: true,
    });
    asStored(late.reading);
    expect(late.reading).toMatchObject({ late: true, mapSource: 'measured', onSupplementalOxygen: true });
    const corrected = await correct(typed.reading.id, { heartRateBpm: 74, systolicMmHg: 131, diastolicMmHg: 79, spo2Pct: 97, respiratoryRatePerMin: 15 });
    asStored(corrected.reading);
    expect(corrected.reading).toMatchObject({ supersedesId: typed.reading.id, correctionReason: 'Transcription error', mapSource: 'computed' });
    expect(corrected.reading.recordedByName).not.toBe('');
  });
});

describe('a correction', () => {
  it('is a new row that supersedes the original with its reason; the original row stays exactly as it was', async () => {
    const session = await infusingSession();
    const { reading: original } = await chart(session.id, { heartRateBpm: 88, systolicMmHg: 132, diastolicMmHg: 84, spo2Pct: 97 });
    const before = rawReading(original.id);
    expect(before).toMatchObject({ heart_rate_bpm: 88, systolic_mmhg: 132, supersedes_id: null, correction_reason: null });

    t.clock.advance(3 * MINUTE);
    const { reading: correction } = await correct(original.id, { heartRateBpm: 78, systolicMmHg: 132, diastolicMmHg: 84, spo2Pct: 97 }, '  HR read from the wrong channel ');
    expect(rawReading(original.id)).toEqual(before);

    // Same observation, recorded now, by whom, why.
    expect(correction).toMatchObject({
      sessionId: session.id,
      observedAt: original.observedAt,
      recordedAt: t.clock.now(),
      recordedByName: ADMIN.displayName,
      values: { heartRateBpm: 78, systolicMmHg: 132, diastolicMmHg: 84, meanArterialMmHg: 100, spo2Pct: 97 },
      supersedesId: original.id,
      correctionReason: 'HR read from the wrong channel',
      supersededById: null,
      artifact: null,
    });
    expect(rawReading(correction.id)).toMatchObject({
      observed_at: original.observedAt,
      recorded_at: t.clock.now(),
      heart_rate_bpm: 78,
      supersedes_id: original.id,
      correction_reason: 'HR read from the wrong channel',
    });

    const { readings } = await callOk(staff, 'session/get', { sessionId: session.id });
    expect(readings.find((r) => r.id === original.id)).toEqual({ ...original, supersededById: correction.id });
    expect(readings.find((r) => r.id === correction.id)).toEqual(correction);
    // The trend shows the correction, not the history.
    const row = (await callOk(staff, 'session/list', { scope: 'open' })).find((s) => s.session.id === session.id);
    expect(row?.latestReading).toEqual(correction);
  });

  it('needs a reason and valid values, and writes nothing otherwise', async () => {
    const session = await infusingSession();
    const { reading } = await chart(session.id, { heartRateBpm: 90 });
    const before = countRows(t.databasePath, 'readings');
    expect(await callErr(staff, 'reading/correct', { readingId: reading.id, values: { heartRateBpm: 80 } })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(await callErr(staff, 'reading/correct', { readingId: reading.id, values: { heartRateBpm: 80 }, reason: ' x ' })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(await callErr(staff, 'reading/correct', { readingId: reading.id, values: { heartRateBpm: 301 }, reason: 'Typo' })).toMatchObject({
      code: 'value_out_of_range',
      field: 'values.heartRateBpm',
    });
    expect(await callErr(staff, 'reading/correct', { readingId: reading.id, values: { heartRateBpm: 32 }, reason: 'Typo' })).toMatchObject({ code: 'needs_confirmation' });
    expect(await callErr(staff, 'reading/correct', { readingId: 999_999, values: { heartRateBpm: 80 }, reason: 'Typo' })).toMatchObject({ code: 'not_found', field: 'readingId' });
    expect(countRows(t.databasePath, 'readings')).toBe(before);
    const confirmed = await callOk(staff, 'reading/correct', { readingId: reading.id, values: { heartRateBpm: 32 }, reason: 'Typo', confirmed: ['heartRateBpm'] });
    expect(confirmed.reading.values.heartRateBpm).toBe(32);
  });

  it("resolves a high alert as 'corrected' when the corrected value is normal", async () => {
    const session = await infusingSession();
    const { reading, alerts } = await chart(session.id, { systolicMmHg: 195, diastolicMmHg: 88 });
    const raised = alerts[0] as Alert;
    expect(raised).toMatchObject({ ruleId: 'sbp-above-180', priority: 'high', readingId: reading.id, state: 'active' });

    t.clock.advance(2 * MINUTE);
    const corrected = await correct(reading.id, { systolicMmHg: 135, diastolicMmHg: 88 }, 'Typed 195 for 135');
    expect(corrected.alerts).toEqual([{ ...raised, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'corrected' }]);
    expect(await activeAlerts(session.id)).toEqual([]);
  });

  // Product bug (reported): reconcilePhysiological ends a replaced alert as 'superseded' whatever the clear reason.
  it("ends a high alert as 'corrected', not 'superseded', when the corrected value is only medium", async () => {
    // The record must not read as if SBP had been 195: the high alert never held.
    const session = await infusingSession();
    const { reading, alerts } = await chart(session.id, { systolicMmHg: 195, diastolicMmHg: 88 });
    const raised = alerts[0] as Alert;
    t.clock.advance(MINUTE);
    const corrected = await correct(reading.id, { systolicMmHg: 165, diastolicMmHg: 88 }, 'Typed 195 for 165');
    expect(corrected.alerts).toEqual([
      { ...raised, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'corrected' },
      expect.objectContaining({ ruleId: 'sbp-above-160', priority: 'medium', state: 'active', value: 165, readingId: corrected.reading.id }),
    ]);
  });

  // Product bug (reported): the hysteresis band is applied to a value that no longer counts.
  it('resolves the alert a wrong value raised even when the corrected value lies inside the hysteresis band', async () => {
    // SBP 162 (typed) raised 'above 160'; the cuff said 157. A fresh 157 would never have raised it,
    // so the band that keeps a real alert from flapping must not keep this one.
    const session = await infusingSession();
    const { reading, alerts } = await chart(session.id, { systolicMmHg: 162, diastolicMmHg: 84 });
    const raised = alerts[0] as Alert;
    expect(raised).toMatchObject({ ruleId: 'sbp-above-160', readingId: reading.id });
    t.clock.advance(MINUTE);
    const corrected = await correct(reading.id, { systolicMmHg: 157, diastolicMmHg: 84 }, 'Typed 162 for 157');
    expect(corrected.alerts).toEqual([{ ...raised, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'corrected' }]);
    expect(await activeAlerts(session.id)).toEqual([]);
  });

  it('raises an alert when the corrected value is abnormal, pointing at the correction', async () => {
    const session = await infusingSession();
    const { reading, alerts } = await chart(session.id, { spo2Pct: 97, heartRateBpm: 84 });
    expect(alerts).toEqual([]);
    t.clock.advance(MINUTE);
    const corrected = await correct(reading.id, { spo2Pct: 86, heartRateBpm: 84 }, 'Probe value was 86, misheard');
    expect(corrected.alerts).toEqual([
      expect.objectContaining({ ruleId: 'spo2-below-88', priority: 'high', state: 'active', value: 86, readingId: corrected.reading.id, raisedAt: t.clock.now() }),
    ]);
    expect((await activeAlerts(session.id)).map((a) => a.ruleId)).toEqual(['spo2-below-88']);
  });

  it('of an older reading does not decide the alert while a newer observation exists', async () => {
    const session = await infusingSession();
    const { reading: older } = await chart(session.id, { systolicMmHg: 130, diastolicMmHg: 80 });
    t.clock.advance(5 * MINUTE);
    await chart(session.id, { systolicMmHg: 128, diastolicMmHg: 80 });
    t.clock.advance(MINUTE);
    expect((await correct(older.id, { systolicMmHg: 190, diastolicMmHg: 80 })).alerts).toEqual([]);
    expect(await activeAlerts(session.id)).toEqual([]);
  });

  it('must target the newest version: correcting a superseded reading is a conflict', async () => {
    const session = await infusingSession();
    const { reading: original } = await chart(session.id, { heartRateBpm: 101 });
    const first = (await correct(original.id, { heartRateBpm: 110 }, 'First fix')).reading;
    const originalRow = rawReading(original.id);
    const firstRow = rawReading(first.id);
    const before = countRows(t.databasePath, 'readings');

    expect(await callErr(staff, 'reading/correct', { readingId: original.id, values: { heartRateBpm: 100 }, reason: 'Second fix, on the old row' })).toMatchObject({
      code: 'conflict',
      field: 'readingId',
      reason: 'already_corrected',
    });
    expect(await callErr(staff, 'reading/annotate', { readingId: original.id, kind: 'artifact', reason: 'On the old row' })).toMatchObject({
      code: 'conflict',
      reason: 'already_corrected',
    });
    expect(countRows(t.databasePath, 'readings')).toBe(before);

    const second = (await correct(first.id, { heartRateBpm: 100 }, 'Second fix')).reading;
    expect(second).toMatchObject({ supersedesId: first.id, correctionReason: 'Second fix', observedAt: original.observedAt, values: { heartRateBpm: 100 } });
    expect(rawReading(original.id)).toEqual(originalRow);
    expect(rawReading(first.id)).toEqual(firstRow);
    const { readings } = await callOk(staff, 'session/get', { sessionId: session.id });
    expect(readings.filter((r) => [original.id, first.id, second.id].includes(r.id)).map((r) => [r.id, r.supersededById])).toEqual([
      [original.id, first.id],
      [first.id, second.id],
      [second.id, null],
    ]);
  });
});

describe('an artifact mark', () => {
  it('keeps the reading but takes it out of the trend and the alert engine; clearing the mark brings it back', async () => {
    const session = await infusingSession();
    const { reading: normal } = await chart(session.id, { systolicMmHg: 132, diastolicMmHg: 82 });
    t.clock.advance(5 * MINUTE);
    const { reading: spike, alerts } = await chart(session.id, { systolicMmHg: 188, diastolicMmHg: 82 });
    const raised = alerts[0] as Alert;
    expect(raised).toMatchObject({ ruleId: 'sbp-above-180', readingId: spike.id });
    const spikeRow = rawReading(spike.id);

    t.clock.advance(MINUTE);
    const marked = await callOk(staff, 'reading/annotate', { readingId: spike.id, kind: 'artifact', reason: ' Arm moving during the cuff cycle ' });
    expect(marked.reading).toEqual({ ...spike, artifact: { reason: 'Arm moving during the cuff cycle', at: t.clock.now(), userName: ADMIN.displayName } });
    expect(marked.alerts).toEqual([{ ...raised, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'artifact' }]);
    expect(rawReading(spike.id)).toEqual(spikeRow);
    expect(annotationsOf(spike.id)).toEqual([{ reading_id: spike.id, kind: 'artifact', reason: 'Arm moving during the cuff cycle', at: t.clock.now(), user_id: staff.user?.id }]);

    // Still in the record, out of the trend: the latest trusted reading is the one before.
    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    expect(detail.readings.find((r) => r.id === spike.id)?.artifact).not.toBeNull();
    const row = (await callOk(staff, 'session/list', { scope: 'open' })).find((s) => s.session.id === session.id);
    expect(row?.latestReading?.id).toBe(normal.id);
    // The alert engine judges SBP by the reading before it: no new alert from a later, unrelated reading.
    expect((await chart(session.id, { heartRateBpm: 80 })).alerts).toEqual([]);
    expect(await activeAlerts(session.id)).toEqual([]);

    expect(await callErr(staff, 'reading/annotate', { readingId: spike.id, kind: 'artifact', reason: 'Again' })).toMatchObject({ code: 'conflict', reason: 'already_artifact' });
    expect(await callErr(staff, 'reading/annotate', { readingId: normal.id, kind: 'artifactCleared', reason: 'Was never marked' })).toMatchObject({
      code: 'conflict',
      reason: 'not_artifact',
    });
    expect(await callErr(staff, 'reading/annotate', { readingId: spike.id, kind: 'artifact' })).toMatchObject({ code: 'invalid_request', field: 'reason' });
    expect(annotationsOf(spike.id)).toHaveLength(1);

    t.clock.advance(MINUTE);
    const cleared = await callOk(staff, 'reading/annotate', { readingId: spike.id, kind: 'artifactCleared', reason: 'Repeat cuff confirmed it' });
    expect(cleared.reading.artifact).toBeNull();
    expect(cleared.alerts).toEqual([expect.objectContaining({ ruleId: 'sbp-above-180', state: 'active', value: 188, readingId: spike.id, raisedAt: t.clock.now() })]);
    expect(cleared.alerts[0]?.id).not.toBe(raised.id);
    expect(annotationsOf(spike.id).map((a) => a.kind)).toEqual(['artifact', 'artifactCleared']);
    // Marking it again is allowed once the mark was taken back.
    expect((await callOk(staff, 'reading/annotate', { readingId: spike.id, kind: 'artifact', reason: 'Second look: movement' })).reading.artifact).not.toBeNull();
  });

  // Product bug (reported): as above, for an artifact mark.
  it("ends a high alert as 'artifact', not 'superseded', when the reading before it still holds a medium one", async () => {
    const session = await infusingSession();
    await chart(session.id, { systolicMmHg: 166, diastolicMmHg: 84 });
    t.clock.advance(5 * MINUTE);
    const medium = (await activeAlerts(session.id))[0] as Alert;
    expect(medium).toMatchObject({ ruleId: 'sbp-above-160' });
    const { reading: spike, alerts } = await chart(session.id, { systolicMmHg: 196, diastolicMmHg: 84 });
    const high = alerts.find((a) => a.ruleId === 'sbp-above-180') as Alert;
    t.clock.advance(MINUTE);
    const marked = await callOk(staff, 'reading/annotate', { readingId: spike.id, kind: 'artifact', reason: 'Cuff cycled while the arm moved' });
    expect(marked.alerts).toEqual([
      { ...high, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'artifact' },
      expect.objectContaining({ ruleId: 'sbp-above-160', state: 'active', value: 166 }),
    ]);
  });

  // Product bug (reported): as above, for an artifact mark; the artifact's alert stays active.
  it('resolves the alert it raised even when the reading before it lies inside the hysteresis band', async () => {
    // 158 is a true value below the limit; 164 was the arm moving. Once 164 is an artifact,
    // nothing trusted ever crossed 160.
    const session = await infusingSession();
    await chart(session.id, { systolicMmHg: 158, diastolicMmHg: 84 });
    t.clock.advance(5 * MINUTE);
    const { reading: spike, alerts } = await chart(session.id, { systolicMmHg: 164, diastolicMmHg: 84 });
    const raised = alerts[0] as Alert;
    expect(raised).toMatchObject({ ruleId: 'sbp-above-160', readingId: spike.id });
    t.clock.advance(MINUTE);
    const marked = await callOk(staff, 'reading/annotate', { readingId: spike.id, kind: 'artifact', reason: 'Arm moving' });
    expect(marked.alerts).toEqual([{ ...raised, state: 'resolved', resolvedAt: t.clock.now(), resolvedReason: 'artifact' }]);
    expect(await activeAlerts(session.id)).toEqual([]);
  });

  it('takes the reading out of the baseline the rise rules use', async () => {
    // Two pre-infusion readings; the later one (the baseline) was taken with a slipping cuff.
    const { session } = await openSession(staff);
    await readyToStart(staff, session.id, { systolicMmHg: 120, diastolicMmHg: 76 });
    t.clock.advance(MINUTE);
    const { reading: slipped } = await chart(session.id, { ...BASELINE_VITALS, systolicMmHg: 94, diastolicMmHg: 70 });
    t.clock.advance(MINUTE);
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    t.clock.advance(10 * MINUTE);

    const rise = (await chart(session.id, { systolicMmHg: 136, diastolicMmHg: 80 })).alerts;
    expect(rise).toEqual([expect.objectContaining({ ruleId: 'sbp-rise-40', baseline: 94, value: 136 })]);

    const marked = await callOk(staff, 'reading/annotate', { readingId: slipped.id, kind: 'artifact', reason: 'Cuff slipped' });
    expect(marked.alerts).toEqual([expect.objectContaining({ id: rise[0]?.id, state: 'resolved', resolvedReason: 'artifact' })]);
    t.clock.advance(5 * MINUTE);
    // Against the real baseline of 120, 156 is not yet a rise of 40; 160 is.
    expect((await chart(session.id, { systolicMmHg: 156, diastolicMmHg: 80 })).alerts).toEqual([]);
    t.clock.advance(5 * MINUTE);
    expect((await chart(session.id, { systolicMmHg: 160, diastolicMmHg: 80 })).alerts).toEqual([
      expect.objectContaining({ ruleId: 'sbp-rise-40', baseline: 120, threshold: 160, value: 160 }),
    ]);
  });
});

describe('a closed session', () => {
  /** A closed session with one reading from the infusion and one session event. */
  async function closedSession() {
    const session = await infusingSession();
    const { reading } = await chart(session.id, { heartRateBpm: 92, systolicMmHg: 140, diastolicMmHg: 85 });
    const event = await callOk(staff, 'event/add', { sessionId: session.id, event: { kind: 'sideEffect', effect: 'nausea' } });
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'stopInfusion' });
    t.clock.advance(60 * MINUTE);
    await callOk(staff, 'discharge/assess', passingAssessment(session.id));
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'discharge' });
    await callOk(staff, 'session/transition', { sessionId: session.id, action: 'close', pin: ADMIN.pin });
    return { session, reading, event };
  }

  const refusedOnClosed = { code: 'invalid_transition', field: 'sessionId', params: { phase: 'closed' } };

  it('refuses readings, corrections and artifact marks, and writes nothing', async () => {
    const { session, reading } = await closedSession();
    const counts = () => ['readings', 'reading_annotations', 'alerts', 'alert_events', 'session_events'].map((table) => countRows(t.databasePath, table));
    const before = counts();
    const row = rawReading(reading.id);

    expect(await callErr(staff, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 70 } })).toMatchObject(refusedOnClosed);
    expect(await callErr(staff, 'reading/correct', { readingId: reading.id, values: { heartRateBpm: 82 }, reason: 'After signing' })).toMatchObject(refusedOnClosed);
    expect(await callErr(staff, 'reading/annotate', { readingId: reading.id, kind: 'artifact', reason: 'After signing' })).toMatchObject(refusedOnClosed);
    expect(await callErr(staff, 'event/add', { sessionId: session.id, event: { kind: 'note', text: 'After signing' } })).toMatchObject(refusedOnClosed);
    expect(counts()).toEqual(before);
    expect(rawReading(reading.id)).toEqual(row);
  });

  it('refuses to take back a session event once the record is signed', async () => {
    const { event } = await closedSession();
    const before = countRows(t.databasePath, 'session_events');
    expect(await callErr(staff, 'event/retract', { eventId: event.id, reason: 'After signing' })).toMatchObject(refusedOnClosed);
    expect(countRows(t.databasePath, 'session_events')).toBe(before);
  });
});
