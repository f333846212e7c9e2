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

/**
 * Reloads on every monitor change main announces (a device connected or went quiet, a
 * binding, the holding list). A monitor value itself is not a reason to reload: its row
 * (device, time) moves the device's "last value" here.
 */
export function startMonitorSync(): () => void {
  const subscriptions = [
    bridge().subscribe('monitor/changed', () => void useMonitorStore.getState().refresh()),
    bridge().subscribe('reading/added', (reading) => {
      if (reading.source !== 'monitor' || reading.deviceId === null) return;
      useMonitorStore.setState((state) => ({ devices: withLastValue(state.devices, reading.deviceId ?? '', reading.recordedAt) }));
    }),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}

/** The list with one device's last value moved to `at` (the same list when nothing changes, so nothing re-renders). */
export function withLastValue(devices: Device[], deviceId: string, at: number): Device[] {
  const index = devices.findIndex((device) => device.deviceId === deviceId);
  const device = devices[index];
  if (!device || (device.lastMessageAt ?? 0) >= at) return devices;
  const copy = [...devices];
  copy[index] = { ...device, lastMessageAt: at };
  return copy;
}

/** The devices feeding a chair (a chair normally has one monitor). */
export function devicesAt(devices: readonly Device[], chair: string): Device[] {
  const wanted = chair.toLocaleLowerCase();
  return devices.filter((device) => device.chair?.toLocaleLowerCase() === wanted);
}
