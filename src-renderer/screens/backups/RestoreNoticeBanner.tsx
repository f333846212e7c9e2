import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/time';
import { useRestoreNotice } from './restore-notice';
import './restore-notice.css';

/** On the sign-in screen after main restored a backup: who restored it, when, and what that means for this window. */
export function RestoreNoticeBanner() {
  const { t } = useTranslation();
  const notice = useRestoreNotice((state) => state.notice);
  if (!notice) return null;
  return (
    <div className="restore-notice" role="alert" data-testid="restore-notice">
      <strong>{t('backups.notice.title')}</strong>
      <p>{t('backups.notice.who', { name: notice.byName, time: formatDateTime(notice.at) })}</p>
      {notice.backupAt !== null && <p>{t('backups.notice.lost', { time: formatDateTime(notice.backupAt) })}</p>}
      <p>{t('backups.notice.signIn')}</p>
    </div>
  );
}
