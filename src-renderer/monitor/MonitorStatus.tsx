import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../format/time';
import './monitor.css';
import type { Device } from '../../shared/domain/monitor';
import { devicesAt, useMonitorStore } from '../store/monitor-store';

/**
 * What a chair's status shows, as one string, so the component re-renders only when its own
 * chair changes: every monitor value replaces the device list, and with 20 monitors at one
 * value a second each chair tab re-rendered 20 times a second for the other chairs' values.
 */
function chairMonitorKey(devices: readonly Device[], chair: string): string {
  const here = devicesAt(devices, chair);
  if (here.length === 0) return '';
  const connected = here.some((device) => device.connected);
  const lastAt = Math.max(0, ...here.map((device) => device.lastMessageAt ?? 0));
  return JSON.stringify([connected, lastAt, here.map((device) => device.deviceId).join(', ')]);
}

/** On a chair: whether its monitor is connected and when its last value came. Nothing when no monitor is bound. */
export function MonitorStatus({ chair, compact = false }: { chair: string; compact?: boolean }) {
  const { t } = useTranslation();
  const key = useMonitorStore((state) => chairMonitorKey(state.devices, chair));
  if (key === '') return null;
  const [connected, lastAt, deviceIds] = JSON.parse(key) as [boolean, number, string];
  const last = lastAt === 0 ? t('monitor.noValueYet') : t('monitor.lastValue', { time: formatClockTime(lastAt) });
  return (
    <span className={`monitor-status ${connected ? 'connected' : 'disconnected'}`} data-testid="monitor-status" data-connected={connected} title={`${connected ? t('monitor.connected') : t('monitor.notConnected')} · ${last} · ${deviceIds}`}>
      <span aria-hidden="true">{connected ? '●' : '○'}</span>
      {/* On a chair tab only the dot shows (the tab has no room); its words stay for screen readers and the tooltip. */}
      <span className={compact ? 'visually-hidden' : undefined}> {connected ? t('monitor.connected') : t('monitor.notConnected')}</span>
      {!compact && <> · {last}</>}
    </span>
  );
}
