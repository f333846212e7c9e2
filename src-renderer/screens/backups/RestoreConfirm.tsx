import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../shared/domain/backup';
import { errorText } from '../../format/error-text';
import { formatDateTime } from '../../format/time';
import { useAlertsStore } from '../../store/alerts-store';
import { useAppStore } from '../../store/app-store';
import { call } from '../../transport/client';

/**
 * What a restore does, said before it is done, and the restore itself. On success main has
 * reopened on the restored file and signed every window out: this window goes to sign-in.
 */
export function RestoreConfirm({ backup, onCancel }: { backup: BackupView; onCancel(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function restore() {
    setBusy(true);
    const result = await call('backup/restore', { file: backup.file });
    setBusy(false);
    if (!result.ok) {
      setFailure(errorText(t, result.error));
      return;
    }
    useAppStore.getState().reset();
    useAlertsStore.getState().clear();
    useAppStore.getState().setAuth({ kind: 'signedOut' });
  }

  return (
    <section className="restore-confirm" role="alertdialog" aria-labelledby="restore-confirm-title" data-testid="restore-confirm">
      <h2 id="restore-confirm-title">{t('backups.confirmTitle', { time: formatDateTime(backup.at) })}</h2>
      <ul>
        <li>{t('backups.confirmLoss', { time: formatDateTime(backup.at) })}</li>
        <li>{t('backups.confirmKept')}</li>
        <li>{t('backups.confirmSignOut')}</li>
      </ul>
      {failure && (
        <p className="field-error" role="alert" data-testid="restore-failure">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void restore()}>
          {busy ? t('backups.restoring') : t('backups.confirmRestore')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('backups.cancel')}
        </button>
      </div>
    </section>
  );
}
