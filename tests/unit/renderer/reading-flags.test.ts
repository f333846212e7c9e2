import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/domain/alert';
import type { Reading } from '../../../shared/domain/reading';
import { readingFlags, shortName } from '../../../src-renderer/components/reading-flags';

const reading = (id: number, recordedAt: number, systolicMmHg: number, artifact = false): Reading =>
  ({ id, recordedAt, observedAt: recordedAt, values: { systolicMmHg }, artifact: artifact ? { reason: 'cuff', at: recordedAt, userName: 'N' } : null }) as unknown as Reading;
const alert = (priority: Alert['priority'], raisedAt: number, resolvedAt: number | null): Alert =>
  ({ kind: 'physiological', parameter: 'systolicMmHg', priority, raisedAt, resolvedAt }) as unknown as Alert;

describe('the readings table marks a value charted while an alert on it was active', () => {
  // 168 raises the medium alert, 185 the high one (the medium is replaced), 176 is still in alarm, 150 ends it.
  const alerts = [alert('medium', 10, 20), alert('high', 20, 40)];
  const flag = readingFlags(alerts);

  it('marks every value of the alarm, at the most urgent priority active then', () => {
    expect(flag(reading(1, 5, 124), 'systolicMmHg')).toBeUndefined();
    expect(flag(reading(2, 10, 168), 'systolicMmHg')).toBe('medium');
    expect(flag(reading(3, 20, 185), 'systolicMmHg')).toBe('high');
    expect(flag(reading(4, 30, 176), 'systolicMmHg')).toBe('high');
    expect(flag(reading(5, 40, 150), 'systolicMmHg')).toBeUndefined();
  });

  it('never marks an artifact, or a parameter the reading does not have', () => {
    expect(flag(reading(6, 30, 190, true), 'systolicMmHg')).toBeUndefined();
    expect(flag(reading(7, 30, 176), 'diastolicMmHg')).toBeUndefined();
  });

  it('writes names short where the column is narrow', () => {
    expect(shortName('Dr Ada Okafor')).toBe('A. Okafor');
    expect(shortName('Lee Moreno')).toBe('L. Moreno');
    expect(shortName('Sam')).toBe('Sam');
  });
});
