import type { CheckpointId } from '../../../shared/clinical/due-checks';
import type { CoMedicationClass } from '../../../shared/clinical/screening-checklist';
import { scoreCadss6 } from '../../../shared/clinical/cadss';
import { localDateTime, minutesBetween } from './report-time';
import type { SessionRecord } from './session-record';

/** Co-medication classes the REMS form asks about: sedating or blood-pressure altering (CLINICAL.md section 8). */
export const REMS_RELEVANT_CO_MEDICATION: readonly CoMedicationClass[] = ['benzodiazepine', 'opioid', 'stimulant', 'maoi', 'antihypertensive'];

export interface RemsField {
  id: string;
  label: string;
  /** Null when the record does not hold it: a required field left empty blocks completion. */
  value: string | null;
  required: boolean;
}

export interface RemsSummary {
  fields: RemsField[];
  missing: string[];
  /** Signed and every required field present. */
  complete: boolean;
  signedBy: string | null;
}

function bpAt(record: SessionRecord, id: CheckpointId): string | null {
  const checkpoint = record.checkpoints.find((c) => c.id === id);
  if (!checkpoint || checkpoint.status !== 'done' || checkpoint.doneAt === null) return null;
  const reading = record.standing.find(
    (r) => r.artifact === null && r.observedAt === checkpoint.doneAt && r.values.systolicMmHg !== undefined && r.values.diastolicMmHg !== undefined,
  );
  return reading ? `${reading.values.systolicMmHg}/${reading.values.diastolicMmHg} mmHg at ${localDateTime(reading.observedAt)}` : null;
}

/**
 * The REMS-style patient monitoring summary (CLINICAL.md section 8), pre-filled from the
 * record. Required fields the record does not hold are listed; the summary is complete only
 * when every one is present and the record is signed.
 */
export function remsSummary(record: SessionRecord): RemsSummary {
  const { patient, timer } = record;
  const current = record.standing.filter((r) => r.artifact === null);
  const moaas = current.flatMap((r) => (r.values.moaasScore === undefined ? [] : [r.values.moaasScore]));
  const dissociation = current.flatMap((r) => (r.values.dissociationLevel === undefined ? [] : [r.values.dissociationLevel]));
  const cadss = record.events.flatMap((e) => (e.retraction === null && e.event.kind === 'cadss6' ? [scoreCadss6(e.event.items)] : []));
  const readyAt = record.phaseEvents.find((e) => e.toPhase === 'discharged')?.at ?? null;
  const coMedications = record.screening?.coMedications.filter((m) => REMS_RELEVANT_CO_MEDICATION.includes(m.medicationClass)) ?? null;
  const dose = record.delivered ?? (record.doseOrder ? { doseMg: record.doseOrder.totalDoseMg } : null);

  const fields: RemsField[] = [
    { id: 'patient', label: 'Patient', value: `${patient.givenName} ${patient.familyName}, MRN ${patient.mrn}, born ${patient.dateOfBirth}`, required: true },
    { id: 'firstTreatment', label: 'First treatment session', value: record.earlierSessionCount === 0 ? 'Yes' : `No (${record.earlierSessionCount} earlier session${record.earlierSessionCount === 1 ? '' : 's'})`, required: true },
    {
      id: 'coMedication',
      label: 'Sedating or BP-altering co-medication',
      value: coMedications === null ? null : coMedications.length === 0 ? 'None' : coMedications.map((m) => `${m.name} (${m.medicationClass})`).join(', '),
      required: true,
    },
    { id: 'dose', label: 'Dose administered', value: dose ? `${Math.round(dose.doseMg * 10) / 10} mg ${record.protocol?.drug ?? ''}`.trim() : null, required: true },
    { id: 'bpBeforeDosing', label: 'BP before dosing', value: bpAt(record, 'bpBeforeDosing'), required: true },
    { id: 'bpAt40Minutes', label: 'BP about 40 minutes after dosing', value: bpAt(record, 'bpAt40Minutes'), required: true },
    { id: 'bpBeforeDischarge', label: 'BP before monitoring ended', value: bpAt(record, 'bpBeforeDischarge'), required: true },
    {
      id: 'monitoringMinutes',
      label: 'Total monitoring time',
      value: timer.infusionStartedAt !== null && readyAt !== null ? `${minutesBetween(timer.infusionStartedAt, readyAt)} minutes` : null,
      required: true,
    },
    { id: 'readyToLeave', label: 'Time the patient was ready to leave', value: readyAt === null ? null : localDateTime(readyAt), required: true },
    {
      id: 'sedation',
      label: 'Sedation observed',
      value: moaas.length === 0 ? null : Math.min(...moaas) < 5 ? `Yes (lowest MOAA/S ${Math.min(...moaas)})` : 'No (MOAA/S 5 throughout)',
      required: true,
    },
    {
      id: 'dissociation',
      label: 'Dissociation observed',
      value:
        dissociation.length === 0 && cadss.length === 0
          ? null
          : Math.max(0, ...dissociation, ...cadss) > 0
            ? `Yes (highest level ${Math.max(0, ...dissociation)} of 4${cadss.length > 0 ? `; CADSS-6 up to ${Math.max(...cadss)} of 24` : ''})`
            : 'No',
      required: true,
    },
  ];
  const missing = fields.filter((f) => f.required && f.value === null).map((f) => f.label);
  return { fields, missing, complete: missing.length === 0 && record.signature !== null, signedBy: record.signature?.name ?? null };
}
