import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTENER_PORT_RANGE, type ListenerStatus } from '../../shared/domain/monitor';
import { call } from '../transport/client';
import { listenerErrorText, listenerField, type ListenerField } from './field-errors';

type Errors = Partial<Record<ListenerField | 'form', string>>;

function addressesText(addresses: readonly string[]): string {
  return addresses.join('\n');
}

function addressList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The listener settings an admin changes, with a reason; main checks them and names the field it refuses. */
export function ListenerForm({ status, onSaved }: { status: ListenerStatus; onSaved: (status: ListenerStatus) => void }) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(status.settings.enabled);
  const [port, setPort] = useState(String(status.settings.port));
  const [bindAddress, setBindAddress] = useState(status.settings.bindAddress);
  const [allowed, setAllowed] = useState(addressesText(status.settings.allowedAddresses));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const portNumber = Number(port);
    if (port.trim() === '' || !Number.isInteger(portNumber)) {
      setErrors({ port: t('monitors.error.port') });
      return;
    }
    setBusy(true);
    const result = await call('monitor/configure', { settings: { enabled, port: portNumber, bindAddress: bindAddress.trim(), allowedAddresses: addressList(allowed) }, reason });
    setBusy(false);
    if (result.ok) {
      setErrors({});
      setReason('');
      onSaved(result.value);
      return;
    }
    const field = listenerField(result.error);
    setErrors({ [field ?? 'form']: listenerErrorText(t, result.error, field) });
  }

  const described = (field: ListenerField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `listener-${field}-error` } : {});
  const fieldError = (field: ListenerField) =>
    errors[field] && (
      <p className="field-error" id={`listener-${field}-error`} data-testid={`listener-${field}-error`}>
        {errors[field]}
      </p>
    );

  return (
    <form className="card monitors-form" onSubmit={(event) => void save(event)} noValidate data-testid="listener-form">
      <h2>{t('monitors.settings')}</h2>
      <label className="monitors-switch">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} data-testid="listener-enabled" />
        {t('monitors.enabled')}
      </label>
      <div className="monitors-fields">
        <div>
          <label htmlFor="listener-port">{t('monitors.port')}</label>
          <input id="listener-port" inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} data-testid="listener-port" {...described('port')} />
          <p className="muted hint">{t('monitors.portHint', LISTENER_PORT_RANGE)}</p>
          {fieldError('port')}
        </div>
        <div>
          <label htmlFor="listener-bind">{t('monitors.bindAddress')}</label>
          <input id="listener-bind" value={bindAddress} onChange={(event) => setBindAddress(event.target.value)} data-testid="listener-bind" {...described('bindAddress')} />
          <p className="muted hint">{t('monitors.bindHint')}</p>
          {fieldError('bindAddress')}
        </div>
        <div>
          <label htmlFor="listener-allowed">{t('monitors.allowed')}</label>
          <textarea id="listener-allowed" rows={3} value={allowed} onChange={(event) => setAllowed(event.target.value)} data-testid="listener-allowed" {...described('allowedAddresses')} />
          <p className="muted hint">{t('monitors.allowedHint')}</p>
          {fieldError('allowedAddresses')}
        </div>
      </div>
      <label htmlFor="listener-reason">{t('monitors.reason')}</label>
      <input id="listener-reason" value={reason} onChange={(event) => setReason(event.target.value)} data-testid="listener-reason" {...described('reason')} />
      {fieldError('reason')}
      {errors.form && (
        <p className="field-error" role="alert" data-testid="listener-error">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="listener-save">
          {t('monitors.save')}
        </button>
      </div>
    </form>
  );
}
