import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../format/time';
import './monitor.css';
import { devicesAt, useMonitorStore } from '../store/monitor-store';

/** On a chair: whether its monitor is connected and when its last value came. Nothing when no monitor is bound. */
export function MonitorStatus({ chair, compact = false }: { chair: string; compact?: boolean }) {
  const { t } = useTranslation();
  // Select the stored list (a stable reference) and filter here: a selector returning a new array each time re-renders forever.
  const devices = devicesAt(useMonitorStore((state) => state.devices), chair);
  if (devices.length === 0) return null;
  const connected = devices.some((device) => device.connected);
  const lastAt = Math.max(0, ...devices.map((device) => device.lastMessageAt ?? 0));
  const last = lastAt === 0 ? t('monitor.noValueYet') : t('monitor.lastValue', { time: formatClockTime(lastAt) });
  return (
    <span className={`monitor-status ${connected ? 'connected' : 'disconnected'}`} data-testid="monitor-status" data-connected={connected} title={`${connected ? t('monitor.connected') : t('monitor.notConnected')} · ${last} · ${devices.map((d) => d.deviceId).join(', ')}`}>
      <span aria-hidden="true">{connected ? '●' : '○'}</span>
      {/* On a chair tab only the dot shows (the tab has no room); its words stay for screen readers and the tooltip. */}
      <span className={compact ? 'visually-hidden' : undefined}> {connected ? t('monitor.connected') : t('monitor.notConnected')}</span>
      {!compact && <> · {last}</>}
    </span>
  );
}
