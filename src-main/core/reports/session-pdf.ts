import { ALDRETE_ITEM_IDS } from '../../../shared/clinical/aldrete';
import { scoreCadss6 } from '../../../shared/clinical/cadss';
import { CONTRAINDICATIONS } from '../../../shared/clinical/screening-checklist';
import type { Reading } from '../../../shared/domain/reading';
import type { SessionEvent } from '../../../shared/domain/session-event';
import { ReportDocument, type ShortenableLine } from './pdf/document';
import { drawTrend } from './pdf/trend';
import { alertCondition, alertEnding, CHECKPOINT_LABELS, PHASE_LABELS, PRIORITY_MARK } from './report-labels';
import { localDate, localDateTime, localTime, offsetAt } from './report-time';
import { correctionHistory, type SessionRecord } from './session-record';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const num = (value: number | undefined) => (value === undefined ? '' : String(value));
const round = (value: number, decimals = 1) => String(Math.round(value * 10 ** decimals) / 10 ** decimals);

/** The header line on every page: the name gives way before the MRN, date of birth and session date do. */
export function patientLine(record: SessionRecord): ShortenableLine {
  const { patient } = record;
  return { shortenable: `${patient.familyName}, ${patient.givenName}`, rest: ` · MRN ${patient.mrn} · born ${patient.dateOfBirth} · session ${localDate(record.session.createdAt)}` };
}

export function footerLine(record: SessionRecord): string {
  return `Session ${record.session.id} · generated ${localDateTime(record.generatedAt)} (UTC${offsetAt(record.generatedAt)}) by Vigil`;
}

function describeEvent(event: SessionEvent): string {
  const e = event.event;
  switch (e.kind) {
    case 'sideEffect':
      return `Side effect: ${e.effect.replace(/([A-Z])/g, ' $1').toLowerCase()}`;
    case 'medication':
      return `Medication given: ${e.name} ${e.dose} ${e.unit} ${e.route}`;
    case 'note':
      return `Note: ${e.text}`;
    case 'rateChange':
      return `Pump rate changed to ${e.rateMlPerHour} mL/h${e.overrideReason ? ` (above the soft limit; reason: ${e.overrideReason})` : ''}`;
    case 'cadss6':
      return `CADSS-6: ${scoreCadss6(e.items)} of 24 (items ${Object.entries(e.items).map(([item, score]) => `${item}: ${score}`).join(', ')})`;
  }
}

function readingNotes(record: SessionRecord, reading: Reading): string {
  const notes: string[] = [];
  if (reading.late) notes.push(`Late entry, recorded ${localTime(reading.recordedAt)}`);
  if (reading.supersededById !== null) notes.push(`Replaced by #${reading.supersededById}`);
  if (reading.supersedesId !== null) {
    const history = correctionHistory(record, reading)
      .map((old) => `#${old.id} ${old.values.systolicMmHg ?? ''}/${old.values.diastolicMmHg ?? ''} HR ${old.values.heartRateBpm ?? ''} SpO2 ${old.values.spo2Pct ?? ''}`)
      .join('; ');
    notes.push(`CORRECTED: ${reading.correctionReason ?? ''} (was ${history})`);
  }
  if (reading.artifact) notes.push(`ARTIFACT (${reading.artifact.userName}): ${reading.artifact.reason}`);
  if (reading.onSupplementalOxygen) notes.push('on O2');
  return notes.join('. ');
}

/** The whole signed record as a paged PDF: same header on every page, "n of m", black-and-white readable. */
export async function sessionPdf(record: SessionRecord): Promise<Uint8Array> {
  const { session, patient, protocol, doseOrder: order, timer } = record;
  const doc = await ReportDocument.create(
    { title: record.clinicName, documentName: 'Session report', subtitle: patientLine(record), footer: footerLine(record) },
    { title: `Session report ${patient.mrn} ${localDate(session.createdAt)}`, subject: 'Vigil session report', createdAt: new Date(record.generatedAt) },
  );

  doc.heading('Session');
  doc.fields([
    ['Patient', `${patient.givenName} ${patient.familyName}`],
    ['MRN', patient.mrn],
    ['Date of birth', patient.dateOfBirth],
    ['Weight used', `${session.weightKg} kg`],
    ['Protocol', protocol ? `${protocol.name}, version ${protocol.version} (${protocol.drug})` : 'none'],
    ['Chair', session.chair],
    ['Status', PHASE_LABELS[session.phase] ?? session.phase],
    ['Times', `Opened ${localDateTime(session.createdAt)}; infusion ${timer.infusionStartedAt ? localTime(timer.infusionStartedAt) : '—'} to ${timer.infusionEndedAt ? localTime(timer.infusionEndedAt) : '—'}; recovery from ${timer.recoveryStartedAt ? localTime(timer.recoveryStartedAt) : '—'}`],
  ]);

  doc.heading('Dose order');
  if (order) {
    const unit = order.orderKind === 'perKgTotal' ? 'mg/kg' : 'mg/kg/h';
    doc.fields([
      ['Dose', `${order.dosePerKg} ${unit} × ${order.weightKg} kg = ${order.totalDoseMg} mg`],
      ['Volume and rate', `${order.volumeMl} mL at ${order.concentrationMgPerMl} mg/mL; ${order.rateMlPerHour} mL/h over ${order.durationMinutes} min`],
      ['Ordered by', `${order.userName}, ${localDateTime(order.at)} (${order.source === 'protocol' ? "the protocol's standing order" : 'physician order'})`],
      ['Limits', order.limitVerdict === 'within' ? 'within the protocol limits' : `outside the soft limits; override: ${order.overrideReason ?? ''}`],
      ['Rate changes', record.rateChanges.map((c) => `${localTime(c.at)} ${c.rateMlPerHour} mL/h (${c.userName}${c.overrideReason ? `; soft limit overridden: ${c.overrideReason}` : ''})`).join('; ') || 'none'],
      ['Delivered (estimate)', record.delivered ? `${round(record.delivered.doseMg)} mg in ${round(record.delivered.volumeMl)} mL` : '—'],
    ]);
  } else doc.text('No dose was ordered.');

  doc.heading('Screening and overrides');
  const screening = record.screening;
  if (screening) {
    const positive = CONTRAINDICATIONS.filter((key) => screening.contraindications[key]);
    doc.fields([
      ['Recorded', `${localDateTime(screening.at)} by ${screening.userName}`],
      ['Consent / escort', `consent ${yesNo(screening.consentGiven)}; escort arranged ${yesNo(screening.escortArranged)}`],
      ['Contraindications', positive.length === 0 ? `none of ${CONTRAINDICATIONS.length} present` : positive.join(', ')],
      ['Co-medications', screening.coMedications.map((m) => `${m.name} (${m.medicationClass})`).join(', ') || 'none'],
    ]);
  } else doc.text('No screening recorded.');
  for (const override of record.overrides) {
    doc.text(`Override (${override.kind === 'contraindication' ? 'contraindication' : 'minimum recovery time'}) by ${override.userName}, ${localDateTime(override.at)}: ${override.reason}`);
  }

  doc.heading('Phases');
  doc.table(
    [
      { label: 'Time', width: 0.16 },
      { label: 'Phase', width: 0.22 },
      { label: 'By', width: 0.22 },
      { label: 'Reason', width: 0.4 },
    ],
    record.phaseEvents.map((e) => ({ cells: [localDateTime(e.at), PHASE_LABELS[e.toPhase] ?? e.toPhase, e.userName, e.reason ?? ''] })),
  );

  const trendReadings = record.standing.filter((r) => r.artifact === null);
  if (trendReadings.length > 0) {
    doc.heading('Trend', 220);
    const marks = record.phaseEvents.filter((e) => e.toPhase !== 'screening' && e.toPhase !== 'closed' && e.toPhase !== 'aborted').map((e) => ({ at: e.at, label: PHASE_LABELS[e.toPhase] ?? e.toPhase }));
    doc.box(210, (area) => drawTrend(area, trendReadings, marks));
  }

  doc.heading('Readings');
  doc.text('Every reading as entered, by observed time. A correction shows what it replaced and why; an artifact (shaded) stays in the record but left the trend and the alerts. NEWS2* partial: scored without every parameter.', { color: 'grey', size: 8 });
  doc.table(
    [
      { label: '#', width: 0.04, align: 'right' },
      { label: 'Time', width: 0.065 },
      { label: 'HR\n/min', width: 0.05, align: 'right' },
      { label: 'BP\nmmHg', width: 0.08, align: 'right' },
      { label: 'MAP\nmmHg', width: 0.055, align: 'right' },
      { label: 'SpO2\n%', width: 0.05, align: 'right' },
      { label: 'RR\n/min', width: 0.045, align: 'right' },
      { label: 'EtCO2\nmmHg', width: 0.06, align: 'right' },
      { label: 'T\n°C', width: 0.045, align: 'right' },
      { label: 'MOAA/S', width: 0.07, align: 'right' },
      { label: 'Diss.\n0-4', width: 0.05, align: 'right' },
      { label: 'NEWS2', width: 0.065, align: 'right' },
      { label: 'By', width: 0.09 },
      { label: 'Notes', width: 0.235 },
    ],
    record.readings.map((r) => {
      const v = r.values;
      return {
        shade: r.artifact !== null || r.supersededById !== null,
        cells: [
          String(r.id),
          localTime(r.observedAt),
          num(v.heartRateBpm),
          v.systolicMmHg !== undefined || v.diastolicMmHg !== undefined ? `${num(v.systolicMmHg)}/${num(v.diastolicMmHg)}` : '',
          num(v.meanArterialMmHg),
          num(v.spo2Pct),
          num(v.respiratoryRatePerMin),
          num(v.etco2MmHg),
          num(v.temperatureC),
          num(v.moaasScore),
          num(v.dissociationLevel),
          r.news2 ? `${r.news2.total}${r.news2.partial ? '*' : ''}` : '',
          r.recordedByName,
          readingNotes(record, r),
        ],
      };
    }),
  );

  doc.heading('Events and medications');
  if (record.events.length === 0) doc.text('None recorded.');
  else
    doc.table(
      [
        { label: 'Time', width: 0.1 },
        { label: 'Event', width: 0.55 },
        { label: 'By', width: 0.15 },
        { label: 'Status', width: 0.2 },
      ],
      record.events.map((e) => ({
        shade: e.retraction !== null,
        cells: [
          localTime(e.observedAt),
          describeEvent(e),
          e.userName,
          [e.late ? `late entry, recorded ${localTime(e.recordedAt)}` : '', e.retraction ? `RETRACTED by ${e.retraction.userName}: ${e.retraction.reason}` : ''].filter(Boolean).join('; '),
        ],
      })),
    );

  doc.heading('Alerts');
  doc.text('Priority by word and symbol: !!! HIGH, !! MEDIUM, ! LOW.', { color: 'grey', size: 8 });
  if (record.alerts.length === 0) doc.text('No alerts were raised.');
  else
    doc.table(
      [
        { label: 'Priority', width: 0.11 },
        { label: 'Raised', width: 0.08 },
        { label: 'Condition', width: 0.25 },
        { label: 'Acknowledged', width: 0.3 },
        { label: 'Ended', width: 0.26 },
      ],
      record.alerts.map((a) => ({
        cells: [
          PRIORITY_MARK[a.priority],
          localTime(a.raisedAt),
          `${alertCondition(a)}${a.count > 1 ? ` (×${a.count})` : ''}${a.escalatedAt !== null ? `; escalated ${localTime(a.escalatedAt)}` : ''}${a.audioPausedUntil !== null ? `; audio paused until ${localTime(a.audioPausedUntil)}` : ''}`,
          a.acknowledgedAt !== null ? `${localTime(a.acknowledgedAt)} by ${a.acknowledgedByName ?? ''}${a.acknowledgeNote ? `: “${a.acknowledgeNote}”` : ''}` : 'not acknowledged',
          a.resolvedAt !== null ? `${localTime(a.resolvedAt)} ${alertEnding(a) ?? ''}` : 'still active',
        ],
      })),
    );

  doc.heading('Scheduled checks');
  doc.fields(
    record.checkpoints.map((c) => [
      CHECKPOINT_LABELS[c.id] ?? c.id,
      c.status === 'done' ? `done ${c.doneAt !== null ? localTime(c.doneAt) : ''}` : c.status === 'overdue' ? 'MISSED' : c.status === 'notApplicable' ? 'not applicable' : c.status,
    ]),
  );
  doc.text(record.missedChecks.length === 0 ? 'No vitals check was overdue.' : `Overdue checks: ${record.missedChecks.map((a) => `${localTime(a.raisedAt)} ${alertCondition(a)}`).join('; ')}`);

  doc.heading('Discharge');
  const discharge = record.discharge;
  if (discharge) {
    doc.fields([
      ['Modified Aldrete', `${discharge.aldreteTotal} of 10 (${ALDRETE_ITEM_IDS.map((id) => `${id.replace(/([A-Z])/g, ' $1').toLowerCase()} ${discharge.aldrete[id]}`).join(', ')})`],
      ['Escort present', yesNo(discharge.escortPresent)],
      ['No-driving instruction', yesNo(discharge.noDrivingInstructionGiven)],
      ['Assessed', `${localDateTime(discharge.at)} by ${discharge.userName}`],
    ]);
  } else doc.text('No discharge assessment recorded.');

  doc.heading('Signature', 30);
  doc.text(
    record.signature
      ? `Signed and closed by ${record.signature.name} (${record.signature.username}) on ${localDateTime(record.signature.at)}, PIN confirmed.`
      : session.phase === 'aborted'
        ? 'Aborted; not signed.'
        : 'Not signed: the record is not closed.',
    { bold: true, size: 10 },
  );
  // Where this record stands in the audit chain: with the audit key, `verify` shows the file still holds these entries unchanged.
  const { signatureEntry, head } = record.audit;
  if (signatureEntry) doc.text(`Audit trail: the signature is entry ${signatureEntry.seq}, hash ${signatureEntry.hash}.`, { size: 8 });
  if (head) doc.text(`Audit chain head when this report was made: entry ${head.seq}, hash ${head.hash}.`, { size: 8 });
  return doc.finish();
}
