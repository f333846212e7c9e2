import { useTranslation } from 'react-i18next';
import { ALERT_PRIORITIES, AlertPrioritySchema, type AlertPriority } from '../../../shared/clinical/alert-rules';
import { PRIORITY_SYMBOL } from '../../components/AlertBanner';

interface Props {
  id?: string;
  value: AlertPriority;
  describedBy: string;
  onChange(priority: AlertPriority): void;
}

/** A priority chosen with its symbol and word, the select edged in the priority's colour. */
export function PrioritySelect({ id, value, describedBy, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      className={`priority-select priority-${value}`}
      aria-label={t('rules.edit.priorityLabel')}
      aria-describedby={describedBy}
      value={value}
      onChange={(event) => onChange(AlertPrioritySchema.catch(value).parse(event.target.value))}
    >
      {ALERT_PRIORITIES.map((priority) => (
        <option key={priority} value={priority}>
          {`${PRIORITY_SYMBOL[priority]} ${t(`alerts.priority.${priority}`)}`}
        </option>
      ))}
    </select>
  );
}
