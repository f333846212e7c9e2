import { useTranslation } from 'react-i18next';
import type { SessionTimer } from '../../shared/domain/session';
import type { SessionSummary } from '../../shared/domain/views';
import { PRIORITY_SYMBOL } from '../components/AlertBanner';
import { AlertText } from '../components/AlertText';
import { valueNowOf } from '../components/alert-now';
import { formatValue } from '../format/parameters';
import { formatDuration, timeOnDay } from '../format/time';
import { useServerDay } from '../hooks/use-server-day';
import { Sparkline } from './Sparkline';

/**
 * One chair at a glance: who, phase and clock, latest vitals, NEWS2, and what needs the physician now.
 * The tile shows no "since": an acknowledgement's time carries its date when it was not today.
 */
export function SessionTile({ summary, timer, selected, onSelect }: { summary: SessionSummary; timer: SessionTimer; selected: boolean; onSelect(): void }) {
  const { t } = useTranslation();
  const today = useServerDay();
  const { session, patient, latestReading, latestNews2, highestActiveAlert: alert } = summary;
  const v = latestReading?.values;
  const seen = alert !== null && alert.acknowledgedAt !== null;
  const clock = timer.recoveryStartedAt !== null ? timer.recoveryElapsedMs : timer.infusionElapsedMs;
  return (
    <button
      type="button"
      className={`tile card ${alert ? `tile-${alert.priority}` : ''} ${summary.escalated ? 'tile-escalated' : ''} ${selected ? 'tile-selected' : ''}`}
      onClick={onSelect}
      aria-pressed={selected}
      data-testid="session-tile"
      data-session-id={session.id}
      data-priority={alert?.priority ?? 'none'}
      data-escalated={summary.escalated ? 'true' : 'false'}
    >
      <span className="tile-head">
        <strong>{session.chair}</strong>
        <span className="tile-name" title={`${patient.familyName}, ${patient.givenName}`} data-testid="tile-name">
          {patient.familyName}, {patient.givenName}
        </span>
      </span>
      <span className="tile-phase">
        {t(`session.phase.${timer.phase}`)} {timer.infusionStartedAt !== null && <b className="tile-clock">{formatDuration(clock)}</b>}
      </span>
      <span className="tile-vitals" data-testid="tile-vitals">
        {v && latestReading ? (
          <>
            {/* The values' time as a caption of its own: after the last value it read as that value's ("Dissociation – 21:40"). */}
            <small className="muted tile-vitals-time" data-testid="tile-vitals-time">
              {t('physician.latestAt', timeOnDay(latestReading.observedAt, today))}
            </small>
            <br />
            {t('physician.vitalsLine', {
              hr: formatValue('heartRateBpm', v.heartRateBpm) || '–',
              bp: v.systolicMmHg !== undefined ? `${v.systolicMmHg}/${v.diastolicMmHg ?? ''}` : '–',
              spo2: formatValue('spo2Pct', v.spo2Pct) || '–',
              rr: formatValue('respiratoryRatePerMin', v.respiratoryRatePerMin) || '–',
            })}
            <br />
            <span data-testid="tile-sedation">
              {t('chairside.sedationLine', {
                moaas: formatValue('moaasScore', v.moaasScore) || '–',
                dissociation: formatValue('dissociationLevel', v.dissociationLevel) || '–',
              })}
            </span>
          </>
        ) : (
          t('physician.noVitals')
        )}
      </span>
      <Sparkline sessionId={session.id} />
      <span className="tile-news2" data-testid="tile-news2">
        {latestNews2 ? t(latestNews2.partial ? 'physician.news2Partial' : 'physician.news2', { total: latestNews2.total }) : t('physician.news2None')}
      </span>
      <span className={`tile-alert ${alert ? `alert-${alert.priority}` : ''} ${seen ? 'alert-acknowledged' : ''}`} data-testid="tile-alert" data-acknowledged={seen ? 'true' : 'false'}>
        {alert ? (
          <>
            <b aria-hidden="true">{PRIORITY_SYMBOL[alert.priority]} </b>
            {t(`alerts.priority.${alert.priority}`)}: <AlertText alert={alert} now={latestReading ? valueNowOf(alert, [latestReading]) : null} />
            {seen && <> · {t('alerts.acknowledgedBy', { name: alert.acknowledgedByName, ...timeOnDay(alert.acknowledgedAt ?? 0, today) })}</>}
            {summary.activeAlertCount > 1 && <> {t('physician.more', { count: summary.activeAlertCount - 1 })}</>}
            {summary.escalated && <b> · {t('physician.escalated')}</b>}
          </>
        ) : (
          t('session.alertsNone')
        )}
      </span>
    </button>
  );
}
