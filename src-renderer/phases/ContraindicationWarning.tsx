import { useTranslation } from 'react-i18next';
import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import type { SessionPanels } from '../store/session-selectors';
import { OverrideForm } from './OverrideForm';
import { OverrideList } from './OverrideList';
import { useMayCall } from './use-may-call';

/**
 * The contraindications of the latest saved screening, named. Whether they still block is
 * main's word (its start blockers); a physician can override with a reason.
 */
export function ContraindicationWarning({ detail }: { detail: SessionPanels }) {
  const { t } = useTranslation();
  const mayOverride = useMayCall('override/add');
  const { screening } = detail;
  const positive = screening ? CONTRAINDICATIONS.filter((id) => screening.contraindications[id]) : [];
  if (!screening || positive.length === 0) return <OverrideList overrides={detail.overrides} kind="contraindication" currentSince={screening?.at} />;

  const blocked = detail.startBlockers.includes('contraindication');
  const items = positive.map((id) => t(`screening.contraindication.${id}`)).join(', ');
  return (
    <div className="contraindication-warning" data-testid="contraindication-warning" data-blocked={blocked}>
      <p className={`phase-warning ${blocked ? 'phase-warning-high' : 'phase-warning-medium'}`} role={blocked ? 'alert' : undefined}>
        <span className="phase-warning-symbol" aria-hidden="true">
          {blocked ? '!!!' : '!!'}
        </span>
        <span>{t(blocked ? 'contraindicationWarning.blocked' : 'contraindicationWarning.overridden', { count: positive.length, items })}</span>
      </p>
      {blocked &&
        (mayOverride ? (
          <OverrideForm sessionId={detail.session.id} kind="contraindication" title={t('override.contraindicationTitle')} />
        ) : (
          <p className="phase-meta">{t('contraindicationWarning.askPhysician')}</p>
        ))}
      <OverrideList overrides={detail.overrides} kind="contraindication" currentSince={screening.at} />
    </div>
  );
}
