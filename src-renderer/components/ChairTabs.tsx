import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/app-store';
import { formatDuration } from '../format/time';
import { PRIORITY_SYMBOL } from './AlertBanner';
import { MonitorStatus } from '../monitor/MonitorStatus';

/** One tab per open session: chair, patient, phase clock and its most urgent alert. Ctrl+1..9 switches. */
export function ChairTabs() {
  const { t } = useTranslation();
  const openSessions = useAppStore((state) => state.openSessions);
  const timers = useAppStore((state) => state.timers);
  const view = useAppStore((state) => state.view);
  const show = useAppStore((state) => state.show);

  return (
    <nav className="chair-tabs" aria-label={t('app.chairsLabel')}>
      <button type="button" className={`chair-tab ${view.kind === 'patients' ? 'current' : ''}`} onClick={() => show({ kind: 'patients' })} title={t('app.switchHint', { n: 0 })}>
        {t('app.patients')}
      </button>
      <div className="chair-tab-list">
        {openSessions.map((summary, index) => {
          const timer = timers[summary.session.id] ?? summary.timer;
          const alert = summary.highestActiveAlert;
          const current = view.kind === 'session' && view.sessionId === summary.session.id;
          const elapsed = timer.recoveryStartedAt !== null ? timer.recoveryElapsedMs : timer.infusionElapsedMs;
          return (
            <button
              key={summary.session.id}
              type="button"
              className={`chair-tab ${current ? 'current' : ''} ${alert ? `tab-alert-${alert.priority}` : ''}`}
              onClick={() => show({ kind: 'session', sessionId: summary.session.id })}
              title={index < 9 ? t('app.switchHint', { n: index + 1 }) : undefined}
              data-testid="chair-tab"
              data-session-id={summary.session.id}
            >
              <span className="chair-tab-chair">
                {summary.session.chair} <MonitorStatus chair={summary.session.chair} compact />
              </span>
              <span className="chair-tab-patient">{summary.patient.familyName}</span>
              <span className="chair-tab-phase">
                {t(`session.phase.${timer.phase}`)} {timer.infusionStartedAt !== null && formatDuration(elapsed)}
              </span>
              {alert && (
                <span className={`chair-tab-alert alert-${alert.priority}`} aria-label={t(`alerts.priority.${alert.priority}`)}>
                  {PRIORITY_SYMBOL[alert.priority]}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </nav>
  );
}
