import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../../shared/clinical/alert-rules';
import type { Reading } from '../../../shared/domain/reading';
import { isConfirmed, latestValues } from '../../../src-main/core/services/alert-engine';

const MINUTE = 60_000;

const reading = (id: number, minute: number, values: Reading['values']): Reading => ({
  id,
  sessionId: 1,
  observedAt: minute * MINUTE,
  recordedAt: minute * MINUTE,
  recordedBy: 1,
  recordedByName: 'N',
  values,
  mapSource: null,
  onSupplementalOxygen: null,
  news2: null,
  late: false,
  supersedesId: null,
  correctionReason: null,
  supersededById: null,
  artifact: null,
  source: 'manual',
  deviceId: null,
  validation: null,
});

const spo2Below92 = (confirmation: AlertRule['confirmation']): AlertRule => ({
  id: 'spo2-below-92',
  parameter: 'spo2Pct',
  comparison: { kind: 'below', limit: 92 },
  priority: 'medium',
  group: 'spo2-low',
  confirmation,
  hysteresis: 1,
});

describe('alert confirmation', () => {
  it('none: one violating reading is enough', () => {
    expect(isConfirmed(spo2Below92({ kind: 'none' }), [reading(1, 0, { spo2Pct: 90 })], {}, 0)).toBe(true);
  });

  it('two consecutive readings: one is not enough, two are, a normal one between breaks the run', () => {
    const rule = spo2Below92({ kind: 'consecutiveReadings', count: 2 });
    expect(isConfirmed(rule, [reading(1, 0, { spo2Pct: 90 })], {}, 0)).toBe(false);
    expect(isConfirmed(rule, [reading(1, 0, { spo2Pct: 90 }), reading(2, 1, { spo2Pct: 89 })], {}, MINUTE)).toBe(true);
    expect(isConfirmed(rule, [reading(1, 0, { spo2Pct: 90 }), reading(2, 1, { spo2Pct: 95 }), reading(3, 2, { spo2Pct: 89 })], {}, 2 * MINUTE)).toBe(false);
  });

  it('readings without the parameter neither count nor break the run', () => {
    const rule = spo2Below92({ kind: 'consecutiveReadings', count: 2 });
    const readings = [reading(1, 0, { spo2Pct: 90 }), reading(2, 1, { heartRateBpm: 80 }), reading(3, 2, { spo2Pct: 89 })];
    expect(isConfirmed(rule, readings, {}, 2 * MINUTE)).toBe(true);
  });

  it('a delay: confirmed once the run of violating readings began that long ago', () => {
    const rule = spo2Below92({ kind: 'delaySeconds', seconds: 120 });
    const readings = [reading(1, 0, { spo2Pct: 96 }), reading(2, 1, { spo2Pct: 90 })];
    expect(isConfirmed(rule, readings, {}, 1 * MINUTE)).toBe(false);
    expect(isConfirmed(rule, readings, {}, 3 * MINUTE - 1)).toBe(false);
    expect(isConfirmed(rule, readings, {}, 3 * MINUTE)).toBe(true);
  });

  it('judges each parameter by its newest observation, whatever order readings were entered in', () => {
    const late = { ...reading(9, 1, { spo2Pct: 85 }), recordedAt: 30 * MINUTE };
    const { values, sources } = latestValues([reading(1, 5, { spo2Pct: 97 }), late]);
    expect(values.spo2Pct).toBe(97);
    expect(sources.spo2Pct?.id).toBe(1);
  });
});
