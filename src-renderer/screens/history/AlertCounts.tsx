import { useTranslation } from 'react-i18next';
import type { PatientHistoryEntry } from '../../../shared/domain/views';
import { PRIORITY_SYMBOL } from '../../components/AlertBanner';

const PRIORITIES = ['high', 'medium', 'low'] as const;

/** A session's alerts by priority: symbol, word and count on the priority's colour, never colour alone. */
export function AlertCounts({ counts }: { counts: PatientHistoryEntry['alertCounts'] }) {
  const { t } = useTranslation();
  const present = PRIORITIES.filter((priority) => counts[priority] > 0);
  if (present.length === 0) return <span className="muted">{t('history.noAlerts')}</span>;
  return (
    <ul className="alert-counts">
      {present.map((priority) => (
        <li key={priority} className={`alert-count alert-${priority}`} data-priority={priority} data-count={counts[priority]}>
          <span className="alert-count-symbol" aria-hidden="true">
            {PRIORITY_SYMBOL[priority]}
          </span>{' '}
          {t('history.alertCount', { priority: t(`alerts.priority.${priority}`), count: counts[priority] })}
        </li>
      ))}
    </ul>
  );
}
