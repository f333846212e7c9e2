import { useTranslation } from 'react-i18next';
import type { AlertPriority } from '../../../shared/clinical/alert-rules';
import { PRIORITY_SYMBOL } from '../../components/AlertBanner';

/** A priority as the banner shows it: colour, symbol and word, never colour alone. */
export function PriorityBadge({ priority }: { priority: AlertPriority }) {
  const { t } = useTranslation();
  return (
    <span className={`priority-badge priority-${priority}`} data-priority={priority}>
      <span className="priority-symbol" aria-hidden="true">
        {PRIORITY_SYMBOL[priority]}
      </span>
      {t(`alerts.priority.${priority}`)}
    </span>
  );
}
