import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertPriority } from '../../shared/clinical/alert-rules';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { Reading } from '../../shared/domain/reading';
import { formatValue, summarizeValues } from '../format/parameters';
import { formatClockTime } from '../format/time';
import { MonitorBadge, isUnvalidatedMonitorValue } from '../monitor/MonitorBadge';
import { ClockTimeOnDay } from './ClockTimeOnDay';
import { ReadingActionButtons, ReadingEditRow, type ReadingEditMode } from './ReadingActions';
import { shortName } from './reading-flags';

export const READING_COLUMNS: readonly VitalParameter[] = ['heartRateBpm', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore', 'dissociationLevel', 'etco2MmHg', 'temperatureC'];
/** Time, BP, MAP, the columns above, by, actions. */
export const READING_COLUMN_COUNT = READING_COLUMNS.length + 5;

function bloodPressure(reading: Reading): string {
  return reading.values.systolicMmHg !== undefined
    ? `${formatValue('systolicMmHg', reading.values.systolicMmHg)}/${formatValue('diastolicMmHg', reading.values.diastolicMmHg)}`
    : '';
}

interface ReadingRowProps {
  reading: Reading;
  /** Earlier versions of a corrected reading, newest first. */
  history: readonly Reading[];
  flag: (reading: Reading, parameter: string) => AlertPriority | undefined;
  canEdit: boolean;
  historyOpen: boolean;
  onToggleHistory: (readingId: number) => void;
  /** The day the table is read on (yyyy-MM-dd): a reading observed on another day shows its date. */
  day: string;
}

const sameRows = (a: readonly Reading[], b: readonly Reading[]) => a.length === b.length && a.every((reading, index) => reading === b[index]);

/**
 * One reading of the table. Memoised on what it shows: a new reading elsewhere in the
 * session re-renders no drawn row (the table re-renders per reading, its rows do not).
 */
export const ReadingRow = memo(
  function ReadingRow({ reading, history, flag, canEdit, historyOpen, onToggleHistory, day }: ReadingRowProps) {
    const { t } = useTranslation();
    const bpFlag = flag(reading, 'systolicMmHg') ?? flag(reading, 'diastolicMmHg');
    const [editMode, setEditMode] = useState<ReadingEditMode>('closed');
    return (
      <>
        <tr
          data-testid="reading-row"
          data-reading-id={reading.id}
          className={[reading.artifact ? 'artifact' : '', isUnvalidatedMonitorValue(reading) ? 'unvalidated' : ''].join(' ').trim() || undefined}
          data-artifact={reading.artifact ? 'true' : 'false'}
          data-source={reading.source}
          data-validated={reading.validation ? 'true' : 'false'}
        >
          <td>
            <ClockTimeOnDay at={reading.observedAt} day={day} />
            {reading.late && (
              <span className="late-badge" title={t('reading.lateTitle', { observed: formatClockTime(reading.observedAt), recorded: formatClockTime(reading.recordedAt) })}>
                {t('reading.late')}
              </span>
            )}
            {history.length > 0 && (
              <button
                type="button"
                className="link corrected-mark"
                aria-expanded={historyOpen}
                title={t('correction.historyTitle')}
                onClick={() => onToggleHistory(reading.id)}
              >
                ✎ {t('correction.corrected')}
              </button>
            )}
            {reading.artifact && <span className="artifact-badge" title={reading.artifact.reason}>{t('correction.artifact')}</span>}
          </td>
          <td className={bpFlag ? `flag-${bpFlag}` : undefined} data-col="bloodPressure">
            {bloodPressure(reading)}
          </td>
          <td data-col="meanArterialMmHg" title={reading.mapSource === 'computed' ? t('reading.computedMap') : undefined}>
            {formatValue('meanArterialMmHg', reading.values.meanArterialMmHg)}
            {reading.mapSource === 'computed' && <small className="muted"> *</small>}
          </td>
          {READING_COLUMNS.map((parameter) => {
            const priority = flag(reading, parameter);
            return (
              <td key={parameter} className={priority ? `flag-${priority}` : undefined} data-col={parameter}>
                {formatValue(parameter, reading.values[parameter])}
              </td>
            );
          })}
          <td className="muted reading-by" title={reading.recordedByName}>
            {reading.source === 'monitor' ? <MonitorBadge reading={reading} /> : shortName(reading.recordedByName)}
          </td>
          {canEdit && <ReadingActionButtons reading={reading} mode={editMode} onOpen={setEditMode} />}
        </tr>
        {canEdit && editMode !== 'closed' && (
          <ReadingEditRow key={editMode} reading={reading} mode={editMode} colSpan={READING_COLUMN_COUNT} onClose={() => setEditMode('closed')} />
        )}
        {historyOpen && (
          <tr className="history-row" data-testid="reading-history">
            <td colSpan={READING_COLUMN_COUNT + 1}>
              <ul className="history-list">
                <li>
                  {t('correction.currentVersion', { by: reading.recordedByName, time: formatClockTime(reading.recordedAt), reason: reading.correctionReason ?? '' })}
                </li>
                {history.map((earlier) => (
                  <li key={earlier.id} className="superseded">
                    {t('correction.earlierVersion', { values: summarizeValues(t, earlier.values), by: earlier.recordedByName, time: formatClockTime(earlier.recordedAt) })}
                    {earlier.correctionReason && <> — {earlier.correctionReason}</>}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        )}
      </>
    );
  },
  (before, after) =>
    before.reading === after.reading &&
    before.flag === after.flag &&
    before.canEdit === after.canEdit &&
    before.historyOpen === after.historyOpen &&
    before.onToggleHistory === after.onToggleHistory &&
    before.day === after.day &&
    sameRows(before.history, after.history),
);
