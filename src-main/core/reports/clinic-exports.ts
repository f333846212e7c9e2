import { toCsv } from './csv';
import type { ClinicReport } from '../../../shared/domain/reports';
import { ReportDocument } from './pdf/document';
import { PRIORITY_MARK } from './report-labels';
import { isoWithOffset, localDateTime, offsetAt } from './report-time';

export const CLINIC_CSV_HEADER = [
  'Session',
  'Opened at',
  'MRN',
  'Patient',
  'Protocol',
  'Outcome',
  'High alerts',
  'Medium alerts',
  'Low alerts',
  'Acknowledged alerts',
  'Overrides',
  'Missed checks',
] as const;

/** One RFC 4180 row per session in the range. */
export function clinicCsv(report: ClinicReport): string {
  const rows = report.sessions.map((s) => [
    s.sessionId,
    isoWithOffset(s.createdAt),
    s.mrn,
    s.patientName,
    s.protocolName,
    s.outcome,
    s.alerts.high,
    s.alerts.medium,
    s.alerts.low,
    s.acknowledged,
    s.overrides,
    s.missedChecks,
  ]);
  return toCsv([[...CLINIC_CSV_HEADER], ...rows]);
}

const seconds = (value: number | null) => (value === null ? '—' : value < 120 ? `${Math.round(value)} s` : `${Math.round((value / 60) * 10) / 10} min`);

export async function clinicPdf(report: ClinicReport): Promise<Uint8Array> {
  const doc = await ReportDocument.create(
    {
      title: report.clinicName,
      documentName: 'Clinic report',
      subtitle: `${report.range.from} to ${report.range.to} (both days included, UTC${offsetAt(report.generatedAt)}) · ${report.sessions.length} sessions`,
      footer: `Generated ${localDateTime(report.generatedAt)} by Vigil`,
    },
    { title: `Clinic report ${report.range.from} to ${report.range.to}`, subject: 'Vigil clinic report', createdAt: new Date(report.generatedAt) },
  );
  doc.heading('Sessions per protocol and outcome');
  doc.table(
    [
      { label: 'Protocol', width: 0.55 },
      { label: 'Completed', width: 0.15, align: 'right' },
      { label: 'Aborted', width: 0.15, align: 'right' },
      { label: 'Open', width: 0.15, align: 'right' },
    ],
    report.byProtocol.map((p) => ({ cells: [p.protocolName, String(p.completed), String(p.aborted), String(p.open)] })),
    9,
  );
  doc.heading('Alerts by condition and priority');
  doc.table(
    [
      { label: 'Priority', width: 0.18 },
      { label: 'Condition', width: 0.52 },
      { label: 'Alerts', width: 0.15, align: 'right' },
      { label: 'Per session', width: 0.15, align: 'right' },
    ],
    report.byCondition.map((c) => ({ cells: [PRIORITY_MARK[c.priority], c.condition, String(c.count), c.perSession.toFixed(2)] })),
    9,
  );
  doc.heading('Acknowledgement, overrides, missed checks');
  const ack = report.acknowledgement;
  doc.fields([
    ['Time to acknowledge', `median ${seconds(ack.medianSeconds)}, 90th percentile ${seconds(ack.p90Seconds)} (${ack.acknowledged} acknowledged, ${ack.unacknowledged} never acknowledged)`],
    ['Overrides', `${report.overrides.contraindication} contraindication, ${report.overrides.minimumRecovery} minimum recovery time, ${report.overrides.doseSoftLimit} dose soft limit, ${report.overrides.rateSoftLimit} pump rate soft limit`],
    ['Missed checks', `${report.missedChecks} (vitals checks overdue and BP checkpoints missed)`],
  ]);
  doc.heading('Sessions');
  doc.table(
    [
      { label: 'Opened', width: 0.15 },
      { label: 'Patient', width: 0.22 },
      { label: 'Protocol', width: 0.2 },
      { label: 'Outcome', width: 0.1 },
      { label: 'Alerts H/M/L', width: 0.11, align: 'right' },
      { label: 'Ack.', width: 0.06, align: 'right' },
      { label: 'Overr.', width: 0.07, align: 'right' },
      { label: 'Missed', width: 0.09, align: 'right' },
    ],
    report.sessions.map((s) => ({
      cells: [localDateTime(s.createdAt), `${s.patientName} (${s.mrn})`, s.protocolName, s.outcome, `${s.alerts.high}/${s.alerts.medium}/${s.alerts.low}`, String(s.acknowledged), String(s.overrides), String(s.missedChecks)],
    })),
  );
  return doc.finish();
}
