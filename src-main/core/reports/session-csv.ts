import { toCsv } from './csv';
import { VITAL_PARAMETER_KEYS } from '../../../shared/clinical/parameters';
import { PARAMETER_LABELS, readableUnit } from './report-labels';
import { isoWithOffset } from './report-time';
import { readingStatus, type SessionRecord } from './session-record';

/** The CSV's value columns: one per charted parameter, its unit in the header. */
export const CSV_VALUE_COLUMNS = VITAL_PARAMETER_KEYS.map((key) => ({ key, header: `${PARAMETER_LABELS[key]} (${readableUnit(key)})` }));

export const CSV_HEADER = [
  'Session',
  'MRN',
  'Reading',
  'Observed at',
  'Recorded at',
  'Recorded by',
  'Late entry',
  'Status',
  'Replaces reading',
  'Correction reason',
  'Artifact reason',
  ...CSV_VALUE_COLUMNS.map((c) => c.header),
  'MAP source',
  'Supplemental oxygen',
  'NEWS2 total',
  'NEWS2 partial',
] as const;

/**
 * The readings of a session as RFC 4180 CSV (CRLF, quoted where needed), one row per
 * reading as it stands after corrections: a corrected row carries the reading it replaces
 * and why; an artifact stays, marked, with its reason. Times are ISO 8601 with the offset.
 */
export function sessionCsv(record: SessionRecord): string {
  const rows = record.standing.map((r) => [
    record.session.id,
    record.patient.mrn,
    r.id,
    isoWithOffset(r.observedAt),
    isoWithOffset(r.recordedAt),
    r.recordedByName,
    r.late ? 'yes' : 'no',
    readingStatus(r),
    r.supersedesId ?? '',
    r.correctionReason ?? '',
    r.artifact?.reason ?? '',
    ...CSV_VALUE_COLUMNS.map((c) => r.values[c.key] ?? ''),
    r.mapSource ?? '',
    r.onSupplementalOxygen === null ? '' : r.onSupplementalOxygen ? 'yes' : 'no',
    r.news2?.total ?? '',
    r.news2 ? (r.news2.partial ? 'yes' : 'no') : '',
  ]);
  return toCsv([[...CSV_HEADER], ...rows]);
}
