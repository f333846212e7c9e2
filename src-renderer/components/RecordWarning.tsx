import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../hooks/use-answer';
import { call } from '../transport/client';

/** How often a window asks again (the start-up check runs in the background). */
const POLL_MS = 30_000;

/**
 * For everyone signed in (a changed protocol dose or alarm limit matters at the chair, not only
 * to clinic IT): a warning that stays until the record verifies again, when the check at start
 * (or the last one asked for) found the record not matching its audit trail. It has no close
 * button on purpose.
 */
export function RecordWarning() {
  const { t } = useTranslation();
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setPolls((n) => n + 1), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const status = useAnswer(() => call('audit/status', {}), { refresh: [polls] }).value;

  if (!status) return null;
  const fileDamaged = status.fileCheck?.state === 'damaged' && (
    <div className="record-warning" role="alert" data-testid="file-damaged-warning">
      <strong>{t('fileCheck.warning')}</strong>
    </div>
  );
  if (status.state !== 'broken' && status.state !== 'failed') return fileDamaged || null;
  const where = status.firstBreak
    ? t(`audit.reason.${status.firstBreak.reason}`, { seq: status.firstBreak.seq ?? '—', table: status.firstBreak.table ?? '', rowid: status.firstBreak.rowid ?? '' })
    : (status.message ?? '');
  return (
    <>
      {fileDamaged}
      <div className="record-warning" role="alert" data-testid="record-warning">
        <strong>{t(status.state === 'broken' ? 'audit.warning.broken' : 'audit.warning.failed', { count: status.breaks })}</strong> {where} {t('audit.warning.action')}
      </div>
    </>
  );
}
