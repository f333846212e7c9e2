import type { ClinicReport } from '../../../shared/domain/reports';
import { clinicPdf } from './clinic-exports';
import { remsPdf } from './rems-pdf';
import { sessionPdf } from './session-pdf';
import type { SessionRecord } from './session-record';

/** One PDF to make, from data already read from the database (plain values: they cross to a worker thread as they are). */
export type PdfJob = { kind: 'session'; record: SessionRecord } | { kind: 'rems'; record: SessionRecord } | { kind: 'clinic'; report: ClinicReport };

/** Lays out one PDF: pdf-lib's drawing and font subsetting, the CPU-heavy part of an export. */
export function makePdf(job: PdfJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'session':
      return sessionPdf(job.record);
    case 'rems':
      return remsPdf(job.record);
    case 'clinic':
      return clinicPdf(job.report);
  }
}
