import { describe, expect, it } from 'vitest';
import { VITAL_PARAMETER_KEYS } from '../../shared/clinical/parameters';
import { SESSION_GET_READINGS_MAX } from '../../shared/domain/reading-views';
import type { Reading } from '../../shared/domain/reading';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { chart, infusingSession } from '../support/alert-fixtures';
import { useStaffedCore } from '../support/staffed-core';
import { callErr, callOk, MINUTE, type TestCore } from '../support/test-core';

/**
 * A long session opens in pieces: the readings table a page at a time (newest first, every
 * row including history) and the trend as min/max per time bucket of the current readings.
 */

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

/** A session with 40 readings a minute apart, one corrected, one marked an artifact, one entered late. */
async function sessionWithHistory(): Promise<{ sessionId: number; all: Reading[] }> {
  const { session } = await infusingSession(t, staff);
  for (let i = 0; i < 40; i++) {
    t.clock.advance(MINUTE);
    await chart(staff, session.id, { heartRateBpm: 60 + (i % 7) * 5, spo2Pct: 90 + (i % 9) });
  }
  const detail = await callOk(staff, 'session/get', { sessionId: session.id });
  const [, second, third] = detail.readings;
  if (!second || !third) throw new Error('expected readings');
  await callOk(staff, 'reading/correct', { readingId: second.id, values: { heartRateBpm: 140 }, reason: 'Typed into the wrong field', confirmed: ['heartRateBpm'] });
  await callOk(staff, 'reading/annotate', { readingId: third.id, kind: 'artifact', reason: 'Probe off' });
  await callOk(staff, 'reading/add', { sessionId: session.id, observedAt: t.clock.now() - 30 * MINUTE + 1, values: { heartRateBpm: 33 }, confirmed: ['heartRateBpm'] });
  const all = (await callOk(staff, 'session/get', { sessionId: session.id })).readings;
  return { sessionId: session.id, all };
}

describe('reading/page', () => {
  it('pages through every row, newest first, each once, with the total', async () => {
    const { sessionId, all } = await sessionWithHistory();
    const newestFirst = [...all].reverse();
    const seen: Reading[] = [];
    let before: { observedAt: number; id: number } | undefined;
    for (;;) {
      const page = await callOk(staff, 'reading/page', { sessionId, limit: 7, ...(before ? { before } : {}) });
      expect(page.total).toBe(all.length);
      seen.push(...page.readings);
      const last = page.readings.at(-1);
      if (!page.hasMore || !last) break;
      before = { observedAt: last.observedAt, id: last.id };
    }
    expect(seen).toEqual(newestFirst);
  });

  it('refuses a page larger than the limit, naming the field', async () => {
    const { session } = await infusingSession(t, staff);
    expect(await callErr(staff, 'reading/page', { sessionId: session.id, limit: 501 })).toMatchObject({ code: 'invalid_request', field: 'limit' });
  });
});

describe('reading/trend', () => {
  it('gives each bucket the min and max of the current readings in it (no history, no artifacts), spikes kept', async () => {
    const { sessionId, all } = await sessionWithHistory();
    const current = all.filter((r) => r.supersededById === null && r.artifact === null);
    const trend = await callOk(staff, 'reading/trend', { sessionId, buckets: 10 });
    const first = current[0]?.observedAt ?? 0;
    const last = current.at(-1)?.observedAt ?? 0;
    expect(trend.fromAt).toBe(first);
    expect(trend.toAt).toBe(last);
    expect(trend.buckets.length).toBeLessThanOrEqual(10);
    const expected = new Map<number, Reading[]>();
    for (const r of current) {
      const index = Math.floor((r.observedAt - first) / trend.bucketMs);
      expected.set(index, [...(expected.get(index) ?? []), r]);
    }
    expect(trend.buckets.map((b) => b.at)).toEqual([...expected.keys()].map((index) => first + index * trend.bucketMs));
    for (const bucket of trend.buckets) {
      const rows = expected.get((bucket.at - first) / trend.bucketMs) ?? [];
      expect(bucket.count).toBe(rows.length);
      for (const key of VITAL_PARAMETER_KEYS) {
        const values = rows.map((r) => r.values[key]).filter((v): v is number => v !== undefined);
        expect(bucket.values[key]).toEqual(values.length === 0 ? undefined : { min: Math.min(...values), max: Math.max(...values) });
      }
    }
    const heartRates = trend.buckets.flatMap((b) => [b.values.heartRateBpm?.min, b.values.heartRateBpm?.max]);
    expect(heartRates).toContain(140);
    expect(heartRates).toContain(33);
  });

  it('narrows to a zoomed range, and answers an empty session with no buckets', async () => {
    const { sessionId, all } = await sessionWithHistory();
    const middle = all[20]?.observedAt ?? 0;
    const zoomed = await callOk(staff, 'reading/trend', { sessionId, fromAt: middle, toAt: middle + 5 * MINUTE, buckets: 100 });
    expect(zoomed.buckets.every((b) => b.at >= middle && b.at <= middle + 5 * MINUTE)).toBe(true);
    expect(zoomed.buckets.reduce((n, b) => n + b.count, 0)).toBe(6);
    const { session } = await infusingSession(t, staff);
    const empty = await callOk(staff, 'reading/trend', { sessionId: session.id, fromAt: t.clock.now() + MINUTE, toAt: t.clock.now() + 2 * MINUTE, buckets: 10 });
    expect(empty.buckets).toEqual([]);
  });
});

describe('session/get of a long session', () => {
  it('carries the newest rows only, with the count; the rest come by reading/page', async () => {
    const { session } = await infusingSession(t, staff);
    const { db, readings, sessions } = t.core.services;
    const created = sessions.get(session.id).createdAt;
    const userId = readings.ofSession(session.id)[0]?.recordedBy ?? 1;
    db.transaction(() => {
      for (let i = 0; i < SESSION_GET_READINGS_MAX + 20; i++) {
        t.clock.advance(1_000);
        readings.store({ sessionId: session.id, sessionCreatedAt: created, observedAt: undefined, values: { heartRateBpm: 70 + (i % 10) }, onSupplementalOxygen: undefined, confirmed: [], userId });
      }
    })();
    const all = readings.ofSession(session.id);
    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    expect(detail.readingCount).toBe(all.length);
    expect(detail.readings).toEqual(all.slice(-SESSION_GET_READINGS_MAX));
    const oldest = detail.readings[0];
    if (!oldest) throw new Error('expected rows');
    const older = await callOk(staff, 'reading/page', { sessionId: session.id, before: { observedAt: oldest.observedAt, id: oldest.id }, limit: 500 });
    expect([...older.readings].reverse()).toEqual(all.slice(0, all.length - SESSION_GET_READINGS_MAX));
    expect(older.hasMore).toBe(false);
  });
});
