import { useSyncExternalStore } from 'react';
import { dayOf } from '../format/time';
import { serverNow } from '../store/sync';

/** How often main's date is read again: a time shown without its date gains it within this of midnight. */
const DAY_CHECK_MS = 1000;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

/** One timer for every component that shows times beside "today", running only while one is shown. */
function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  timer ??= setInterval(() => listeners.forEach((listener) => listener()), DAY_CHECK_MS);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const serverDay = () => dayOf(serverNow());

/**
 * Main's date today (yyyy-MM-dd). The snapshot is the date string, so a component using it
 * re-renders when the date changes (at midnight, or when main's clock moves), not every second
 * as with `useServerNow`: the memoised alert lines stay as they are all day.
 */
export function useServerDay(): string {
  return useSyncExternalStore(subscribe, serverDay);
}
