import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_PRIORITIES, PRIORITY_RANK, type AlertPriority } from '../../shared/clinical/alert-rules';
import type { Alert } from '../../shared/domain/alert';
import type { SessionSummary } from '../../shared/domain/views';
import { AlertActions } from '../components/AlertActions';
import { PRIORITY_SYMBOL } from '../components/AlertBanner';
import { AlertText } from '../components/AlertText';
import { timeOnDay } from '../format/time';
import { useServerDay } from '../hooks/use-server-day';
import { useAlertsStore } from '../store/alerts-store';

type PriorityFilter = 'all' | AlertPriority;
type KindFilter = 'all' | Alert['kind'];

/** Every active alert of every chair, most urgent first, acknowledged from here with a note. */
export function AlertQueue({ sessions }: { sessions: readonly SessionSummary[] }) {
  const { t } = useTranslation();
  const active = useAlertsStore((state) => state.active);
  const today = useServerDay();
  const [priority, setPriority] = useState<PriorityFilter>('all');
  const [kind, setKind] = useState<KindFilter>('all');
  const [unacknowledgedOnly, setUnacknowledgedOnly] = useState(false);

  const alerts = useMemo(
    () =>
      Object.values(active)
        .filter((a) => (priority === 'all' || a.priority === priority) && (kind === 'all' || a.kind === kind) && (!unacknowledgedOnly || a.acknowledgedAt === null))
        .sort((a, b) => Number(b.escalatedAt !== null) - Number(a.escalatedAt !== null) || PRIORITY_RANK[b.priority] - PRIORITY_RANK[a.priority] || a.raisedAt - b.raisedAt),
    [active, priority, kind, unacknowledgedOnly],
  );
  const chairOf = (sessionId: number) => sessions.find((s) => s.session.id === sessionId);

  return (
    <section className="card alert-queue" aria-label={t('physician.queue')} data-testid="alert-queue">
      <div className="toolbar">
        <h2>{t('physician.queue')}</h2>
        <label className="inline">
          {t('physician.filterPriority')}
          <select value={priority} onChange={(e) => setPriority(e.target.value as PriorityFilter)} name="priority">
            <option value="all">{t('physician.all')}</option>
            {ALERT_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`alerts.priority.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('physician.filterKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as KindFilter)} name="kind">
            <option value="all">{t('physician.all')}</option>
            <option value="physiological">{t('physician.physiological')}</option>
            <option value="technical">{t('physician.technical')}</option>
          </select>
        </label>
        <label className="inline checkbox">
          <input type="checkbox" checked={unacknowledgedOnly} onChange={(e) => setUnacknowledgedOnly(e.target.checked)} />
          {t('physician.unacknowledgedOnly')}
        </label>
      </div>
      {alerts.length === 0 ? (
        <p className="empty">{t('physician.queueEmpty')}</p>
      ) : (
        <ul className="queue-list">
          {alerts.map((alert) => {
            const where = chairOf(alert.sessionId);
            const acknowledged = alert.acknowledgedAt !== null;
            const escalated = alert.escalatedAt !== null && !acknowledged;
            return (
              <li
                key={alert.id}
                className={`alert alert-${alert.priority} ${acknowledged ? 'alert-acknowledged' : ''} ${escalated ? 'alert-escalated' : ''}`}
                data-testid="queue-alert"
                data-priority={alert.priority}
                data-acknowledged={acknowledged ? 'true' : 'false'}
              >
                <span className="alert-symbol" aria-hidden="true">
                  {PRIORITY_SYMBOL[alert.priority]}
                </span>
                <span className="queue-where" title={where ? `${where.session.chair} ${where.patient.familyName}` : undefined} data-testid="queue-where">
                  <b>{where?.session.chair ?? '?'}</b> {where?.patient.familyName}
                </span>
                <span className="alert-text">
                  <AlertText alert={alert} />
                  {escalated && <b> · {t('physician.escalated')}</b>}
                </span>
                <span className="alert-meta">{t('alerts.raisedAt', timeOnDay(alert.raisedAt, today))}</span>
                <AlertActions alert={alert} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
