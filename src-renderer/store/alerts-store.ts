import { create } from 'zustand';
import type { Alert } from '../../shared/domain/alert';
import { bridge, call } from '../transport/client';

/**
 * Every active alert of every open session, for the sounder, the notifier and the
 * physician's queue. Mirrors main: loaded once, then kept by `alert/changed` events.
 */
interface AlertsState {
  active: Record<number, Alert>;
  upsert(alert: Alert): void;
  replaceAll(alerts: Alert[]): void;
  clear(): void;
}

export const useAlertsStore = create<AlertsState>()((set) => ({
  active: {},
  upsert: (alert) =>
    set((state) => {
      const others = Object.entries(state.active).filter(([id]) => Number(id) !== alert.id);
      return { active: Object.fromEntries(alert.state === 'active' ? [...others, [alert.id, alert]] : others) };
    }),
  replaceAll: (alerts) => set({ active: Object.fromEntries(alerts.filter((a) => a.state === 'active').map((a) => [a.id, a])) }),
  clear: () => set({ active: {} }),
}));

export async function loadActiveAlerts(): Promise<void> {
  const result = await call('alert/list', { state: 'active' });
  if (result.ok) useAlertsStore.getState().replaceAll(result.value);
}

export function startAlertSync(): () => void {
  return bridge().subscribe('alert/changed', (alert) => useAlertsStore.getState().upsert(alert));
}
