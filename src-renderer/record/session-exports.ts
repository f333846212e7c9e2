import type { TFunction } from 'i18next';
import { SESSION_EXPORT_FORMATS } from '../../shared/domain/reports';
import { call } from '../transport/client';
import type { ExportChoice } from './ExportButtons';

/** The four exports of one session: report PDF, readings CSV, FHIR bundle, monitoring summary. */
export function sessionExportChoices(t: TFunction, sessionId: number): ExportChoice[] {
  return SESSION_EXPORT_FORMATS.map((format) => ({ id: format, label: t(`records.format.${format}`), run: () => call('export/session', { sessionId, format }) }));
}
