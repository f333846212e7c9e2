import { useTranslation } from 'react-i18next';
import { ALDRETE_ITEM_IDS } from '../../shared/clinical/aldrete';
import type { DischargeAssessment } from '../../shared/domain/discharge';
import { formatClockTime } from '../format/time';

/** The latest saved discharge assessment: total, items, escort and instruction, who and when. */
export function LatestAssessment({ assessment }: { assessment: DischargeAssessment | null }) {
  const { t } = useTranslation();
  if (!assessment) return <p className="muted phase-meta" data-testid="latest-assessment">{t('discharge.latestNone')}</p>;
  return (
    <div className="latest-assessment" data-testid="latest-assessment" data-total={assessment.aldreteTotal}>
      <p className="latest-total">{t('discharge.latest', { total: assessment.aldreteTotal, name: assessment.userName, time: formatClockTime(assessment.at) })}</p>
      <p className="muted phase-meta">
        {ALDRETE_ITEM_IDS.map((id) => `${t(`aldrete.${id}.title`)} ${assessment.aldrete[id]}`).join(' · ')}
        <br />
        {assessment.escortPresent ? `✓ ${t('discharge.latestEscort')}` : `✕ ${t('discharge.latestNoEscort')}`}
        {' · '}
        {assessment.noDrivingInstructionGiven ? `✓ ${t('discharge.latestInstruction')}` : `✕ ${t('discharge.latestNoInstruction')}`}
      </p>
    </div>
  );
}
