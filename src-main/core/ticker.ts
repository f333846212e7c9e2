import type { EventBus } from './event-bus';
import { CLOCK_CHANGE_NOTICE_MS, type Clock, type ClockChange } from './clock';
import type { Logger } from './logger';
import type { SessionService } from './services/sessions';
import { classifyStorageFault } from './storage-fault';

const TICK_INTERVAL_MS = 1000;
/** After a failed tick, wait 1, 2, 4 … ticks (at most a minute) before the next try. */
const MAX_BACKOFF_TICKS = 60;

const silentLogger: Logger = { info: () => undefined, error: () => undefined };

/** What kind of failure a tick met: the storage fault, else the error's name (so a repeat is logged once, not every second). */
function failureKind(error: unknown): string {
  return classifyStorageFault(error) ?? (error instanceof Error ? error.name : 'unknown');
}

/**
 * Once a second while any session is open: runs the scheduled checks (`onTick`) and pushes
 * `timer/tick` with the timers of the sessions whose clock runs. Silent when no session is
 * open. The values come from stored timestamps, so a missed tick loses nothing.
 *
 * A tick cannot take the app down: a failure is caught, logged once per kind, shown to the
 * nurse as a `system/notice` (the overdue checks it would have raised are not running), and
 * retried with back-off; its recovery is shown too. Each tick also asks the clock whether the
 * computer slept or its clock was changed, and shows a change of a minute or more.
 */
export function createTicker(
  sessions: SessionService,
  clock: Clock,
  bus: EventBus,
  onTick: (now: number) => void = () => undefined,
  logger: Logger = silentLogger,
) {
  let interval: ReturnType<typeof setInterval> | null = null;
  let failures = 0;
  let ticksToSkip = 0;
  const kindsLogged = new Set<string>();

  function reportClockChanges(changes: readonly ClockChange[]) {
    for (const change of changes) {
      logger.info(change.kind === 'sleep' ? 'computer slept' : 'wall clock changed', { ...change });
      if (Math.abs(change.deltaMs) >= CLOCK_CHANGE_NOTICE_MS) {
        bus.emit('system/notice', { kind: 'clockChanged', at: change.at, change: change.kind, deltaMs: change.deltaMs, heldForOpenSessions: change.heldForOpenSessions });
      }
    }
  }

  function failed(error: unknown) {
    failures += 1;
    ticksToSkip = Math.min(2 ** (failures - 1), MAX_BACKOFF_TICKS) - 1;
    const kind = failureKind(error);
    if (!kindsLogged.has(kind)) {
      kindsLogged.add(kind);
      logger.error('scheduled checks failed; retrying with back-off', { kind, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      bus.emit('system/notice', { kind: 'checksFailing', at: clock.now(), fault: kind });
    }
  }

  function recovered() {
    if (failures === 0) return;
    logger.info('scheduled checks running again', { after: failures });
    bus.emit('system/notice', { kind: 'checksRecovered', at: clock.now() });
    failures = 0;
    kindsLogged.clear();
  }

  const tick = () => {
    if (ticksToSkip > 0) {
      ticksToSkip -= 1;
      return;
    }
    try {
      const open = sessions.open().length > 0;
      reportClockChanges(clock.check?.({ sessionsOpen: open }) ?? []);
      if (!open) {
        stop();
        return;
      }
      const now = clock.now();
      onTick(now);
      const timers = sessions.runningTimers(now);
      recovered();
      if (timers.length > 0) bus.emit('timer/tick', { nowAt: now, timers });
    } catch (error) {
      failed(error);
    }
  };

  function stop() {
    if (interval) clearInterval(interval);
    interval = null;
  }

  return {
    /** Call after anything that may open or end a session. */
    refresh() {
      if (interval) return;
      try {
        if (sessions.open().length === 0) return;
      } catch (error) {
        failed(error);
      }
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
