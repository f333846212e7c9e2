import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/domain/backup';
import { formatDateTime } from '../../format/time';

/**
 * What the start-up checks found: a file that holds less than its newest backup, or fewer
 * audit entries than its head file says were acknowledged; and a restore done from here.
 */
export function RecordWarnings({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const { shortfalls, auditShortfall, lastRestore } = status;
  return (
    <>
      {(shortfalls.length > 0 || auditShortfall) && (
        <div className="shortfall-warning" role="alert" data-testid="backups-shortfall">
          <p>{t('backups.shortfall')}</p>
          <ul>
            {auditShortfall && (
              <li data-testid="audit-shortfall">
                {t('backups.auditShortfall', { missing: auditShortfall.headSeq - auditShortfall.fileSeq, time: formatDateTime(auditShortfall.headAt) })}
              </li>
            )}
            {shortfalls.map((item) => (
              <li key={item.table}>{t('backups.shortfallRow', { table: item.table, now: item.rowsNow, before: item.rowsInBackup })}</li>
            ))}
          </ul>
          <p>{t('backups.shortfallWhat')}</p>
        </div>
      )}
      {lastRestore && (
        <div className="restore-done" role="status" data-testid="restore-done">
          <p>{t('backups.restored', { file: lastRestore.restoredFrom, time: formatDateTime(lastRestore.at) })}</p>
          {lastRestore.keptAsideAs && <p>{t('backups.restoredKept', { path: lastRestore.keptAsideAs, count: lastRestore.auditEntriesNotRestored })}</p>}
        </div>
      )}
    </>
  );
}
