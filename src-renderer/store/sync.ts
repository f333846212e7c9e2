import { call, bridge } from '../transport/client';
import { useAppStore } from './app-store';

/** Re-reads the list of open sessions (chair tabs); cheap, and the source of truth is main. */
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

/**
 * One commit pushes several events (the reading, then each alert it changed): re-read the
 * chair list and each touched session once per burst, not once per event.
 */
const BURST_MS = 30;
let pending: { list: boolean; sessions: Set<number> } | null = null;

function scheduleReload(what: { list?: boolean; sessionId?: number }): void {
  if (!pending) {
    pending = { list: false, sessions: new Set() };
    setTimeout(() => {
      const batch = pending;
      pending = null;
      if (!batch) return;
      if (batch.list) void refreshOpenSessions();
      for (const sessionId of batch.sessions) void loadSession(sessionId);
    }, BURST_MS);
  }
  if (what.list) pending.list = true;
  if (what.sessionId !== undefined) pending.sessions.add(what.sessionId);
}

/** Mirrors main's pushed events into the store. Returns the unsubscribe. */
export function startEventSync(): () => void {
  const store = useAppStore.getState;
  const subscriptions = [
    bridge().subscribe('timer/tick', (tick) => store().applyTimers(tick.timers, tick.nowAt)),
    bridge().subscribe('reading/added', (reading) => {
      store().applyReading(reading);
      // A reading changes more than the table: due checks, start blockers, NEWS2. Reload the screen.
      scheduleReload({ list: true, ...(store().details[reading.sessionId] ? { sessionId: reading.sessionId } : {}) });
    }),
    bridge().subscribe('alert/changed', (alert) => {
      store().applyAlert(alert);
      // A technical alert means the due checks moved on with the clock: reload the screen.
      const reloadScreen = alert.kind === 'technical' && store().details[alert.sessionId];
      scheduleReload({ list: true, ...(reloadScreen ? { sessionId: alert.sessionId } : {}) });
    }),
    bridge().subscribe('session/changed', ({ session }) => {
      scheduleReload({ list: true, ...(store().details[session.id] ? { sessionId: session.id } : {}) });
    }),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
