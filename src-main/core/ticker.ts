import type { EventBus } from './event-bus';
import type { Clock } from './clock';
import type { SessionService } from './services/sessions';

const TICK_INTERVAL_MS = 1000;

/**
 * Pushes `timer/tick` once a second while any session's timer runs, and stays silent
 * otherwise. The values come from stored timestamps, so a missed tick loses nothing.
 */
export function createTicker(sessions: SessionService, clock: Clock, bus: EventBus, onTick: (now: number) => void = () => undefined) {
  let interval: ReturnType<typeof setInterval> | null = null;

  const tick = () => {
    onTick(clock.now());
    const timers = sessions.runningTimers(clock.now());
    if (timers.length === 0) {
      stop();
      return;
    }
    bus.emit('timer/tick', { nowAt: clock.now(), timers });
  };

  function stop() {
    if (interval) clearInterval(interval);
    interval = null;
  }

  return {
    /** Call after anything that may start or end a running session. */
    refresh() {
      if (interval) return;
      if (sessions.runningTimers(clock.now()).length === 0) return;
      interval = setInterval(tick, TICK_INTERVAL_MS);
      tick();
    },
    /** An immediate tick (for example after the test clock moved). */
    tickNow() {
      this.refresh();
      if (interval) tick();
    },
    stop,
    isRunning: () => interval !== null,
  };
}

export type Ticker = ReturnType<typeof createTicker>;
