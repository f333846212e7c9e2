import { OPEN_PHASES } from '../../../shared/domain/phase';
import type { ClinicReport, DateRange, ExportedFile, RecordListItem, SessionExportFormat } from '../../../shared/domain/reports';
import type { Services } from '../services';
import { buildClinicReport } from './clinic-report';
import { clinicCsv } from './clinic-exports';
import type { PdfMaker } from './pdf-maker';
import { createRecordQueries } from './record-queries';
import { fileSlug } from './report-labels';
import { endOfLocalDay, localDate, startOfLocalDay } from './report-time';
import { sessionCsv } from './session-csv';
import { sessionFhirBundle } from './session-fhir';
import { createSessionRecords, type SessionRecord } from './session-record';

const MEDIA_TYPES = { pdf: 'application/pdf', csv: 'text/csv', fhir: 'application/fhir+json' } as const;

function file(fileName: string, mediaType: ExportedFile['mediaType'], bytes: Uint8Array | string): ExportedFile {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { fileName, mediaType, base64: buffer.toString('base64') };
}

/** Reports are made in core, as bytes, so the web host and the desktop app export the same file. */
export function createReportService(services: Services, pdf: Pick<PdfMaker, 'make'>) {
  const queries = createRecordQueries(services.db);
  // The name in the clinic configuration in force when the report is made (versioned, set on the Clinic settings screen).
  const clinicName = (): string => services.clinicConfig.current().clinic.name;
  const records = createSessionRecords(services, queries, clinicName);

  return {
    record: (sessionId: number): SessionRecord => records.build(sessionId),

    /** Sessions no longer open, newest first: in the date range if given, matching the text if given. */
    closedRecords(filter: { from?: string | undefined; to?: string | undefined; search?: string | undefined }): RecordListItem[] {
      const fromAt = filter.from ? startOfLocalDay(filter.from) : 0;
      const toAt = filter.to ? endOfLocalDay(filter.to) : Number.MAX_SAFE_INTEGER;
      const matching = filter.search ? queries.patientIdsMatching(filter.search) : null;
      return queries
        .sessionsCreatedIn(fromAt, toAt)
        .filter((s) => !OPEN_PHASES.includes(s.phase) && (matching === null || matching.has(s.patientId)))
        .reverse()
        .slice(0, 200)
        .map((found) => {
          const session = services.sessions.get(found.id);
          const patient = services.patients.get(session.patientId);
          return {
            sessionId: session.id,
            createdAt: session.createdAt,
            phase: session.phase,
            mrn: patient.mrn,
            patientName: `${patient.familyName}, ${patient.givenName}`,
            protocolName: session.protocolId === null ? null : services.protocols.get(session.protocolId).name,
            chair: session.chair,
          };
        });
    },

    async exportSession(sessionId: number, format: SessionExportFormat): Promise<ExportedFile> {
      const record = records.build(sessionId);
      const base = `vigil-session-${record.session.id}-${fileSlug(record.patient.mrn)}-${localDate(record.session.createdAt)}`;
      switch (format) {
        case 'pdf':
          return file(`${base}.pdf`, MEDIA_TYPES.pdf, await pdf.make({ kind: 'session', record }));
        case 'rems':
          return file(`${base}-monitoring-summary.pdf`, MEDIA_TYPES.pdf, await pdf.make({ kind: 'rems', record }));
        case 'csv':
          return file(`${base}-readings.csv`, MEDIA_TYPES.csv, sessionCsv(record));
        case 'fhir':
          return file(`${base}.fhir.json`, MEDIA_TYPES.fhir, `${JSON.stringify(sessionFhirBundle(record), null, 2)}\n`);
      }
    },

    clinicReport: (range: DateRange): ClinicReport => buildClinicReport(services, queries, range, clinicName()),

    async exportClinic(range: DateRange, format: 'pdf' | 'csv'): Promise<ExportedFile> {
      const report = buildClinicReport(services, queries, range, clinicName());
      const base = `vigil-clinic-report-${range.from}-to-${range.to}`;
      return format === 'pdf' ? file(`${base}.pdf`, MEDIA_TYPES.pdf, await pdf.make({ kind: 'clinic', report })) : file(`${base}.csv`, MEDIA_TYPES.csv, clinicCsv(report));
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
