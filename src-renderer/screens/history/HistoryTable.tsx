import { useTranslation } from 'react-i18next';
import type { PatientHistoryEntry } from '../../../shared/domain/views';
import { formatNumber } from '../../format/number';
import { formatValue } from '../../format/parameters';
import { formatDateTime } from '../../format/time';
import { AlertCounts } from './AlertCounts';

/** One row per session of the course, newest first as main lists them; a row opens its session. */
export function HistoryTable({ sessions, onOpen }: { sessions: readonly PatientHistoryEntry[]; onOpen(sessionId: number): void }) {
  const { t, i18n } = useTranslation();
  const dash = t('history.dash');

  return (
    <table className="admin-table history-table" data-testid="history-table">
      <thead>
        <tr>
          <th scope="col">{t('history.column.date')}</th>
          <th scope="col">{t('history.column.chair')}</th>
          <th scope="col">{t('history.column.protocol')}</th>
          <th scope="col">{t('history.column.phase')}</th>
          <th scope="col" className="num">
            {t('history.column.totalDose')}
          </th>
          <th scope="col" className="num">
            {t('course.column.dosePerKg')}
          </th>
          <th scope="col" className="num">
            {t('history.column.peakBp')}
          </th>
          <th scope="col" className="num">
            {t('history.column.peakDissociation')}
          </th>
          <th scope="col">{t('history.column.alerts')}</th>
          <th scope="col" className="num">
            {t('course.column.phq9')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('history.column.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((entry) => {
          const { session } = entry;
          const date = formatDateTime(entry.infusionStartedAt ?? session.createdAt);
          const bp =
            entry.peakSystolicMmHg === null && entry.peakDiastolicMmHg === null
              ? dash
              : `${formatValue('systolicMmHg', entry.peakSystolicMmHg) || dash}/${formatValue('diastolicMmHg', entry.peakDiastolicMmHg) || dash}`;
          return (
            <tr key={session.id} className="history-row" data-testid="history-row" data-session-id={session.id} onClick={() => onOpen(session.id)}>
              <td data-col="date">
                {date}
                {entry.infusionStartedAt === null && <span className="muted"> ({t('history.notStarted')})</span>}
              </td>
              <td data-col="chair">{session.chair}</td>
              <td data-col="protocol">{entry.protocolName ?? <span className="muted">{t('history.noProtocol')}</span>}</td>
              <td data-col="phase">
                <span className={`phase-badge phase-${session.phase}`}>{t(`session.phase.${session.phase}`)}</span>
              </td>
              <td data-col="totalDose" className="num">
                {entry.totalDoseMg === null ? dash : formatNumber(entry.totalDoseMg, i18n.language, 1)}
              </td>
              <td data-col="dosePerKg" className="num">
                {entry.dosePerKg === null ? dash : formatNumber(entry.dosePerKg, i18n.language, 2)}
              </td>
              <td data-col="peakBp" className="num">
                {bp}
              </td>
              <td data-col="peakDissociation" className="num">
                {entry.peakDissociationLevel === null ? dash : formatValue('dissociationLevel', entry.peakDissociationLevel)}
              </td>
              <td data-col="alerts">
                <AlertCounts counts={entry.alertCounts} />
              </td>
              <td data-col="phq9" className="num phq9-band">
                {entry.phq9 ? `${entry.phq9.total} · ${t(`course.phq9.band.${entry.phq9.band}`)}` : dash}
                {entry.phq9?.selfHarmFlag && <span className="phq9-band-flag">!! {t('course.flagged')}</span>}
              </td>
              <td>
                <button
                  type="button"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(session.id);
                  }}
                  aria-label={t('history.openLabel', { date, chair: session.chair })}
                >
                  {t('history.open')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
