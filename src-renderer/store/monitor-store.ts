import { create } from 'zustand';
import type { Device, HeldMessage } from '../../shared/domain/monitor';
import { bridge, call } from '../transport/client';

interface MonitorState {
  devices: Device[];
  held: HeldMessage[];
  refresh(): Promise<void>;
}

/** Bedside monitors (bound chair, connected, last value) and the holding list, as main last said. */
export const useMonitorStore = create<MonitorState>((set) => ({
  devices: [],
  held: [],
  async refresh() {
    const [devices, held] = await Promise.all([call('device/list', {}), call('monitor/held', {})]);
    set({ ...(devices.ok ? { devices: devices.value } : {}), ...(held.ok ? { held: held.value } : {}) });
  },
}));

/** A monitor at one value a second would reload the device list as often: its "last value" time moves at most this often. */
const LAST_VALUE_REFRESH_MS = 2_000;

/** Reloads on every monitor change main announces (only signed-in clinical staff hear them), and as monitor values arrive. */
export function startMonitorSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const refreshSoon = () => {
    timer ??= setTimeout(() => {
      timer = null;
      void useMonitorStore.getState().refresh();
    }, LAST_VALUE_REFRESH_MS);
  };
  const subscriptions = [
    bridge().subscribe('monitor/changed', () => void useMonitorStore.getState().refresh()),
    bridge().subscribe('reading/added', (reading) => {
      if (reading.source === 'monitor') refreshSoon();
    }),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}

/** The devices feeding a chair (a chair normally has one monitor). */
export function devicesAt(devices: readonly Device[], chair: string): Device[] {
  const wanted = chair.toLocaleLowerCase();
  return devices.filter((device) => device.chair?.toLocaleLowerCase() === wanted);
}
