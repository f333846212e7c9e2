import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type AppState } from '../store/app-store';
import { formatDuration } from '../format/time';
import { PRIORITY_SYMBOL } from './AlertBanner';
import { MonitorStatus } from '../monitor/MonitorStatus';

/** What one tab shows, as plain values: the tab re-renders only when one of them changes (not per reading). */
function tabOf(state: AppState, sessionId: number) {
  const summary = state.openSessions.find((s) => s.session.id === sessionId);
  if (!summary) return null;
  const timer = state.timers[sessionId] ?? summary.timer;
  const elapsed = timer.recoveryStartedAt !== null ? timer.recoveryElapsedMs : timer.infusionElapsedMs;
  return {
    chair: summary.session.chair,
    familyName: summary.patient.familyName,
    phase: timer.phase,
    clock: timer.infusionStartedAt !== null ? formatDuration(elapsed) : null,
    alertPriority: summary.highestActiveAlert?.priority ?? null,
    current: state.view.kind === 'session' && state.view.sessionId === sessionId,
  };
}

const ChairTab = memo(function ChairTab({ sessionId, index }: { sessionId: number; index: number }) {
  const { t } = useTranslation();
  const tab = useAppStore(useShallow((state) => tabOf(state, sessionId)));
  const show = useAppStore((state) => state.show);
  if (!tab) return null;
  const { alertPriority } = tab;
  return (
    <button
      type="button"
      className={`chair-tab ${tab.current ? 'current' : ''} ${alertPriority ? `tab-alert-${alertPriority}` : ''}`}
      onClick={() => show({ kind: 'session', sessionId })}
      title={index < 9 ? t('app.switchHint', { n: index + 1 }) : undefined}
      data-testid="chair-tab"
      data-session-id={sessionId}
    >
      <span className="chair-tab-chair">
        {tab.chair} <MonitorStatus chair={tab.chair} compact />
      </span>
      <span className="chair-tab-patient" title={tab.familyName}>
        {tab.familyName}
      </span>
      <span className="chair-tab-phase">
        {t(`session.phase.${tab.phase}`)} {tab.clock}
      </span>
      {alertPriority && (
        <span className={`chair-tab-alert alert-${alertPriority}`} aria-label={t(`alerts.priority.${alertPriority}`)}>
          {PRIORITY_SYMBOL[alertPriority]}
        </span>
      )}
    </button>
  );
});

/** One tab per open session: chair, patient, phase clock and its most urgent alert. Ctrl+1..9 switches. */
export function ChairTabs() {
  const { t } = useTranslation();
  const sessionIds = useAppStore(useShallow((state) => state.openSessions.map((summary) => summary.session.id)));
  const onPatients = useAppStore((state) => state.view.kind === 'patients');
  const show = useAppStore((state) => state.show);

  return (
    <nav className="chair-tabs" aria-label={t('app.chairsLabel')}>
      <button type="button" className={`chair-tab ${onPatients ? 'current' : ''}`} onClick={() => show({ kind: 'patients' })} title={t('app.switchHint', { n: 0 })}>
        {t('app.patients')}
      </button>
      <div className="chair-tab-list">
        {sessionIds.map((sessionId, index) => (
          <ChairTab key={sessionId} sessionId={sessionId} index={index} />
        ))}
      </div>
    </nav>
  );
}
