import { describe, expect, it } from 'vitest';
import { createSystemClock, ManualClock } from '../../../src-main/core/clock';

describe('ManualClock', () => {
  it('stands still until moved', () => {
    const clock = new ManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    expect(clock.now()).toBe(1_000);
  });

  it('moves forward by the amount given and returns the new time', () => {
    const clock = new ManualClock(1_000);
    expect(clock.advance(60_000)).toBe(61_000);
    expect(clock.advance(0)).toBe(61_000);
    expect(clock.now()).toBe(61_000);
  });

  it('keeps whole milliseconds', () => {
    const clock = new ManualClock(0);
    clock.advance(1.6);
    expect(clock.now()).toBe(2);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses to move by %d', (ms) => {
    const clock = new ManualClock(5_000);
    expect(() => clock.advance(ms)).toThrow(RangeError);
    expect(clock.now()).toBe(5_000);
  });
});

describe('createSystemClock', () => {
  it('starts at the wall-clock time, in whole milliseconds', () => {
    const before = Date.now();
    const clock = createSystemClock();
    const first = clock.now();
    expect(Number.isInteger(first)).toBe(true);
    expect(first).toBeGreaterThanOrEqual(before - 1);
    expect(first).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('never runs backwards between readings', () => {
    const clock = createSystemClock();
    let previous = clock.now();
    for (let i = 0; i < 10_000; i += 1) {
      const next = clock.now();
      expect(next).toBeGreaterThanOrEqual(previous);
      previous = next;
    }
  });
});
