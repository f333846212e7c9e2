import { useTranslation } from 'react-i18next';
import { PRIORITY_RANK } from '../../shared/clinical/alert-rules';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import { formatValue, parameterShort, unitOf, parameterLabel } from '../format/parameters';
import { formatClockTime } from '../format/time';

const COLUMNS: readonly VitalParameter[] = ['heartRateBpm', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore', 'dissociationLevel', 'etco2MmHg', 'temperatureC'];

/** Newest first; a cell that raised an alert carries that alert's priority colour and symbol. */
export function ReadingsTable({ readings, alerts }: { readings: readonly Reading[]; alerts: readonly Alert[] }) {
  const { t } = useTranslation();
  const flagged = new Map<string, Alert['priority']>();
  for (const alert of alerts) {
    if (alert.readingId === null) continue;
    const key = `${alert.readingId}:${alert.parameter}`;
    const current = flagged.get(key);
    if (!current || PRIORITY_RANK[alert.priority] > PRIORITY_RANK[current]) flagged.set(key, alert.priority);
  }
  const flag = (reading: Reading, parameter: VitalParameter) => flagged.get(`${reading.id}:${parameter}`);

  if (readings.length === 0) return <p className="empty">{t('session.noReadings')}</p>;
  const newestFirst = [...readings].reverse();
  return (
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
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((reading) => {
          const bpFlag = flag(reading, 'systolicMmHg') ?? flag(reading, 'diastolicMmHg');
          return (
            <tr key={reading.id} data-testid="reading-row" data-reading-id={reading.id}>
              <td>
                {formatClockTime(reading.observedAt)}
                {reading.late && (
                  <span className="late-badge" title={t('reading.lateTitle', { observed: formatClockTime(reading.observedAt), recorded: formatClockTime(reading.recordedAt) })}>
                    {t('reading.late')}
                  </span>
                )}
              </td>
              <td className={bpFlag ? `flag-${bpFlag}` : undefined} data-col="bloodPressure">
                {reading.values.systolicMmHg !== undefined ? `${formatValue('systolicMmHg', reading.values.systolicMmHg)}/${formatValue('diastolicMmHg', reading.values.diastolicMmHg)}` : ''}
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
              <td className="muted">{reading.recordedByName}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
