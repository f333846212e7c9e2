import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, SessionTimer } from '../../../shared/domain/session';
import { ManualClock } from '../../../src-main/core/clock';
import { EventBus } from '../../../src-main/core/event-bus';
import type { SessionService } from '../../../src-main/core/services/sessions';
import { createTicker } from '../../../src-main/core/ticker';
import { createMemoryLogger } from '../../support/memory-logger';

const timer = (sessionId: number, nowAt: number): SessionTimer => ({
  sessionId,
  phase: 'infusing',
  nowAt,
  infusionStartedAt: 0,
  infusionEndedAt: null,
  infusionElapsedMs: nowAt,
  infusionRemainingMs: null,
  pausedElapsedMs: 0,
  recoveryStartedAt: null,
  recoveryElapsedMs: 0,
  totalElapsedMs: nowAt,
});

/** The ticker uses open() and runningTimers(); here every open session is running. */
function fakeSessions(running: number[]): SessionService {
  const partial: Pick<SessionService, 'runningTimers' | 'open'> = {
    runningTimers: (now = 0) => running.map((id) => timer(id, now)),
    open: () => running.map((id) => ({ id }) as Session),
  };
  return partial as SessionService;
}

describe('ticker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the scheduled checks but pushes no tick for an open session whose clock does not run', () => {
    const bus = new EventBus();
    const ticks = vi.fn();
    bus.subscribe(ticks);
    const checks = vi.fn();
    const screeningOnly: Pick<SessionService, 'runningTimers' | 'open'> = { runningTimers: () => [], open: () => [{ id: 9 } as Session] };
    const ticker = createTicker(screeningOnly as SessionService, new ManualClock(5_000), bus, checks);
    ticker.refresh();
    vi.advanceTimersByTime(2_000);
    expect(ticker.isRunning()).toBe(true);
    expect(checks).toHaveBeenCalledTimes(3);
    expect(checks).toHaveBeenLastCalledWith(5_000);
    expect(ticks).not.toHaveBeenCalled();
    ticker.stop();
  });

  it('stays silent while no session is open', () => {
    const bus = new EventBus();
    const ticks = vi.fn();
    bus.subscribe(ticks);
    const ticker = createTicker(fakeSessions([]), new ManualClock(0), bus);
    ticker.refresh();
    vi.advanceTimersByTime(5_000);
    expect(ticker.isRunning()).toBe(false);
    expect(ticks).not.toHaveBeenCalled();
  });

  it('ticks at once, then once a second, with the timers at the clock time', () => {
    const bus = new EventBus();
    const ticks: unknown[] = [];
    bus.subscribe((name, payload) => ticks.push({ name, payload }));
    const clock = new ManualClock(10_000);
    const ticker = createTicker(fakeSessions([4]), clock, bus);
    ticker.refresh();
    expect(ticks).toEqual([{ name: 'timer/tick', payload: { nowAt: 10_000, timers: [timer(4, 10_000)] } }]);
    clock.advance(1_000);
    vi.advanceTimersByTime(1_000);
    clock.advance(1_000);
    vi.advanceTimersByTime(1_000);
    expect(ticks).toHaveLength(3);
    expect(ticks.at(-1)).toEqual({ name: 'timer/tick', payload: { nowAt: 12_000, timers: [timer(4, 12_000)] } });
    ticker.stop();
  });

  it('does not start a second interval when refreshed again', () => {
    const bus = new EventBus();
    const ticks = vi.fn();
    bus.subscribe(ticks);
    const ticker = createTicker(fakeSessions([1]), new ManualClock(0), bus);
    ticker.refresh();
    ticker.refresh();
    vi.advanceTimersByTime(1_000);
    expect(ticks).toHaveBeenCalledTimes(2);
    ticker.stop();
  });

  it('stops by itself once the last session is no longer open', () => {
    const running = [1];
    const bus = new EventBus();
    const ticks = vi.fn();
    bus.subscribe(ticks);
    const ticker = createTicker(fakeSessions(running), new ManualClock(0), bus);
    ticker.refresh();
    running.length = 0;
    vi.advanceTimersByTime(1_000);
    expect(ticker.isRunning()).toBe(false);
    vi.advanceTimersByTime(5_000);
    expect(ticks).toHaveBeenCalledTimes(1);
  });

  it('tickNow pushes an immediate tick (after the test clock moved)', () => {
    const bus = new EventBus();
    const ticks = vi.fn();
    bus.subscribe(ticks);
    const clock = new ManualClock(0);
    const ticker = createTicker(fakeSessions([1]), clock, bus);
    ticker.refresh();
    clock.advance(30 * 60_000);
    ticker.tickNow();
    expect(ticks).toHaveBeenLastCalledWith('timer/tick', { nowAt: 30 * 60_000, timers: [timer(1, 30 * 60_000)] }, expect.any(Number));
    ticker.stop();
    expect(ticker.isRunning()).toBe(false);
  });

  it('survives a sweep that throws: logs once per kind, tells the nurse, retries with back-off, and says when it works again', () => {
    const bus = new EventBus();
    const events: { name: string; payload: unknown }[] = [];
    bus.subscribe((name, payload) => events.push({ name, payload }));
    const logger = createMemoryLogger();
    let broken = true;
    const sweep = vi.fn(() => {
      if (broken) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
    });
    const ticker = createTicker(fakeSessions([1]), new ManualClock(7_000), bus, sweep, logger);
    expect(() => ticker.refresh()).not.toThrow();
    vi.advanceTimersByTime(30_000);
    // Tries at 0, 1, 3, 7 and 15 s (waiting 1, 2, 4, 8 ticks): 5 attempts in 30 s, not 31.
    expect(sweep).toHaveBeenCalledTimes(5);
    expect(logger.errors()).toEqual([{ level: 'error', message: 'scheduled checks failed; retrying with back-off', detail: { kind: 'storage_io', error: expect.stringContaining('disk I/O error') } }]);
    expect(events.filter((event) => event.name === 'system/notice')).toEqual([{ name: 'system/notice', payload: { kind: 'checksFailing', at: 7_000, fault: 'storage_io' } }]);
    expect(events.some((event) => event.name === 'timer/tick')).toBe(false);

    broken = false;
    vi.advanceTimersByTime(32_000);
    expect(events.filter((event) => event.name === 'system/notice').at(-1)).toEqual({ name: 'system/notice', payload: { kind: 'checksRecovered', at: 7_000 } });
    expect(events.at(-1)?.name).toBe('timer/tick');
    // Back to once a second.
    const calls = sweep.mock.calls.length;
    vi.advanceTimersByTime(3_000);
    expect(sweep.mock.calls.length).toBe(calls + 3);
    ticker.stop();
  });
});
