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

/** Mirrors main's pushed events into the store. Returns the unsubscribe. */
export function startEventSync(): () => void {
  const store = useAppStore.getState;
  const subscriptions = [
    bridge().subscribe('timer/tick', (tick) => store().applyTimers(tick.timers, tick.nowAt)),
    bridge().subscribe('reading/added', (reading) => {
      store().applyReading(reading);
      void refreshOpenSessions();
      // A reading changes more than the table: due checks, start blockers, NEWS2. Reload the screen.
      if (store().details[reading.sessionId]) void loadSession(reading.sessionId);
    }),
    bridge().subscribe('alert/changed', (alert) => {
      store().applyAlert(alert);
      void refreshOpenSessions();
      // A technical alert means the due checks moved on with the clock: reload the screen.
      if (alert.kind === 'technical' && store().details[alert.sessionId]) void loadSession(alert.sessionId);
    }),
    bridge().subscribe('session/changed', ({ session }) => {
      void refreshOpenSessions();
      if (store().details[session.id]) void loadSession(session.id);
    }),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
