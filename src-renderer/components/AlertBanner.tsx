import { useTranslation } from 'react-i18next';
import { PRIORITY_RANK } from '../../shared/clinical/alert-rules';
import type { Alert } from '../../shared/domain/alert';
import { formatClockTime } from '../format/time';
import { AlertActions } from './AlertActions';
import { AlertText } from './AlertText';

/** IEC 60601-1-8 style: colour and a symbol, never colour alone. */
export const PRIORITY_SYMBOL = { high: '!!!', medium: '!!', low: '!' } as const;

function AlertRow({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  return (
    <li
      className={`alert alert-${alert.priority} ${alert.escalatedAt !== null ? 'alert-escalated' : ''}`}
      data-testid="active-alert"
      data-priority={alert.priority}
      data-rule={alert.ruleId}
      data-escalated={alert.escalatedAt !== null ? 'true' : 'false'}
    >
      <span className="alert-symbol" aria-hidden="true">
        {PRIORITY_SYMBOL[alert.priority]}
      </span>
      <span className="alert-priority">
        {t(`alerts.priority.${alert.priority}`)}
        {alert.kind === 'technical' && <small> · {t('alerts.technicalLabel')}</small>}
      </span>
      <span className="alert-text">
        <AlertText alert={alert} />
        {alert.conditionClearedAt !== null && <span className="alert-latched"> · {t('alerts.latched', { time: formatClockTime(alert.conditionClearedAt) })}</span>}
        {alert.escalatedAt !== null && <span className="alert-escalated-label"> · {t('alerts.escalated', { time: formatClockTime(alert.escalatedAt) })}</span>}
      </span>
      <span className="alert-meta">
        {t('alerts.raisedAt', { time: formatClockTime(alert.raisedAt) })}
        {alert.count > 1 && <> · {t('alerts.repeats', { count: alert.count })}</>}
      </span>
      <AlertActions alert={alert} />
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
