import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditVerify } from '../../../shared/domain/audit';
import { errorText } from '../../format/error-text';
import { formatDateTimeSeconds } from '../../format/time';
import { useAnswer } from '../../hooks/use-answer';
import { call } from '../../transport/client';
import { auditCsv } from './audit-csv';
import '../admin.css';

/** How many entries one page shows (and one export holds). */
const PAGE_SIZE = 200;

const NO_ENTRIES: AuditEntry[] = [];

/**
 * Administrators read the audit log (newest first, filtered by user and call), export what
 * is shown as CSV, and verify the whole record: the chain, every row against its digest,
 * and the file's length against the head written beside the backups.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ actor: '', channel: '' });
  const [applied, setApplied] = useState({ actor: '', channel: '' });
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifying, setVerifying] = useState(false);

  const listed = useAnswer(
    () =>
      call('audit/list', {
        limit: PAGE_SIZE,
        ...(applied.actor ? { actor: applied.actor } : {}),
        ...(applied.channel ? { channel: applied.channel } : {}),
      }),
    { refresh: [applied] },
  );
  const entries = listed.value ?? NO_ENTRIES;
  const error = listed.error ? errorText(t, listed.error) : verifyError;

  async function runVerify() {
    setVerifying(true);
    const result = await call('audit/verify', {});
    setVerifying(false);
    if (result.ok) setVerify(result.value);
    setVerifyError(result.ok ? null : errorText(t, result.error));
  }

  function exportCsv() {
    const url = URL.createObjectURL(new Blob([auditCsv(entries)], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `vigil-audit-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  function filter(event: FormEvent) {
    event.preventDefault();
    setApplied({ actor: filters.actor.trim(), channel: filters.channel.trim() });
  }

  return (
    <main className="admin-screen" data-testid="audit-screen">
      <div className="toolbar">
        <h1>{t('audit.title')}</h1>
        <button type="button" className="primary" onClick={() => void runVerify()} disabled={verifying}>
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
        <button type="button" onClick={exportCsv} disabled={entries.length === 0}>
          {t('audit.export')}
        </button>
      </div>
      <p className="muted screen-intro">{t('audit.intro')}</p>
      {verify && (
        <p className={verify.intact ? 'notice' : 'field-error'} role="status" data-testid="verify-result">
          {verify.intact
            ? t('audit.intact', { rows: verify.rows, recordRows: verify.recordRows })
            : `${t('audit.broken', { count: verify.breaks.length })} ${verify.firstBreak ? t(`audit.reason.${verify.firstBreak.reason}`, { seq: verify.firstBreak.seq ?? '—', table: verify.firstBreak.table ?? '', rowid: verify.firstBreak.rowid ?? '' }) : ''}`}
        </p>
      )}
      <form className="audit-filters" onSubmit={filter}>
        <label>
          {t('audit.filterActor')}
          <input value={filters.actor} onChange={(e) => setFilters({ ...filters, actor: e.target.value })} />
        </label>
        <label>
          {t('audit.filterChannel')}
          <input value={filters.channel} onChange={(e) => setFilters({ ...filters, channel: e.target.value })} placeholder="session/get" />
        </label>
        <button type="submit">{t('audit.filter')}</button>
      </form>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="card table-card">
        <table className="admin-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.channel')}</th>
              <th scope="col">{t('audit.outcome')}</th>
              <th scope="col">{t('audit.rows')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq} data-testid="audit-row" data-kind={entry.kind}>
                <td>{entry.seq}</td>
                <td className="audit-at">{formatDateTimeSeconds(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>
                  <code>{entry.channel}</code> <span className="muted">{t(`audit.kind.${entry.kind}`)}</span>
                </td>
                <td>{entry.outcome === 'ok' ? t('audit.ok') : entry.outcome}</td>
                <td>{entry.rows}</td>
                <td className="audit-detail">
                  <code>{entry.detail}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
