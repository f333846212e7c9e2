import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITY_RANK } from '../../shared/clinical/alert-rules';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import { formatClockTime, timeOnDay } from '../format/time';
import { useServerDay } from '../hooks/use-server-day';
import { useServerNow } from '../hooks/use-server-now';
import { AlertActions } from './AlertActions';
import { AlertText } from './AlertText';
import { recentlyEndedByRule, valueNowOf } from './alert-now';

/** IEC 60601-1-8 style: colour and a symbol, never colour alone. */
export const PRIORITY_SYMBOL = { high: '!!!', medium: '!!', low: '!' } as const;

/**
 * One line per alert: symbol, priority, the value that raised it and the value now, the time,
 * and the actions. Acknowledged alerts keep their colour as an outline ("seen by ... at ..."),
 * so what nobody has seen yet stands out. The line opens for its details (repeats, latching,
 * escalation, the acknowledgement note). Memoised on the alert and its value now: a pushed
 * reading re-renders only the line whose figure it changes. `today` (main's date) changes only
 * at midnight: an alert raised on an earlier day then reads "since 2026-11-29 23:50".
 */
const AlertRow = memo(function AlertRow({ alert, nowValue, nowAt, today }: { alert: Alert; nowValue: number | null; nowAt: number | null; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const acknowledged = alert.acknowledgedAt !== null;
  const escalated = alert.escalatedAt !== null && !acknowledged;
  return (
    <li
      className={`alert alert-${alert.priority} ${acknowledged ? 'alert-acknowledged' : ''} ${escalated ? 'alert-escalated' : ''} ${open ? 'alert-open' : ''}`}
      data-testid="active-alert"
      data-priority={alert.priority}
      data-rule={alert.ruleId}
      data-escalated={escalated ? 'true' : 'false'}
      data-acknowledged={acknowledged ? 'true' : 'false'}
    >
      <span className="alert-symbol" aria-hidden="true">
        {PRIORITY_SYMBOL[alert.priority]}
      </span>
      <span className="alert-priority">
        {t(`alerts.priority.${alert.priority}`)}
        {alert.kind === 'technical' && <small> · {t('alerts.technicalLabel')}</small>}
      </span>
      <button type="button" className="alert-text" aria-expanded={open} onClick={() => setOpen(!open)} title={t('alertTruth.details')}>
        <AlertText alert={alert} now={nowValue === null || nowAt === null ? null : { value: nowValue, at: nowAt }} />
        {escalated && <span className="alert-escalated-label"> · {t('alerts.escalated', timeOnDay(alert.escalatedAt ?? 0, today))}</span>}
      </button>
      <span className="alert-meta">
        {t('alerts.raisedAt', timeOnDay(alert.raisedAt, today))}
        {alert.count > 1 && <> · {t('alerts.repeats', { count: alert.count })}</>}
      </span>
      <AlertActions alert={alert} />
      {open && (
        <span className="alert-details" data-testid="alert-details">
          {t('alertTruth.raised', timeOnDay(alert.raisedAt, today))}
          {alert.count > 1 && <> · {t('alertTruth.repeated', { count: alert.count, ...timeOnDay(alert.lastAt, today) })}</>}
          {alert.conditionClearedAt !== null && <> · {t('alerts.latched', timeOnDay(alert.conditionClearedAt, today))}</>}
          {alert.escalatedAt !== null && <> · {t('alerts.escalated', timeOnDay(alert.escalatedAt, today))}</>}
        </span>
      )}
    </li>
  );
});

/** Alerts that ended by themselves in the last minutes: what happened while the nurse looked away. */
function RecentlyEnded({ alerts, readings }: { alerts: readonly Alert[]; readings: readonly Reading[] }) {
  const { t } = useTranslation();
  const now = useServerNow();
  const ended = recentlyEndedByRule(alerts, now);
  if (ended.length === 0) return null;
  return (
    <section className="alerts-ended" aria-label={t('alertTruth.endedTitle')} data-testid="recently-ended">
      <span className="alerts-ended-title">{t('alertTruth.endedTitle')}</span>
      <ul>
        {ended.map(({ latest: alert, times, firstRaisedAt }) => (
          <li key={alert.id} className={`alert-ended alert-ended-${alert.priority}`} data-testid="ended-alert" data-rule={alert.ruleId} data-times={times}>
            <span aria-hidden="true">{PRIORITY_SYMBOL[alert.priority]} </span>
            <AlertText alert={alert} now={valueNowOf(alert, readings)} />
            <span className="alert-meta"> · {t('alertTruth.endedAt', { time: formatClockTime(alert.resolvedAt ?? 0), reason: t(`alerts.resolved.${alert.resolvedReason ?? ''}`, { defaultValue: '' }) })}</span>
            {times > 1 && <span className="alert-meta"> · {t('alertTruth.endedTimes', { count: times, time: formatClockTime(firstRaisedAt) })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AlertBanner({ alerts, readings = [] }: { alerts: readonly Alert[]; readings?: readonly Reading[] }) {
  const { t } = useTranslation();
  const today = useServerDay();
  const active = alerts
    .filter((alert) => alert.state === 'active')
    .sort((a, b) => PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.raisedAt - b.raisedAt);
  return (
    <div className="alert-stack">
      {active.length === 0 ? (
        <p className="alert-none" data-testid="no-alerts">
          {t('session.alertsNone')}
        </p>
      ) : (
        <section aria-label={t('alerts.activeCount', { count: active.length })} aria-live="assertive">
          <ul className="alert-banner">
            {active.map((alert) => {
              const now = valueNowOf(alert, readings);
              return <AlertRow key={alert.id} alert={alert} nowValue={now?.value ?? null} nowAt={now?.at ?? null} today={today} />;
            })}
          </ul>
        </section>
      )}
      <RecentlyEnded alerts={alerts} readings={readings} />
    </div>
  );
}
