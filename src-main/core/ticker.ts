import type { EventBus } from './event-bus';
import type { Clock } from './clock';
import type { SessionService } from './services/sessions';

const TICK_INTERVAL_MS = 1000;

/**
 * Once a second while any session is open: runs the scheduled checks (`onTick`) and pushes
 * `timer/tick` with the timers of the sessions whose clock runs. Silent when no session is
 * open. The values come from stored timestamps, so a missed tick loses nothing.
 */
export function createTicker(sessions: SessionService, clock: Clock, bus: EventBus, onTick: (now: number) => void = () => undefined) {
  let interval: ReturnType<typeof setInterval> | null = null;

  const tick = () => {
    if (sessions.open().length === 0) {
      stop();
      return;
    }
    const now = clock.now();
    onTick(now);
    const timers = sessions.runningTimers(now);
    if (timers.length > 0) bus.emit('timer/tick', { nowAt: now, timers });
  };

  function stop() {
    if (interval) clearInterval(interval);
    interval = null;
  }

  return {
    /** Call after anything that may open or end a session. */
    refresh() {
      if (interval) return;
      if (sessions.open().length === 0) return;
      interval = setInterval(tick, TICK_INTERVAL_MS);
      tick();
    },
    /** An immediate tick (for example after the test clock moved). */
    tickNow() {
      const wasRunning = interval !== null;
      this.refresh();
      if (wasRunning) tick();
    },
    stop,
    isRunning: () => interval !== null,
  };
}

export type Ticker = ReturnType<typeof createTicker>;
