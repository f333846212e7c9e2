import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../shared/domain/backup';
import { errorText } from '../../format/error-text';
import { formatDateTime } from '../../format/time';
import { useAnswer } from '../../hooks/use-answer';
import { call } from '../../transport/client';
import '../admin.css';
import { FileCheckPanel } from './FileCheckPanel';
import { RecordWarnings } from './RecordWarnings';
import { RestoreConfirm } from './RestoreConfirm';

const KIB = 1024;

function size(bytes: number): string {
  return bytes >= KIB * KIB ? `${(bytes / KIB / KIB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / KIB))} kB`;
}

/**
 * Administrators see where backups go, each backup with its check, any record found shorter
 * than its backup or its audit head, and can back up now or restore a backup that passed its check.
 */
export function BackupsScreen() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [restoring, setRestoring] = useState<BackupView | null>(null);

  const answer = useAnswer(() => call('backup/list', {}), { refresh: [reloads] });
  const status = answer.value;

  async function backUpNow() {
    setBusy(true);
    const result = await call('backup/run', {});
    setBusy(false);
    if (result.ok) setMessage({ text: t('backups.done', { time: formatDateTime(result.value.at), size: size(result.value.sizeBytes) }), failed: result.value.check !== 'ok' });
    else setMessage({ text: errorText(t, result.error), failed: true });
    setReloads((n) => n + 1);
  }

  return (
    <main className="admin-screen" data-testid="backups-screen">
      <div className="toolbar">
        <h1>{t('backups.title')}</h1>
        <button type="button" className="primary" disabled={busy} onClick={() => void backUpNow()}>
          {t('backups.now')}
        </button>
      </div>
      <p className="muted screen-intro">{t('backups.intro', { folder: status?.folder ?? '' })}</p>
      {status && <RecordWarnings status={status} />}
      {status && <FileCheckPanel check={status.fileCheck} />}
      {message && (
        <p className={message.failed ? 'field-error' : 'notice'} role="status" data-testid="backups-message">
          {message.text}
        </p>
      )}
      {answer.error && (
        <p className="field-error" role="alert" data-testid="backups-load-error">
          {errorText(t, answer.error)}
        </p>
      )}
      {restoring && <RestoreConfirm backup={restoring} onCancel={() => setRestoring(null)} />}
      <table className="admin-table" data-testid="backups-table">
        <thead>
          <tr>
            <th>{t('backups.at')}</th>
            <th>{t('backups.reason')}</th>
            <th>{t('backups.size')}</th>
            <th>{t('backups.check')}</th>
            <th>{t('backups.file')}</th>
            <th>{t('backups.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {status?.backups.map((entry) => (
            <tr key={entry.file} data-testid="backup-row">
              <td>{formatDateTime(entry.at)}</td>
              <td>{t(`backups.reasons.${entry.reason}`)}</td>
              <td>{size(entry.sizeBytes)}</td>
              <td>{entry.check === 'ok' ? t('backups.checkOk') : t('backups.checkFailed', { problem: entry.check })}</td>
              <td className="muted">{entry.file}</td>
              <td>
                {entry.check === 'ok' && (
                  <button type="button" disabled={restoring !== null} onClick={() => setRestoring(entry)} aria-label={t('backups.restoreOne', { time: formatDateTime(entry.at) })}>
                    {t('backups.restore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status?.backups.length === 0 && <p className="muted">{t('backups.none')}</p>}
      <h2>{t('backups.restoreTitle')}</h2>
      <p className="muted">{t('backups.restoreHow')}</p>
      <pre className="command">node dist/host/vigil-backup.cjs restore --data-dir &lt;data folder&gt; --from &lt;file&gt;</pre>
    </main>
  );
}
