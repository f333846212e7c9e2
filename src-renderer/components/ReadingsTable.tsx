import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VitalParameter } from '../../shared/clinical/parameters';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import { formatValue, parameterShort, unitOf, parameterLabel, summarizeValues } from '../format/parameters';
import { formatClockTime } from '../format/time';
import { MonitorBadge, isUnvalidatedMonitorValue } from '../monitor/MonitorBadge';
import { ReadingActions } from './ReadingActions';
import { readingFlags, shortName } from './reading-flags';

const COLUMNS: readonly VitalParameter[] = ['heartRateBpm', 'spo2Pct', 'respiratoryRatePerMin', 'moaasScore', 'dissociationLevel', 'etco2MmHg', 'temperatureC'];
/** A first guess at a row's height; each row is measured once drawn. */
const ROW_HEIGHT_ESTIMATE_PX = 34;
/** Rows drawn beyond the visible ones, so a quick scroll shows no blank. */
const OVERSCAN_ROWS = 10;
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
/** Memoised: it re-renders when its rows change, not on the timer tick or other store updates. */
export const ReadingsTable = memo(function ReadingsTable({
  readings,
  alerts,
  canEdit,
  hasOlder = false,
  onNeedOlder,
}: {
  readings: readonly Reading[];
  alerts: readonly Alert[];
  canEdit: boolean;
  /** Main holds older rows than these: scrolling near the end asks for the next page. */
  hasOlder?: boolean;
  onNeedOlder?: () => void;
}) {
  const { t } = useTranslation();
  const [openHistory, setOpenHistory] = useState<number | null>(null);
  const flag = useMemo(() => readingFlags(alerts), [alerts]);
  const { byId, newestFirst } = useMemo(
    () => ({
      byId: new Map(readings.map((r) => [r.id, r])),
      // The store keeps observation order; the table shows the newest first.
      newestFirst: readings.filter((r) => r.supersededById === null).reverse(),
    }),
    [readings],
  );
  // Only the rows in view (and a few either side) are in the DOM, however long the session.
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: newestFirst.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_ESTIMATE_PX,
    overscan: OVERSCAN_ROWS,
    getItemKey: (index) => newestFirst[index]?.id ?? index,
  });

  const rows = virtualizer.getVirtualItems();
  const lastDrawn = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasOlder && onNeedOlder && lastDrawn >= newestFirst.length - OVERSCAN_ROWS) onNeedOlder();
  }, [hasOlder, onNeedOlder, lastDrawn, newestFirst.length]);

  if (newestFirst.length === 0) return <p className="empty">{t('session.noReadings')}</p>;
  const paddingTop = rows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  return (
    <>
    <div className="readings-scroll" ref={scrollRef} data-testid="readings-scroll" data-rows={newestFirst.length}>
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
      {paddingTop > 0 && (
        <tbody aria-hidden="true">
          <tr style={{ height: paddingTop }} />
        </tbody>
      )}
        {rows.map((row) => {
          const reading = newestFirst[row.index];
          if (!reading) return null;
          const bpFlag = flag(reading, 'systolicMmHg') ?? flag(reading, 'diastolicMmHg');
          const history = historyOf(reading, byId);
          return (
            <tbody key={row.key} data-index={row.index} ref={virtualizer.measureElement}>
              <tr
                data-testid="reading-row"
                data-reading-id={reading.id}
                className={[reading.artifact ? 'artifact' : '', isUnvalidatedMonitorValue(reading) ? 'unvalidated' : ''].join(' ').trim() || undefined}
                data-artifact={reading.artifact ? 'true' : 'false'}
                data-source={reading.source}
                data-validated={reading.validation ? 'true' : 'false'}
              >
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
                  {reading.source === 'monitor' ? <MonitorBadge reading={reading} /> : shortName(reading.recordedByName)}
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
            </tbody>
          );
        })}
      {paddingBottom > 0 && (
        <tbody aria-hidden="true">
          <tr style={{ height: paddingBottom }} />
        </tbody>
      )}
    </table>
    </div>
    <p className="readings-legend muted" data-testid="readings-legend">
      <span className="legend-flag flag-high">!!!</span> <span className="legend-flag flag-medium">!!</span> {t('chairside.flagLegend')}
    </p>
    </>
  );
});
