import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/domain/alert';
import type { Reading, ReadingValues } from '../../../shared/domain/reading';
import { baselineOf } from '../../../src-main/core/services/alerts';
import { highestPriority } from '../../../src-main/core/services/session-views';

let nextId = 1;
/**
 * baselineOf reads only a reading's id, observed time and values; the rest of the record
 * (who, corrections, annotations) is irrelevant to it, so the fixture leaves it out.
 */
const reading = (observedAt: number, values: ReadingValues): Reading => {
  const relevant: Pick<Reading, 'id' | 'sessionId' | 'observedAt' | 'recordedAt' | 'values'> = { id: nextId++, sessionId: 1, observedAt, recordedAt: observedAt, values };
  return relevant as Reading;
};

describe('baselineOf (the values rise-from-baseline rules compare with)', () => {
  const early = reading(0, { systolicMmHg: 130, diastolicMmHg: 80, heartRateBpm: 70 });
  const justBefore = reading(5, { systolicMmHg: 140, diastolicMmHg: 85 });
  const during = reading(15, { systolicMmHg: 170, diastolicMmHg: 95, spo2Pct: 97 });
  const readings = [early, justBefore, during];

  it('takes the last value observed before the infusion started', () => {
    expect(baselineOf(readings, 10)).toEqual({ systolicMmHg: 140, diastolicMmHg: 85, heartRateBpm: 70, spo2Pct: 97 });
  });

  it('chooses per parameter: a parameter charted only early keeps its early value', () => {
    expect(baselineOf(readings, 10).heartRateBpm).toBe(70);
  });

  it('counts a reading observed exactly at the start as before it', () => {
    expect(baselineOf(readings, 15).systolicMmHg).toBe(170);
  });

  it('falls back to the first value charted when nothing was charted before the start', () => {
    expect(baselineOf([during], 10)).toEqual({ systolicMmHg: 170, diastolicMmHg: 95, spo2Pct: 97 });
  });

  it('uses the first value charted while the infusion has not started', () => {
    expect(baselineOf(readings, null).systolicMmHg).toBe(130);
  });

  it('is empty without readings', () => {
    expect(baselineOf([], 10)).toEqual({});
  });
});

const alert = (id: number, priority: Alert['priority'], raisedAt: number): Alert => ({
  id,
  sessionId: 1,
  ruleId: `rule-${id}`,
  parameter: 'heartRateBpm',
  kind: 'physiological',
  priority,
  comparison: null,
  threshold: null,
  baseline: null,
  value: null,
  readingId: null,
  raisedAt,
  count: 1,
  lastValue: null,
  lastAt: raisedAt,
  state: 'active',
  resolvedAt: null,
  resolvedReason: null,
  acknowledgedAt: null,
  acknowledgedByName: null,
  acknowledgeNote: null,
  resolvedByName: null,
  conditionClearedAt: null,
  audioPausedUntil: null,
  escalatedAt: null,
});

describe('highestPriority (the alert a session tile shows)', () => {
  it('is null without alerts', () => {
    expect(highestPriority([])).toBeNull();
  });

  it('prefers high over medium over low, whatever the order', () => {
    expect(highestPriority([alert(1, 'low', 1), alert(2, 'high', 3), alert(3, 'medium', 2)])?.id).toBe(2);
  });

  it('among equals, shows the oldest (it has waited longest)', () => {
    expect(highestPriority([alert(1, 'high', 30), alert(2, 'high', 10), alert(3, 'high', 20)])?.id).toBe(2);
  });
});
