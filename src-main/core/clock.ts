import type { EpochMs } from '../../shared/domain/common';

/** Main owns the clock; every stored time comes from one of these. */
export interface Clock {
  now(): EpochMs;
}

/**
 * Wall-clock time read once at start, then advanced by the monotonic clock. A change of
 * the system clock while Vigil runs therefore cannot make a timer jump or run backwards;
 * after a restart, elapsed times are derived again from the stored timestamps.
 */
export function createSystemClock(): Clock {
  const wallAtStart = Date.now();
  const monotonicAtStart = performance.now();
  return {
    now: () => Math.round(wallAtStart + (performance.now() - monotonicAtStart)),
  };
}

/** A clock tests move by hand, so no test waits 40 real minutes. */
export class ManualClock implements Clock {
  private current: EpochMs;
  constructor(start: EpochMs) {
    this.current = start;
  }
  now(): EpochMs {
    return this.current;
  }
  advance(ms: number): EpochMs {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`A clock only moves forward (got ${ms} ms)`);
    this.current += Math.round(ms);
    return this.current;
  }
}
