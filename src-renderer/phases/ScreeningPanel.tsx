import { useTranslation } from 'react-i18next';
import type { SessionPanels } from '../store/session-selectors';
import { Phq9Form } from '../course/Phq9Form';
import { BlockerList } from './BlockerList';
import { ContraindicationWarning } from './ContraindicationWarning';
import { DoseOrderCard } from './DoseOrderCard';
import { ScreeningChecklist } from './ScreeningChecklist';
import './phases.css';

/** Everything before the line goes in: the order, the screen, overrides, and what still blocks the start. */
export function ScreeningPanel({ detail }: { detail: SessionPanels }) {
  const { t } = useTranslation();
  return (
    <section className="card phase-panel" aria-label={t('screening.title')} data-testid="screening-panel">
      <div className="phase-columns">
        <div className="phase-column">
          <BlockerList
            title={t('readiness.startTitle')}
            blockers={detail.startBlockers}
            readyText={t('readiness.startReady')}
            testId="start-blockers"
            readyTestId="start-ready"
          />
          <DoseOrderCard detail={detail} />
          <ContraindicationWarning detail={detail} />
        </div>
        <div className="phase-column">
          <ScreeningChecklist sessionId={detail.session.id} saved={detail.screening} />
          <Phq9Form sessionId={detail.session.id} saved={detail.phq9} />
        </div>
      </div>
    </section>
  );
}
