import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionTimer, type SessionPanels } from '../store/session-selectors';
import { loadSession } from '../store/sync';
import { AldreteForm } from './AldreteForm';
import { BlockerList } from './BlockerList';
import { LatestAssessment } from './LatestAssessment';
import { OverrideForm } from './OverrideForm';
import { OverrideList } from './OverrideList';
import { RecoveryProgress } from './RecoveryProgress';
import { useMayCall } from './use-may-call';
import './phases.css';

/** Recovery: time against the minimum, the discharge assessment, and what still blocks discharge. */
export function DischargePanel({ detail }: { detail: SessionPanels }) {
  const { t } = useTranslation();
  const mayOverride = useMayCall('override/add');
  const sessionId = detail.session.id;
  const timer = useSessionTimer(sessionId);
  const minimumMinutes = detail.protocol?.minimumRecoveryMinutes ?? null;
  const waived = detail.overrides.some((override) => override.kind === 'minimumRecovery');

  // Main's blockers are computed when the screen is read, and ticks carry only the timer:
  // once the live timer passes the minimum, read the screen again so main can clear the item.
  const minimumPassed = minimumMinutes !== null && timer !== undefined && timer.recoveryElapsedMs >= minimumMinutes * 60_000;
  const staleTimeBlocker = minimumPassed && detail.dischargeBlockers.includes('minimumRecoveryTime');
  useEffect(() => {
    if (staleTimeBlocker) void loadSession(sessionId);
  }, [staleTimeBlocker, sessionId]);

  if (!timer) return null;
  return (
    <section className="card phase-panel" aria-label={t('discharge.title')} data-testid="discharge-panel">
      <h2>{t('discharge.title')}</h2>
      <div className="phase-columns">
        <div className="phase-column">
          <RecoveryProgress timer={timer} minimumMinutes={minimumMinutes} waived={waived} />
          <BlockerList
            title={t('readiness.dischargeTitle')}
            blockers={detail.dischargeBlockers}
            readyText={t('readiness.dischargeReady')}
            testId="discharge-blockers"
            readyTestId="discharge-ready"
          />
          <LatestAssessment assessment={detail.dischargeAssessment} />
          {mayOverride && detail.dischargeBlockers.includes('minimumRecoveryTime') && (
            <OverrideForm sessionId={sessionId} kind="minimumRecovery" title={t('override.minimumRecoveryTitle')} />
          )}
          <OverrideList overrides={detail.overrides} kind="minimumRecovery" />
        </div>
        <div className="phase-column">
          <AldreteForm sessionId={sessionId} latest={detail.dischargeAssessment} escortArranged={detail.screening?.escortArranged ?? false} />
        </div>
      </div>
    </section>
  );
}
