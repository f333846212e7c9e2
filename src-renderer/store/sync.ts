import type { EventMeta } from '../../shared/contract/api';
import type { AppError } from '../../shared/result';
import { EVERY_EVENT_NAME } from '../../shared/contract/every-event';
import type { EventName } from '../../shared/contract/events';
import { call, bridge } from '../transport/client';
import { loadActiveAlerts } from './alerts-store';
import { READING_PAGE_MAX_ROWS, SESSION_GET_ALERTS_MAX } from '../../shared/domain/reading-limits';
import { useAppStore } from './app-store';

/** Re-reads the list of open sessions (chair tabs): on start, and when events were missed. */
export async function refreshOpenSessions(): Promise<void> {
  const result = await call('session/list', { scope: 'open' });
  if (result.ok) useAppStore.getState().setOpenSessions(result.value);
}

export async function loadSession(sessionId: number): Promise<void> {
  const result = await call('session/get', { sessionId });
  if (result.ok) useAppStore.getState().setDetail(result.value);
}

/** Main's clock as this window best knows it. */
export function serverNow(): number {
  return Date.now() + useAppStore.getState().serverClockOffsetMs;
}

let lastSeq: number | null = null;

/** Reloads everything this window shows: after a gap in the event numbers, or a reconnect. */
export function resync(): void {
  // What is loaded now is the new starting point: the next event number starts the count again.
  lastSeq = null;
  void loadActiveAlerts();
  void refreshOpenSessions();
  for (const sessionId of Object.keys(useAppStore.getState().details)) void loadSession(Number(sessionId));
}

/**
 * Every event main sends this window carries the window's next number (0: its own sign-in,
 * or a restore, which stand apart); a skipped number means this window missed something.
 */
function inSequence(meta: EventMeta | undefined): void {
  if (!meta || meta.seq === 0) return;
  if (lastSeq !== null && meta.seq !== lastSeq + 1) resync();
  lastSeq = meta.seq;
}

const MERGED_HERE: ReadonlySet<EventName> = new Set<EventName>(['alert/changed', 'timer/tick', 'reading/added', 'session/updated', 'session/changed']);

/**
 * Mirrors main's pushed events into the store. Events carry the changed rows and the store
 * merges them; nothing is re-fetched per event. A phase change (rare, and it touches the
 * timeline and the panels) reloads that one session's screen. Returns the unsubscribe.
 */
export function startEventSync(): () => void {
  const store = useAppStore.getState;
  const subscriptions = [
    bridge().subscribe('alert/changed', (alert, meta) => {
      inSequence(meta);
      store().applyAlert(alert);
    }),
    bridge().subscribe('timer/tick', (tick, meta) => {
      inSequence(meta);
      store().applyTimers(tick.timers, tick.nowAt);
    }),
    bridge().subscribe('reading/added', (reading, meta) => {
      inSequence(meta);
      store().applyReading(reading);
    }),
    bridge().subscribe('session/updated', (live, meta) => {
      inSequence(meta);
      store().applyLive(live);
    }),
    bridge().subscribe('session/changed', ({ session }, meta) => {
      inSequence(meta);
      if (store().details[session.id]) void loadSession(session.id);
    }),
    // The events other parts of the window handle count too: missing one of them is a gap.
    ...EVERY_EVENT_NAME.filter((name) => !MERGED_HERE.has(name)).map((name) => bridge().subscribe(name, (_payload, meta) => inSequence(meta))),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}

const loadingOlder = new Set<number>();

/** The next page of older table rows of a session (one request at a time per session). */
export async function loadOlderReadings(sessionId: number): Promise<void> {
  const detail = useAppStore.getState().details[sessionId];
  const oldest = detail?.readings[0];
  if (!detail || !oldest || detail.readings.length >= detail.readingCount || loadingOlder.has(sessionId)) return;
  loadingOlder.add(sessionId);
  try {
    const result = await call('reading/page', { sessionId, before: { observedAt: oldest.observedAt, id: oldest.id }, limit: READING_PAGE_MAX_ROWS });
    if (result.ok) useAppStore.getState().addOlderReadings(sessionId, result.value.readings);
  } finally {
    loadingOlder.delete(sessionId);
  }
}

const pagingAlerts = new Set<number>();

/** The next page of a session's older alerts, for the timeline and the table's marks (one request at a time per session); the error, if main refused. */
export async function loadOlderAlerts(sessionId: number): Promise<AppError | null> {
  const before = useAppStore.getState().alertsPagedBefore[sessionId];
  if (before === undefined || before === null || pagingAlerts.has(sessionId)) return null;
  pagingAlerts.add(sessionId);
  try {
    const result = await call('alert/page', { sessionId, beforeId: before, limit: SESSION_GET_ALERTS_MAX });
    if (!result.ok) return result.error;
    useAppStore.getState().addOlderAlerts(sessionId, result.value, SESSION_GET_ALERTS_MAX);
    return null;
  } finally {
    pagingAlerts.delete(sessionId);
  }
}
