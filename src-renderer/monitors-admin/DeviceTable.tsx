import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../shared/domain/monitor';
import { errorText } from '../format/error-text';
import { formatDateTime } from '../format/time';
import { call } from '../transport/client';

/**
 * The monitors main knows (bound, or heard from), and a form to bind one by its equipment id
 * to one of the clinic's chairs (or unbind it); main refuses a chair the clinic does not have.
 */
export function DeviceTable({ devices, chairs, onBound }: { devices: readonly Device[]; chairs: readonly string[]; onBound: (devices: Device[]) => void }) {
  const { t } = useTranslation();
  const [deviceId, setDeviceId] = useState('');
  const [chair, setChair] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function bind(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    // "Not bound" unbinds the monitor (main takes null for "no chair").
    const result = await call('device/bind', { deviceId: deviceId.trim(), chair: chair === '' ? null : chair });
    setBusy(false);
    if (!result.ok) {
      setError(errorText(t, result.error));
      return;
    }
    setError(null);
    setDeviceId('');
    setChair('');
    onBound(result.value);
  }

  return (
    <section className="card monitors-devices" aria-labelledby="monitors-devices-title">
      <h2 id="monitors-devices-title">{t('monitors.devices.title')}</h2>
      {devices.length === 0 ? (
        <p className="muted" data-testid="devices-none">
          {t('monitors.devices.none')}
        </p>
      ) : (
        <table className="admin-table" data-testid="devices-table">
          <thead>
            <tr>
              <th>{t('monitors.devices.id')}</th>
              <th>{t('monitors.devices.chair')}</th>
              <th>{t('monitors.devices.connection')}</th>
              <th>{t('monitors.devices.lastValue')}</th>
              <th>{t('monitors.devices.bound')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.deviceId} data-testid="device-row">
                <td className="mono">{device.deviceId}</td>
                <td>{device.chair ?? t('monitors.devices.unbound')}</td>
                <td>{device.connected ? t('monitors.devices.connected') : t('monitors.devices.offline')}</td>
                <td>{device.lastMessageAt !== null ? formatDateTime(device.lastMessageAt) : t('monitors.devices.noValue')}</td>
                <td>{device.boundAt !== null ? t('monitors.devices.boundBy', { name: device.boundByName ?? '', time: formatDateTime(device.boundAt) }) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="monitors-bind" onSubmit={(event) => void bind(event)} noValidate data-testid="bind-form">
        <div>
          <label htmlFor="bind-device">{t('monitors.devices.id')}</label>
          <input id="bind-device" className="mono" value={deviceId} onChange={(event) => setDeviceId(event.target.value)} data-testid="bind-device" />
        </div>
        <div>
          <label htmlFor="bind-chair">{t('monitors.devices.chair')}</label>
          <select id="bind-chair" value={chair} onChange={(event) => setChair(event.target.value)} data-testid="bind-chair" aria-describedby="bind-chair-hint">
            <option value="">{t('monitors.devices.unbind')}</option>
            {chairs.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy} data-testid="bind-save">
          {t('monitors.devices.bind')}
        </button>
        <p className="muted hint" id="bind-chair-hint">
          {chairs.length === 0 ? t('monitors.devices.noChairs') : t('monitors.devices.bindHint')}
        </p>
      </form>
      {error && (
        <p className="field-error" role="alert" data-testid="bind-error">
          {error}
        </p>
      )}
    </section>
  );
}
