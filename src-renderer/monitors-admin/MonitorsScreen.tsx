import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../shared/domain/monitor';
import { errorText } from '../format/error-text';
import { useAnswer } from '../hooks/use-answer';
import { bridge, call } from '../transport/client';
import '../screens/admin.css';
import { DeviceTable } from './DeviceTable';
import { ListenerForm } from './ListenerForm';
import { ListenerState } from './ListenerState';
import './monitors-admin.css';

const NO_DEVICES: Device[] = [];
const NO_CHAIRS: string[] = [];

/**
 * Administrators (IT) set the bedside-monitor listener (on/off, port, address, allowed
 * monitors) with a reason and bind each monitor to its chair. Main enforces the role.
 */
export function MonitorsScreen() {
  const { t } = useTranslation();
  // The form starts from the last saved settings; a new key after a save resets it to them.
  const [saves, setSaves] = useState(0);
  // Main restarts the listener after a save commits and announces it (and every connection) as `monitor/changed`.
  const [changes, setChanges] = useState(0);

  useEffect(() => bridge().subscribe('monitor/changed', () => setChanges((n) => n + 1)), []);
  // The clinic's chairs live in the clinic settings: a chair added (or renamed) in any window is offered at once.
  useEffect(() => bridge().subscribe('settings/changed', () => setChanges((n) => n + 1)), []);

  const statusAnswer = useAnswer(() => call('monitor/status', {}), { refresh: [changes] });
  const devicesAnswer = useAnswer(() => call('device/list', {}), { refresh: [changes] });
  const chairsAnswer = useAnswer(() => call('chair/list', {}), { refresh: [changes] });
  const status = statusAnswer.value;
  const devices = devicesAnswer.value ?? NO_DEVICES;
  const chairs = chairsAnswer.value ?? NO_CHAIRS;
  const refusal = statusAnswer.error ?? devicesAnswer.error ?? chairsAnswer.error;
  const failure = refusal && errorText(t, refusal);

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
              statusAnswer.replace(saved);
              setSaves((n) => n + 1);
            }}
          />
        </div>
      )}
      <DeviceTable devices={devices} chairs={chairs} onBound={devicesAnswer.replace} />
    </main>
  );
}
