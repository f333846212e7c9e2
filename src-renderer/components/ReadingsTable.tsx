import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import { parameterShort, unitOf, parameterLabel } from '../format/parameters';
import { readingFlags } from './reading-flags';
import { READING_COLUMNS, ReadingRow } from './ReadingRow';

/**
 * Every row is drawn at this height (`.readings-table tr.reading-row` in styles.css), so the
 * virtualiser places rows without measuring them (a layout read per row per update).
 */
const ROW_HEIGHT_PX = 34;
/** Rows drawn beyond the visible ones, so a quick scroll shows no blank. */
const OVERSCAN_ROWS = 10;

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
  marksNote,
  day,
}: {
  readings: readonly Reading[];
  alerts: readonly Alert[];
  canEdit: boolean;
  /** Main holds older rows than these: scrolling near the end asks for the next page. */
  hasOlder?: boolean;
  onNeedOlder?: () => void;
  /** Said under the marks' legend: what the marks come from when the screen does not hold every alert. */
  marksNote?: ReactNode;
  /**
   * The day the table is read on (yyyy-MM-dd): main's today on the chair screen, the session's
   * opening day on its record. Rows of another day (a session past midnight) carry their date.
   */
  day: string;
}) {
  const { t } = useTranslation();
  const [openHistory, setOpenHistory] = useState<number | null>(null);
  // The flags depend on when each alert ran and how urgent it was; a repeat (count, last value) leaves them, and the drawn rows, as they were.
  const flagKey = alerts.map((a) => `${a.id}:${a.kind}:${a.priority}:${a.raisedAt}:${a.resolvedAt ?? ''}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on what the flags read (flagKey), not on the array's identity
  const flag = useMemo(() => readingFlags(alerts), [flagKey]);
  const toggleHistory = useCallback((readingId: number) => setOpenHistory((open) => (open === readingId ? null : readingId)), []);
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
    estimateSize: () => ROW_HEIGHT_PX,
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
          {READING_COLUMNS.map((parameter) => (
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
          return (
            <tbody key={row.key} data-index={row.index}>
              <ReadingRow reading={reading} history={historyOf(reading, byId)} flag={flag} canEdit={canEdit} historyOpen={openHistory === reading.id} onToggleHistory={toggleHistory} day={day} />
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
      <span className="legend-flag flag-high">!!!</span> <span className="legend-flag flag-medium">!!</span> {t('chairside.flagLegend')} {marksNote}
    </p>
    </>
  );
});
