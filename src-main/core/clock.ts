import { readFileSync } from 'node:fs';
import type { EpochMs } from '../../shared/domain/common';

/** A change of the computer's time noticed between two readings of the clock. */
export interface ClockChange {
  /** 'set': the wall clock was stepped (by hand, NTP, a time zone mistake); 'sleep': the computer was suspended. */
  kind: 'set' | 'sleep';
  /** Vigil's time just after the change was noticed. */
  at: EpochMs;
  /** How far the wall clock moved beyond the time that really passed ('set'), or how long the computer slept ('sleep'). */
  deltaMs: number;
  /** True when open sessions keep the clock they started with (a 'set' while a session was open). */
  heldForOpenSessions: boolean;
}

/** Main owns the clock; every stored time comes from one of these. */
export interface Clock {
  now(): EpochMs;
  /**
   * Once a tick: tells the clock whether any session is open (a wall-clock step then does not
   * move their times) and returns the changes noticed since the last call.
   */
  check?(options: { sessionsOpen: boolean }): ClockChange[];
}

/** The three time sources of the operating system, injectable so tests can sleep and step them. */
export interface ClockSources {
  /** The wall clock (Date.now). */
  wallMs(): number;
  /** A monotonic clock that stops while the computer sleeps (performance.now on Linux and macOS). */
  monotonicMs(): number;
  /** A monotonic clock that counts sleep too (Linux CLOCK_BOOTTIME), or null where there is none. */
  sinceBootMs(): number | null;
}

/** A discrepancy below this between the wall clock and the monotonic one is noise, not a change. */
export const CLOCK_TOLERANCE_MS = 2_000;
/** Changes at least this large are shown to the nurse; smaller ones are only logged. */
export const CLOCK_CHANGE_NOTICE_MS = 60_000;

function readUptimeMs(): number | null {
  try {
    // /proc/uptime counts time asleep too (CLOCK_BOOTTIME), to 10 ms.
    const seconds = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    return Number.isFinite(seconds) ? seconds * 1000 : null;
  } catch {
    return null;
  }
}

export const SYSTEM_CLOCK_SOURCES: ClockSources = {
  wallMs: () => Date.now(),
  monotonicMs: () => performance.now(),
  sinceBootMs: process.platform === 'linux' ? readUptimeMs : () => null,
};

/**
 * Stored times are the wall clock at the moment of the act, so a suspend, an NTP correction
 * or a changed clock is picked up at once. Every reading compares how far the wall clock
 * moved with how far the monotonic clock moved:
 * - the computer slept (the clock counting sleep moved with the wall clock): time really
 *   passed, the infusion ran on, so elapsed times include it;
 * - the wall clock was stepped: while a session is open, Vigil keeps that session's clock
 *   (its elapsed time and due checks stay right, and its times do not run backwards) by
 *   carrying the step as an offset, and takes the new clock once no session is open.
 * Either is reported through `check()` so it is logged and shown to the nurse.
 * Where no sleep-counting clock exists, a forward gap counts as sleep: due checks then come
 * early, never late.
 */
export function createSystemClock(sources: ClockSources = SYSTEM_CLOCK_SOURCES): Clock {
  let lastWall = sources.wallMs();
  let lastMonotonic = sources.monotonicMs();
  let lastBoot = sources.sinceBootMs();
  /** Added to the wall clock while open sessions hold the clock they started with. */
  let offsetMs = 0;
  let sessionsOpen = false;
  let lastReturned = 0;
  const pending: ClockChange[] = [];

  function observe(): number {
    const wall = sources.wallMs();
    const monotonic = sources.monotonicMs();
    const wallMoved = wall - lastWall;
    const monotonicMoved = monotonic - lastMonotonic;
    const discrepancy = wallMoved - monotonicMoved;
    if (Math.abs(discrepancy) > CLOCK_TOLERANCE_MS) {
      const boot = sources.sinceBootMs();
      const slept = boot !== null && lastBoot !== null ? Math.max(0, boot - lastBoot - monotonicMoved) : Math.max(0, discrepancy);
      const stepped = discrepancy - slept;
      lastBoot = boot;
      if (slept > CLOCK_TOLERANCE_MS) pending.push({ kind: 'sleep', at: Math.round(wall + offsetMs), deltaMs: Math.round(slept), heldForOpenSessions: false });
      if (Math.abs(stepped) > CLOCK_TOLERANCE_MS) {
        if (sessionsOpen) offsetMs -= stepped;
        else lastReturned = 0;
        pending.push({ kind: 'set', at: Math.round(wall + offsetMs), deltaMs: Math.round(stepped), heldForOpenSessions: sessionsOpen });
      }
    } else if (lastBoot !== null) {
      lastBoot = sources.sinceBootMs();
    }
    lastWall = wall;
    lastMonotonic = monotonic;
    if (pending.length > 20) pending.splice(0, pending.length - 20);
    return wall + offsetMs;
  }

  return {
    now() {
      // Whole milliseconds; never behind a time already handed out (two acts in one millisecond keep their order).
      lastReturned = Math.max(lastReturned, Math.round(observe()));
      return lastReturned;
    },
    check(options) {
      observe();
      sessionsOpen = options.sessionsOpen;
      if (!sessionsOpen && offsetMs !== 0) {
        // No session depends on the old clock any more: follow the computer's clock again.
        offsetMs = 0;
        lastReturned = 0;
      }
      return pending.splice(0);
    },
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
