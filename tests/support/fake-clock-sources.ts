import type { ClockSources } from '../../src-main/core/clock';

/**
 * The operating system's three clocks, moved by hand: the wall clock, a monotonic clock
 * that stops while the computer sleeps, and one that counts sleep (null: none, as on macOS).
 */
export class FakeClockSources implements ClockSources {
  wall: number;
  monotonic = 1_000;
  boot: number | null;
  constructor(wallStart: number, options: { bootClock?: boolean } = {}) {
    this.wall = wallStart;
    this.boot = options.bootClock === false ? null : 5_000;
  }
  wallMs = () => this.wall;
  monotonicMs = () => this.monotonic;
  sinceBootMs = () => this.boot;
  /** Time passes while the computer is awake: every clock moves. */
  pass(ms: number): void {
    this.wall += ms;
    this.monotonic += ms;
    if (this.boot !== null) this.boot += ms;
  }
  /** The computer sleeps: the monotonic clock stops, the others run on. */
  sleep(ms: number): void {
    this.wall += ms;
    if (this.boot !== null) this.boot += ms;
  }
  /** Someone (or NTP) steps the wall clock; no time passes. */
  step(ms: number): void {
    this.wall += ms;
  }
}
