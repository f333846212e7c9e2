import { scoreCadss6 } from '../../../shared/clinical/cadss';
import type { VitalParameter } from '../../../shared/clinical/parameters';
import type { Alert } from '../../../shared/domain/alert';
import type { Reading } from '../../../shared/domain/reading';
import { alertCondition, alertEnding } from './report-labels';
import { isoWithOffset } from './report-time';
import type { SessionRecord } from './session-record';

/** A FHIR R4 resource as plain JSON. */
export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;

/** Base of the bundle's full URLs: references like `Patient/patient-3` resolve against it. */
export const VIGIL_FHIR_BASE = 'https://vigil.example/fhir';
/** Vigil's own code system for what LOINC does not code (MOAA/S, dissociation, CADSS-6, NEWS2). */
export const VIGIL_CODE_SYSTEM = `${VIGIL_FHIR_BASE}/CodeSystem/vigil-observations`;
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const R4_PROFILE = 'http://hl7.org/fhir/StructureDefinition';

interface VitalSign {
  parameter: VitalParameter;
  loinc: string;
  display: string;
  unit: string;
  profile: string;
  /** US Core adds a second code for pulse oximetry (CLINICAL.md section 7). */
  extraCoding?: { system: string; code: string; display: string };
}

/** CLINICAL.md section 7: the R4 vital-signs profile's LOINC code and UCUM unit of each. */
const VITAL_SIGNS: readonly VitalSign[] = [
  { parameter: 'heartRateBpm', loinc: '8867-4', display: 'Heart rate', unit: '/min', profile: 'heartrate' },
  { parameter: 'respiratoryRatePerMin', loinc: '9279-1', display: 'Respiratory rate', unit: '/min', profile: 'resprate' },
  {
    parameter: 'spo2Pct',
    loinc: '2708-6',
    display: 'Oxygen saturation in Arterial blood',
    unit: '%',
    profile: 'oxygensat',
    extraCoding: { system: LOINC, code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
  },
  { parameter: 'temperatureC', loinc: '8310-5', display: 'Body temperature', unit: 'Cel', profile: 'bodytemp' },
];
const BP = { panel: '85354-9', systolic: '8480-6', diastolic: '8462-4', unit: 'mm[Hg]' } as const;

const VIGIL_SCORES = {
  moaasScore: { code: 'moaas', display: 'Sedation, MOAA/S (0-5)' },
  dissociationLevel: { code: 'dissociation-level', display: 'Dissociation level, CADSS anchors (0-4)' },
} as const;

const quantity = (value: number, unit: string) => ({ value, unit, system: UCUM, code: unit });
const concept = (system: string, code: string, display: string) => ({ coding: [{ system, code, display }], text: display });
const category = (code: 'vital-signs' | 'survey' | 'exam') => [{ coding: [{ system: OBSERVATION_CATEGORY, code }] }];

/** A reading exported as it now stands: a correction is `amended`, an artifact `entered-in-error`. */
function statusOf(reading: Reading): 'final' | 'amended' | 'entered-in-error' {
  if (reading.artifact !== null) return 'entered-in-error';
  return reading.supersedesId === null ? 'final' : 'amended';
}

/**
 * A session as a FHIR R4 Bundle (type collection): the Patient, the Encounter, one
 * Observation per vital sign of every reading as it stands (BP as the 85354-9 panel),
 * MOAA/S, dissociation, CADSS-6 and NEWS2 under Vigil's code system, the ketamine dose as a
 * MedicationAdministration, and every alert as a DetectedIssue (acknowledgement and
 * resolution as its mitigations). Every clinical resource names its subject, its time and
 * who did it (a Practitioner per staff member, the Device for what Vigil raised itself).
 */
export function sessionFhirBundle(record: SessionRecord): Record<string, unknown> {
  const { session, patient } = record;
  const patientRef = { reference: `Patient/patient-${patient.id}` };
  const encounterRef = { reference: `Encounter/encounter-${session.id}` };
  const deviceRef = { reference: 'Device/vigil', display: 'Vigil alert engine' };
  const practitioners = new Map<string, FhirResource>();
  const performer = (name: string) => {
    let practitioner = practitioners.get(name);
    if (!practitioner) {
      practitioner = { resourceType: 'Practitioner', id: `practitioner-${practitioners.size + 1}`, name: [{ text: name }] };
      practitioners.set(name, practitioner);
    }
    return { reference: `Practitioner/${practitioner.id}`, display: name };
  };

  const observations: FhirResource[] = [];
  const observation = (reading: Reading, suffix: string, fields: Record<string, unknown>, profile?: string) => {
    const notes = [
      reading.correctionReason ? `Corrected (replaces reading ${reading.supersedesId}): ${reading.correctionReason}` : null,
      reading.artifact ? `Marked as an artifact by ${reading.artifact.userName}: ${reading.artifact.reason}` : null,
      reading.late ? 'Late entry' : null,
    ].filter((n): n is string => n !== null);
    observations.push({
      resourceType: 'Observation',
      id: `reading-${reading.id}-${suffix}`,
      ...(profile ? { meta: { profile: [`${R4_PROFILE}/${profile}`] } } : {}),
      status: statusOf(reading),
      ...fields,
      subject: patientRef,
      encounter: encounterRef,
      effectiveDateTime: isoWithOffset(reading.observedAt),
      issued: new Date(reading.recordedAt).toISOString(),
      performer: [performer(reading.recordedByName)],
      ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
    });
  };

  for (const reading of record.standing) {
    const v = reading.values;
    for (const sign of VITAL_SIGNS) {
      const value = v[sign.parameter];
      if (value === undefined) continue;
      const coding = [{ system: LOINC, code: sign.loinc, display: sign.display }, ...(sign.extraCoding ? [sign.extraCoding] : [])];
      observation(
        reading,
        sign.profile,
        { category: category('vital-signs'), code: { coding, text: sign.display }, valueQuantity: quantity(value, sign.unit) },
        sign.profile,
      );
    }
    if (v.systolicMmHg !== undefined && v.diastolicMmHg !== undefined) {
      observation(
        reading,
        'bp',
        {
          category: category('vital-signs'),
          code: concept(LOINC, BP.panel, 'Blood pressure panel with all children optional'),
          component: [
            { code: concept(LOINC, BP.systolic, 'Systolic blood pressure'), valueQuantity: quantity(v.systolicMmHg, BP.unit) },
            { code: concept(LOINC, BP.diastolic, 'Diastolic blood pressure'), valueQuantity: quantity(v.diastolicMmHg, BP.unit) },
          ],
        },
        'bp',
      );
    }
    for (const key of ['moaasScore', 'dissociationLevel'] as const) {
      const value = v[key];
      if (value === undefined) continue;
      observation(reading, VIGIL_SCORES[key].code, { category: category('exam'), code: concept(VIGIL_CODE_SYSTEM, VIGIL_SCORES[key].code, VIGIL_SCORES[key].display), valueInteger: value });
    }
    if (reading.news2) {
      observation(reading, 'news2', {
        category: category('survey'),
        code: concept(VIGIL_CODE_SYSTEM, 'news2', 'NEWS2 aggregate score (RCP)'),
        valueInteger: reading.news2.total,
        ...(reading.news2.partial ? { interpretation: [{ text: 'Partial: scored without every parameter' }] } : {}),
      });
    }
  }

  for (const event of record.events) {
    if (event.event.kind !== 'cadss6') continue;
    const items = event.event.items;
    observations.push({
      resourceType: 'Observation',
      id: `event-${event.id}-cadss6`,
      status: event.retraction ? 'entered-in-error' : 'final',
      category: category('survey'),
      code: concept(VIGIL_CODE_SYSTEM, 'cadss6', 'CADSS-6 total (0-24)'),
      subject: patientRef,
      encounter: encounterRef,
      effectiveDateTime: isoWithOffset(event.observedAt),
      issued: new Date(event.recordedAt).toISOString(),
      performer: [performer(event.userName)],
      valueInteger: scoreCadss6(items),
      component: Object.entries(items).map(([item, score]) => ({
        code: concept(VIGIL_CODE_SYSTEM, `cadss-item-${item}`, `CADSS item ${item}`),
        valueInteger: score,
      })),
    });
  }

  const startedAt = record.timer.infusionStartedAt;
  const endedAt = record.timer.infusionEndedAt;
  const order = record.doseOrder;
  const medication: FhirResource[] =
    order && startedAt !== null
      ? [
          {
            resourceType: 'MedicationAdministration',
            id: `dose-${order.id}`,
            status: endedAt === null ? 'in-progress' : 'completed',
            medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '6130', display: 'ketamine' }], text: record.protocol?.drug ?? 'Ketamine' },
            subject: patientRef,
            context: encounterRef,
            effectivePeriod: { start: isoWithOffset(startedAt), ...(endedAt === null ? {} : { end: isoWithOffset(endedAt) }) },
            performer: [{ actor: performer(order.userName) }],
            note: [
              {
                text:
                  `Ordered ${order.totalDoseMg} mg (${order.dosePerKg} ${order.orderKind === 'perKgTotal' ? 'mg/kg' : 'mg/kg/h'} x ${order.weightKg} kg), ` +
                  `${order.volumeMl} mL at ${order.rateMlPerHour} mL/h, ${order.source === 'protocol' ? 'standing order of the protocol' : 'physician order'}` +
                  (order.overrideReason ? `; soft limit overridden: ${order.overrideReason}` : '') +
                  (record.delivered ? `. Delivered (estimate from the pump segments): ${record.delivered.doseMg} mg in ${record.delivered.volumeMl} mL` : ''),
              },
            ],
            dosage: {
              route: concept('http://snomed.info/sct', '47625008', 'Intravenous route'),
              dose: quantity(record.delivered?.doseMg ?? order.totalDoseMg, 'mg'),
              rateQuantity: quantity(order.rateMlPerHour, 'mL/h'),
            },
          },
        ]
      : [];

  const issues = record.alerts.map((alert) => detectedIssue(alert, patientRef, deviceRef, performer));

  const closedAt = record.phaseEvents.find((e) => e.toPhase === 'closed' || e.toPhase === 'aborted')?.at ?? null;
  const encounter: FhirResource = {
    resourceType: 'Encounter',
    id: `encounter-${session.id}`,
    status: session.phase === 'aborted' ? 'cancelled' : session.phase === 'closed' || session.phase === 'discharged' ? 'finished' : 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ text: record.protocol ? `${record.protocol.name} (version ${record.protocol.version})` : 'Infusion session' }],
    subject: patientRef,
    period: { start: isoWithOffset(session.createdAt), ...(closedAt === null ? {} : { end: isoWithOffset(closedAt) }) },
    participant: [...new Set(record.phaseEvents.map((e) => e.userName))].map((name) => ({ individual: performer(name) })),
    location: [{ location: { display: session.chair } }],
  };

  const patientResource: FhirResource = {
    resourceType: 'Patient',
    id: `patient-${patient.id}`,
    identifier: [{ type: { text: 'MRN' }, system: `${VIGIL_FHIR_BASE}/mrn`, value: patient.mrn }],
    name: [{ family: patient.familyName, given: [patient.givenName] }],
    birthDate: patient.dateOfBirth,
  };
  const device: FhirResource = { resourceType: 'Device', id: 'vigil', deviceName: [{ name: 'Vigil', type: 'manufacturer-name' }] };

  const resources = [patientResource, encounter, device, ...practitioners.values(), ...medication, ...observations, ...issues];
  return {
    resourceType: 'Bundle',
    id: `vigil-session-${session.id}`,
    type: 'collection',
    timestamp: isoWithOffset(record.generatedAt),
    entry: resources.map((resource) => ({ fullUrl: `${VIGIL_FHIR_BASE}/${resource.resourceType}/${resource.id}`, resource })),
  };
}

const SEVERITY = { high: 'high', medium: 'moderate', low: 'low' } as const;

function detectedIssue(
  alert: Alert,
  patientRef: { reference: string },
  deviceRef: { reference: string; display: string },
  performer: (name: string) => { reference: string; display: string },
): FhirResource {
  const mitigation: Record<string, unknown>[] = [];
  if (alert.acknowledgedAt !== null) {
    mitigation.push({
      action: { text: `Acknowledged${alert.acknowledgeNote ? `: ${alert.acknowledgeNote}` : ''}` },
      date: isoWithOffset(alert.acknowledgedAt),
      ...(alert.acknowledgedByName ? { author: performer(alert.acknowledgedByName) } : {}),
    });
  }
  const ending = alertEnding(alert);
  if (ending !== null && alert.resolvedAt !== null) {
    mitigation.push({
      action: { text: ending },
      date: isoWithOffset(alert.resolvedAt),
      ...(alert.resolvedByName ? { author: performer(alert.resolvedByName) } : {}),
    });
  }
  const details = [
    alert.escalatedAt !== null ? `escalated at ${isoWithOffset(alert.escalatedAt)}` : null,
    alert.audioPausedUntil !== null ? `audio paused until ${isoWithOffset(alert.audioPausedUntil)}` : null,
    alert.count > 1 ? `condition met by ${alert.count} readings` : null,
  ].filter((d): d is string => d !== null);
  return {
    resourceType: 'DetectedIssue',
    id: `alert-${alert.id}`,
    status: 'final',
    code: concept(VIGIL_CODE_SYSTEM, `alert-${alert.kind}`, alert.kind === 'physiological' ? 'Physiological alert' : 'Technical alert'),
    severity: SEVERITY[alert.priority],
    patient: patientRef,
    identifiedDateTime: isoWithOffset(alert.raisedAt),
    author: deviceRef,
    detail: [alertCondition(alert), ...details].join('; '),
    ...(mitigation.length > 0 ? { mitigation } : {}),
  };
}
