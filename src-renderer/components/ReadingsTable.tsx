import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import { formatValue, parameterShort, unitOf, parameterLabel, summarizeValues } from '../format/parameters';
import { formatClockTime } from '../format/time';
import { ReadingActions } from './ReadingActions';
import { readingFlags, shortName } from './reading-flags';

const COLUMNS: readonly VitalParameter[] = ['heartRateBpm', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore', 'dissociationLevel', 'etco2MmHg', 'temperatureC'];
/** Time, BP, MAP, the columns above, by, actions. */
const COLUMN_COUNT = COLUMNS.length + 5;

function bloodPressure(reading: Reading): string {
  return reading.values.systolicMmHg !== undefined
    ? `${formatValue('systolicMmHg', reading.values.systolicMmHg)}/${formatValue('diastolicMmHg', reading.values.diastolicMmHg)}`
    : '';
}

/** Earlier versions of a corrected reading, newest first. */
function historyOf(reading: Reading, byId: ReadonlyMap<number, Reading>): Reading[] {
  const chain: Reading[] = [];
  let previous = reading.supersedesId === null ? undefined : byId.get(reading.supersedesId);
  while (previous) {
    chain.push(previous);
    previous = previous.supersedesId === null ? undefined : byId.get(previous.supersedesId);
  }
  return chain;
}

/**
 * Newest first, current versions only. A cell that raised an alert carries that alert's
 * priority colour and symbol; a corrected reading has a mark that opens its history; an
 * artifact stays in the table, struck through, and leaves the chart and the alerts.
 */
export function ReadingsTable({ readings, alerts, canEdit }: { readings: readonly Reading[]; alerts: readonly Alert[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const [openHistory, setOpenHistory] = useState<number | null>(null);
  const flag = readingFlags(alerts);
  const byId = new Map(readings.map((r) => [r.id, r]));
  const current = readings.filter((r) => r.supersededById === null);

  if (current.length === 0) return <p className="empty">{t('session.noReadings')}</p>;
  const newestFirst = [...current].sort((a, b) => b.observedAt - a.observedAt || b.id - a.id);
  return (
    <>
    <table className="readings-table" data-testid="readings-table">
      <thead>
        <tr>
          <th scope="col">{t('reading.time')}</th>
          <th scope="col" title={parameterLabel(t, 'bloodPressure')}>
            {parameterShort(t, 'bloodPressure')} <small>mmHg</small>
          </th>
          <th scope="col">
            {parameterShort(t, 'meanArterialMmHg')} <small>mmHg</small>
          </th>
          {COLUMNS.map((parameter) => (
            <th scope="col" key={parameter} title={parameterLabel(t, parameter)}>
              {parameterShort(t, parameter)} <small>{unitOf(parameter)}</small>
            </th>
          ))}
          <th scope="col">{t('reading.by')}</th>
          {canEdit && <th scope="col" aria-label={t('correction.actions')} />}
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((reading) => {
          const bpFlag = flag(reading, 'systolicMmHg') ?? flag(reading, 'diastolicMmHg');
          const history = historyOf(reading, byId);
          return (
            <Fragment key={reading.id}>
              <tr data-testid="reading-row" data-reading-id={reading.id} className={reading.artifact ? 'artifact' : undefined} data-artifact={reading.artifact ? 'true' : 'false'}>
                <td>
                  {formatClockTime(reading.observedAt)}
                  {reading.late && (
                    <span className="late-badge" title={t('reading.lateTitle', { observed: formatClockTime(reading.observedAt), recorded: formatClockTime(reading.recordedAt) })}>
                      {t('reading.late')}
                    </span>
                  )}
                  {history.length > 0 && (
                    <button
                      type="button"
                      className="link corrected-mark"
                      aria-expanded={openHistory === reading.id}
                      title={t('correction.historyTitle')}
                      onClick={() => setOpenHistory(openHistory === reading.id ? null : reading.id)}
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
                {COLUMNS.map((parameter) => {
                  const priority = flag(reading, parameter);
                  return (
                    <td key={parameter} className={priority ? `flag-${priority}` : undefined} data-col={parameter}>
                      {formatValue(parameter, reading.values[parameter])}
                    </td>
                  );
                })}
                <td className="muted reading-by" title={reading.recordedByName}>
                  {shortName(reading.recordedByName)}
                </td>
                {canEdit && <ReadingActions reading={reading} colSpan={COLUMN_COUNT} />}
              </tr>
              {openHistory === reading.id && (
                <tr className="history-row" data-testid="reading-history">
                  <td colSpan={COLUMN_COUNT + 1}>
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
            </Fragment>
          );
        })}
      </tbody>
    </table>
    <p className="readings-legend muted" data-testid="readings-legend">
      <span className="legend-flag flag-high">!!!</span> <span className="legend-flag flag-medium">!!</span> {t('chairside.flagLegend')}
    </p>
    </>
  );
}
