import { describe, expect, it } from 'vitest';
import { createSystemClock, ManualClock } from '../../../src-main/core/clock';
import { FakeClockSources } from '../../support/fake-clock-sources';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 2, 3, 14, 0, 0);

describe('ManualClock', () => {
  it('stands still until moved, then moves by whole milliseconds', () => {
    const clock = new ManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    expect(clock.advance(60_000)).toBe(61_000);
    clock.advance(1.6);
    expect(clock.now()).toBe(61_002);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses to move by %d', (ms) => {
    const clock = new ManualClock(5_000);
    expect(() => clock.advance(ms)).toThrow(RangeError);
    expect(clock.now()).toBe(5_000);
  });
});

describe('createSystemClock on the real clocks', () => {
  it('reads the wall clock, in whole milliseconds, never backwards', () => {
    const before = Date.now();
    const clock = createSystemClock();
    let previous = clock.now();
    expect(Number.isInteger(previous)).toBe(true);
    expect(previous).toBeGreaterThanOrEqual(before - 1);
    for (let i = 0; i < 2_000; i += 1) {
      const next = clock.now();
      expect(next).toBeGreaterThanOrEqual(previous);
      previous = next;
    }
    expect(previous).toBeLessThanOrEqual(Date.now() + 1);
  });
});

describe('createSystemClock across sleep and clock changes', () => {
  it('follows the wall clock through a sleep (time really passed) and reports it', () => {
    const os = new FakeClockSources(T0);
    const clock = createSystemClock(os);
    clock.check?.({ sessionsOpen: true });
    os.pass(MINUTE);
    os.sleep(25 * MINUTE);
    expect(clock.now()).toBe(T0 + 26 * MINUTE);
    expect(clock.check?.({ sessionsOpen: true })).toEqual([{ kind: 'sleep', at: T0 + 26 * MINUTE, deltaMs: 25 * MINUTE, heldForOpenSessions: false }]);
    expect(clock.check?.({ sessionsOpen: true })).toEqual([]);
  });

  it('keeps an open session’s clock through a forward step, and takes the new clock once no session is open', () => {
    const os = new FakeClockSources(T0);
    const clock = createSystemClock(os);
    clock.check?.({ sessionsOpen: true });
    os.pass(3 * MINUTE);
    os.step(12 * MINUTE);
    os.pass(1_000);
    expect(clock.now()).toBe(T0 + 3 * MINUTE + 1_000);
    expect(clock.check?.({ sessionsOpen: true })).toEqual([{ kind: 'set', at: T0 + 3 * MINUTE + 1_000, deltaMs: 12 * MINUTE, heldForOpenSessions: true }]);
    os.pass(MINUTE);
    expect(clock.now()).toBe(T0 + 4 * MINUTE + 1_000);
    expect(clock.check?.({ sessionsOpen: false })).toEqual([]);
    expect(clock.now()).toBe(os.wall);
  });

  it('never runs backwards when the clock is set back during a session', () => {
    const os = new FakeClockSources(T0);
    const clock = createSystemClock(os);
    clock.check?.({ sessionsOpen: true });
    os.pass(20 * MINUTE);
    const before = clock.now();
    os.step(-12 * MINUTE);
    os.pass(1_000);
    expect(clock.now()).toBe(before + 1_000);
    expect(clock.check?.({ sessionsOpen: true })).toMatchObject([{ kind: 'set', deltaMs: -12 * MINUTE, heldForOpenSessions: true }]);
  });

  it('follows a step at once when no session is open', () => {
    const os = new FakeClockSources(T0);
    const clock = createSystemClock(os);
    clock.check?.({ sessionsOpen: false });
    os.step(-30 * MINUTE);
    expect(clock.now()).toBe(T0 - 30 * MINUTE);
    expect(clock.check?.({ sessionsOpen: false })).toMatchObject([{ kind: 'set', deltaMs: -30 * MINUTE, heldForOpenSessions: false }]);
  });

  it('without a clock that counts sleep, takes a forward gap for sleep (checks come early, never late) and a backward one for a step', () => {
    const os = new FakeClockSources(T0, { bootClock: false });
    const clock = createSystemClock(os);
    clock.check?.({ sessionsOpen: true });
    os.step(10 * MINUTE);
    expect(clock.now()).toBe(T0 + 10 * MINUTE);
    os.step(-5 * MINUTE);
    expect(clock.now()).toBe(T0 + 10 * MINUTE);
    expect(clock.check?.({ sessionsOpen: true }).map((change) => [change.kind, change.deltaMs])).toEqual([
      ['sleep', 10 * MINUTE],
      ['set', -5 * MINUTE],
    ]);
  });

  it('ignores the small disagreement between two clocks (below two seconds)', () => {
    const os = new FakeClockSources(T0);
    const clock = createSystemClock(os);
    os.pass(MINUTE);
    os.step(1_500);
    expect(clock.now()).toBe(T0 + MINUTE + 1_500);
    expect(clock.check?.({ sessionsOpen: true })).toEqual([]);
  });
});
