import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/domain/alert';
import { AlertText } from '../components/AlertText';
import { formatClockTimeBeside, formatClockTimeOnDay } from '../format/time';
import { useServerDay } from '../hooks/use-server-day';
import { useAlertsStore } from '../store/alerts-store';
import { useAnswer } from '../hooks/use-answer';
import { call } from '../transport/client';

const NO_ALERTS: Alert[] = [];

/** One session's alerts, all of them, with who acknowledged and how each ended. */
export function AlertHistory({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation();
  const active = useAlertsStore((state) => state.active);
  // A session past midnight, or one raised yesterday: its earlier rows carry their date.
  const today = useServerDay();
  // Asked again whenever the active alerts change (one raised, acknowledged or ended).
  const history = useAnswer(() => call('alert/list', { sessionId, state: 'all' }), { of: [sessionId], refresh: [active] }).value ?? NO_ALERTS;

  return (
    <section className="card" aria-label={t('physician.history')} data-testid="alert-history">
      <h2>{t('physician.history')}</h2>
      {history.length === 0 ? (
        <p className="empty">{t('physician.historyEmpty')}</p>
      ) : (
        <table className="readings-table alert-history-table">
          <thead>
            <tr>
              <th>{t('physician.raised')}</th>
              <th>{t('physician.priority')}</th>
              <th>{t('physician.condition')}</th>
              <th>{t('physician.acknowledged')}</th>
              <th>{t('physician.ended')}</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((alert) => (
              <tr key={alert.id} data-testid="history-alert">
                <td>{formatClockTimeOnDay(alert.raisedAt, today)}</td>
                <td className={`flag-${alert.priority}`}>{t(`alerts.priority.${alert.priority}`)}</td>
                <td>
                  <AlertText alert={alert} /> {alert.count > 1 && t('alerts.repeats', { count: alert.count })}
                </td>
                <td>
                  {alert.acknowledgedAt !== null
                    ? `${alert.acknowledgedByName ?? ''} ${formatClockTimeBeside(alert.acknowledgedAt, alert.raisedAt)}${alert.acknowledgeNote ? ` — ${alert.acknowledgeNote}` : ''}`
                    : '–'}
                </td>
                <td>
                  {alert.resolvedAt !== null
                    ? `${formatClockTimeOnDay(alert.resolvedAt, today)} ${t(`alerts.resolved.${alert.resolvedReason ?? ''}`, { defaultValue: alert.resolvedReason ?? '' })}${alert.resolvedByName ? ` (${alert.resolvedByName})` : ''}`
                    : t('physician.stillActive')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
