import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, ListenerStatus } from '../../shared/domain/monitor';
import { errorText } from '../format/error-text';
import { bridge, call } from '../transport/client';
import '../screens/admin.css';
import { DeviceTable } from './DeviceTable';
import { ListenerForm } from './ListenerForm';
import { ListenerState } from './ListenerState';
import './monitors-admin.css';

/**
 * Administrators (IT) set the bedside-monitor listener (on/off, port, address, allowed
 * monitors) with a reason and bind each monitor to its chair. Main enforces the role.
 */
export function MonitorsScreen() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ListenerStatus | null>(null);
  const [devices, setDevices] = useState<Device[]>([]);
  const [chairs, setChairs] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  // The form starts from the last saved settings; a new key after a save resets it to them.
  const [saves, setSaves] = useState(0);
  // Main restarts the listener after a save commits and announces it (and every connection) as `monitor/changed`.
  const [changes, setChanges] = useState(0);

  useEffect(() => bridge().subscribe('monitor/changed', () => setChanges((n) => n + 1)), []);
  // The clinic's chairs live in the clinic settings: a chair added (or renamed) in any window is offered at once.
  useEffect(() => bridge().subscribe('settings/changed', () => setChanges((n) => n + 1)), []);

  useEffect(() => {
    let current = true;
    void Promise.all([call('monitor/status', {}), call('device/list', {}), call('chair/list', {})]).then(([statusResult, deviceResult, chairResult]) => {
      if (!current) return;
      if (statusResult.ok) setStatus(statusResult.value);
      else setFailure(errorText(t, statusResult.error));
      if (deviceResult.ok) setDevices(deviceResult.value);
      else setFailure(errorText(t, deviceResult.error));
      if (chairResult.ok) setChairs(chairResult.value);
      else setFailure(errorText(t, chairResult.error));
    });
    return () => {
      current = false;
    };
  }, [changes, t]);

  return (
    <main className="admin-screen" data-testid="monitors-screen">
      <div className="toolbar">
        <h1>{t('monitors.title')}</h1>
      </div>
      <p className="muted screen-intro">{t('monitors.intro')}</p>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {status && (
        <div className="monitors-layout">
          <ListenerState status={status} />
          <ListenerForm
            key={saves}
            status={status}
            onSaved={(saved) => {
              setStatus(saved);
              setSaves((n) => n + 1);
            }}
          />
        </div>
      )}
      <DeviceTable devices={devices} chairs={chairs} onBound={setDevices} />
    </main>
  );
}
