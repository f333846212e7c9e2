import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time';

interface Props {
  name: string;
  at: number;
  reason: string;
  testId?: string;
}

/** Who changed something, when, and the reason they gave. */
export function ChangedBy({ name, at, reason, testId }: Props) {
  const { t } = useTranslation();
  return (
    <p className="changed-by" data-testid={testId}>
      <span>{t('rules.changedBy', { name, time: formatDateTime(at) })}</span>
      <span className="changed-reason">{t('rules.reasonQuoted', { reason })}</span>
    </p>
  );
}
