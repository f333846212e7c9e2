import { rgb } from 'pdf-lib';
import { ReportDocument } from './pdf/document';
import { remsSummary } from './rems-summary';
import { localDate, localDateTime } from './report-time';
import { footerLine, patientLine } from './session-pdf';
import type { SessionRecord } from './session-record';

/** The monitoring summary as a one-page form: each field in a box, ticked when present, MISSING when not. */
export async function remsPdf(record: SessionRecord): Promise<Uint8Array> {
  const summary = remsSummary(record);
  const doc = await ReportDocument.create(
    { title: record.clinicName, documentName: 'Patient monitoring summary', subtitle: patientLine(record), footer: footerLine(record) },
    { title: `Monitoring summary ${record.patient.mrn} ${localDate(record.session.createdAt)}`, subject: 'REMS-style patient monitoring summary', createdAt: new Date(record.generatedAt) },
  );
  doc.text('Laid out after the Spravato REMS patient monitoring form; pre-filled from the signed session record. [x] present, [ ] required and missing.', { size: 8, color: 'grey' });
  doc.gap(6);
  for (const field of summary.fields) {
    doc.box(34, ({ page, x, y, width, height, regular, bold }) => {
      page.drawRectangle({ x, y: y + 2, width, height: height - 4, borderColor: rgb(0, 0, 0), borderWidth: 0.7 });
      page.drawText(`${field.value === null ? '[ ]' : '[x]'} ${field.label}${field.required ? ' *' : ''}`, { x: x + 6, y: y + height - 14, size: 8, font: bold });
      page.drawText(field.value ?? 'MISSING — complete this in the record before signing', { x: x + 22, y: y + 8, size: 10, font: field.value === null ? bold : regular });
    });
  }
  doc.gap(8);
  doc.text('* required', { size: 8, color: 'grey' });
  doc.gap(6);
  doc.text(summary.complete ? 'COMPLETE' : `INCOMPLETE${summary.missing.length > 0 ? `: missing ${summary.missing.join(', ')}` : ''}${record.signature ? '' : '; not signed'}`, {
    bold: true,
    size: 12,
  });
  doc.text(
    record.signature
      ? `Signed by ${record.signature.name} (${record.signature.username}) on ${localDateTime(record.signature.at)}.`
      : 'Not signed: the summary is complete only once the session record is signed and closed.',
    { size: 10 },
  );
  doc.text('The REMS monitoring form is due within 7 days of the session.', { size: 8, color: 'grey' });
  return doc.finish();
}
