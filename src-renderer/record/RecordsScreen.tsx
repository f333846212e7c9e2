import { format, subDays } from 'date-fns';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordListItem } from '../../shared/domain/reports';
import type { AppError } from '../../shared/result';
import { errorText } from '../format/error-text';
import { formatDateTime } from '../format/time';
import { useAppStore } from '../store/app-store';
import { call } from '../transport/client';
import { DateRangeFields } from './DateRangeFields';
import { ExportButtons } from './ExportButtons';
import { sessionExportChoices } from './session-exports';
import './record.css';

const isoDay = (at: number) => format(at, 'yyyy-MM-dd');
/** The browser's own width for a text field (its `size`), kept as the least. */
const SEARCH_MIN_CHARS = 20;
/** `size` counts average characters; a hint of digits and capitals is wider than its count: room for that. */
const SEARCH_ROOM_CHARS = 4;

/** Staff's home: finished sessions by date and patient, each opened as its record or exported in every format. */
export function RecordsScreen() {
  const { t } = useTranslation();
  const searchHint = t('records.searchHint');
  const show = useAppStore((state) => state.show);
  const [from, setFrom] = useState(() => isoDay(subDays(Date.now(), 7).getTime()));
  const [to, setTo] = useState(() => isoDay(Date.now()));
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<RecordListItem[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    const text = search.trim();
    void call('record/list', { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(text ? { search: text } : {}) }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setItems(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [from, to, search]);

  return (
    <main className="records-screen" data-testid="records-screen">
      <h1>{t('records.title')}</h1>
      <form
        className="records-filter"
        onSubmit={(e) => e.preventDefault()}
      >
        <DateRangeFields from={from} to={to} onFrom={setFrom} onTo={setTo} testIdPrefix="records" />
        <label>
          {t('records.search')}
          {/* As wide as its hint in the language shown (Spanish's "Nombre o n.º de historia" was cut at the browser's 20 characters). */}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={searchHint} size={Math.max(SEARCH_MIN_CHARS, searchHint.length + SEARCH_ROOM_CHARS)} data-testid="records-search" />
        </label>
      </form>
      {error && (
        <p role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
      {items && items.length === 0 && <p className="empty">{t('records.empty')}</p>}
      {items && items.length > 0 && (
        <table className="record-table records-list">
          <thead>
            <tr>
              <th>{t('records.columns.date')}</th>
              <th>{t('records.columns.patient')}</th>
              <th>{t('records.columns.protocol')}</th>
              <th>{t('records.columns.status')}</th>
              <th>{t('records.columns.export')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.sessionId} data-testid="record-row" data-session-id={item.sessionId}>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>
                  <button type="button" className="link" onClick={() => show({ kind: 'record', sessionId: item.sessionId })} data-testid="record-open">
                    {item.patientName}
                  </button>{' '}
                  <span className="muted">{item.mrn}</span>
                </td>
                <td>{item.protocolName ?? '—'}</td>
                <td>{t(`session.phase.${item.phase}`)}</td>
                <td>
                  <ExportButtons choices={sessionExportChoices(t, item.sessionId)} testId={`export-${item.sessionId}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
