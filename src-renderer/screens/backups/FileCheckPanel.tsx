import { useTranslation } from 'react-i18next';
import type { FileCheckStatus } from '../../../shared/domain/backup';
import { formatDateTime } from '../../format/time';

/**
 * The record file's own check (SQLite integrity_check): when it last ran, where (before use
 * or in the background), how long it took, and what it found. Damage is shown in red with
 * what to do; it stays until a backup is restored (the next start refuses the file).
 */
export function FileCheckPanel({ check }: { check: FileCheckStatus }) {
  const { t } = useTranslation();
  const last = check.last;
  const when = last ? t(`fileCheck.where.${last.where}`, { time: formatDateTime(last.at), seconds: (last.durationMs / 1000).toFixed(1) }) : '';
  return (
    <section className={`file-check ${check.state}`} data-testid="file-check" data-state={check.state} role={check.state === 'damaged' || check.state === 'failed' ? 'alert' : 'status'}>
      <h2>{t('fileCheck.title')}</h2>
      <p>
        <strong>{t(`fileCheck.state.${check.state}`)}</strong> {when}
      </p>
      {check.state === 'damaged' && (
        <>
          <ul className="file-check-problems">
            {last?.problems.map((problem) => (
              <li key={problem}>
                <code>{problem}</code>
              </li>
            ))}
          </ul>
          <p>{t('fileCheck.damagedWhat')}</p>
        </>
      )}
      {check.state === 'failed' && <p>{t('fileCheck.failedWhat', { message: check.message ?? '' })}</p>}
      <p className="muted">{t('fileCheck.how')}</p>
    </section>
  );
}
