import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITY_RANK } from '../../shared/clinical/alert-rules';
import type { Alert } from '../../shared/domain/alert';
import { errorText } from '../format/error-text';
import { formatClockTime } from '../format/time';
import { call } from '../transport/client';
import { AlertText } from './AlertText';

/** IEC 60601-1-8 style: colour and a symbol, never colour alone. */
export const PRIORITY_SYMBOL = { high: '!!!', medium: '!!', low: '!' } as const;

function AlertRow({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function acknowledge() {
    const result = await call('alert/acknowledge', { alertId: alert.id, ...(note.trim() ? { note: note.trim() } : {}) });
    if (!result.ok) setError(errorText(t, result.error));
    else setNoting(false);
  }

  return (
    <li className={`alert alert-${alert.priority}`} data-testid="active-alert" data-priority={alert.priority} data-rule={alert.ruleId}>
      <span className="alert-symbol" aria-hidden="true">
        {PRIORITY_SYMBOL[alert.priority]}
      </span>
      <span className="alert-priority">{t(`alerts.priority.${alert.priority}`)}</span>
      <span className="alert-text">
        <AlertText alert={alert} />
      </span>
      <span className="alert-meta">
        {t('alerts.raisedAt', { time: formatClockTime(alert.raisedAt) })}
        {alert.count > 1 && <> · {t('alerts.repeats', { count: alert.count })}</>}
      </span>
      {alert.acknowledgedAt !== null ? (
        <span className="alert-ack">{t('alerts.acknowledgedBy', { name: alert.acknowledgedByName, time: formatClockTime(alert.acknowledgedAt) })}</span>
      ) : noting ? (
        <form
          className="alert-ack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void acknowledge();
          }}
        >
          <input aria-label={t('alerts.acknowledgeNote')} placeholder={t('alerts.acknowledgeNote')} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
          <button type="submit">{t('alerts.acknowledge')}</button>
        </form>
      ) : (
        <button type="button" className="alert-ack-button" onClick={() => setNoting(true)}>
          {t('alerts.acknowledge')}
        </button>
      )}
      {error && <span className="field-error">{error}</span>}
    </li>
  );
}

export function AlertBanner({ alerts }: { alerts: readonly Alert[] }) {
  const { t } = useTranslation();
  const active = alerts
    .filter((alert) => alert.state === 'active')
    .sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.raisedAt - b.raisedAt);
  if (active.length === 0) {
    return (
      <p className="alert-none" data-testid="no-alerts">
        {t('session.alertsNone')}
      </p>
    );
  }
  return (
    <section aria-label={t('alerts.activeCount', { count: active.length })} aria-live="assertive">
      <ul className="alert-banner">
        {active.map((alert) => (
          <AlertRow key={alert.id} alert={alert} />
        ))}
      </ul>
    </section>
  );
}
