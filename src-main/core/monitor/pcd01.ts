import { hl7v2, type HL7Message, type HL7Segment } from './hl7v2-lib';
import { MDC_OBSERVATION_CODES, convertMonitorUnit } from '../../../shared/clinical/mdc-codes';
import { VITAL_PARAMETERS, type VitalParameter } from '../../../shared/clinical/parameters';
import type { ReadingValues } from '../../../shared/domain/reading';
import { parseHl7Time } from './hl7-time';

/** Why one OBX was not used. The message may still be accepted for its other observations. */
export type IgnoredReason = 'unknown_code' | 'not_numeric' | 'not_obtained' | 'wrong_unit' | 'out_of_range' | 'bad_time' | 'superseded' | 'bp_incomplete';

export interface IgnoredObservation {
  setId: string;
  code: string;
  reason: IgnoredReason;
  /** For a human: the value and unit as sent. */
  detail: string;
}

/** The observations of one instant, in Vigil's units. */
export interface MonitorReading {
  observedAt: number;
  values: ReadingValues;
}

export interface MonitorMessage {
  controlId: string;
  /** OBX-18's equipment identifier (IHE PCD: EUI-64) where present, else MSH-3. */
  deviceId: string;
  /** PID-3's first identifier (the MRN) and PID-5, when the monitor was told who the patient is. */
  patient: { id: string; name: string } | null;
  readings: MonitorReading[];
  ignored: IgnoredObservation[];
}

/** AR: not an HL7 message Vigil can read at all. AE: read, but refused (with the reason). */
export type MonitorParseResult =
  | { ok: true; message: MonitorMessage; parsed: HL7Message }
  | { ok: false; ack: 'AR'; reason: string; parsed: null }
  | { ok: false; ack: 'AE'; reason: string; parsed: HL7Message };

function text(segment: HL7Segment | undefined, field: number, component = 1): string {
  if (!segment) return '';
  const value: unknown = segment.field(field).getValue(component);
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return String(value.getTime());
  return String(value).trim();
}

/** HL7 allows `.5`, `-3`, `+3`; nothing else is a number (no `1e3`, no `0x10`, no `9x7`). */
const HL7_NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

interface Candidate {
  parameter: VitalParameter;
  rank: number;
  value: number;
  observedAt: number;
  setId: string;
  code: string;
}

/** Parses one ORU^R01 (IHE PCD-01) with the hl7v2 library and maps its numerics onto Vigil's parameters. */
export function parsePcd01(raw: string): MonitorParseResult {
  const { HL7Message } = hl7v2();
  let parsed: HL7Message;
  try {
    parsed = HL7Message.parse(raw);
  } catch (error) {
    return { ok: false, ack: 'AR', reason: `Not an HL7 v2 message: ${error instanceof Error ? error.message : String(error)}`, parsed: null };
  }
  const header = parsed.header;
  const controlId = text(header, 10);
  if (controlId === '') return { ok: false, ack: 'AR', reason: 'MSH-10 (message control id) is empty', parsed: null };
  const type = `${text(header, 9, 1)}^${text(header, 9, 2)}`;
  if (type !== 'ORU^R01') return { ok: false, ack: 'AE', reason: `Vigil accepts ORU^R01 only, not ${type}`, parsed };

  const obr = parsed.getSegment('OBR');
  const obrTime = parseHl7Time(text(obr, 7));
  const mshTime = parseHl7Time(text(header, 7));
  const pid = parsed.getSegment('PID');
  const patientId = text(pid, 3);
  const patient = patientId === '' ? null : { id: patientId, name: [text(pid, 5, 2), text(pid, 5, 1)].filter(Boolean).join(' ') };

  let equipmentId = '';
  const ignored: IgnoredObservation[] = [];
  const candidates: Candidate[] = [];
  for (const segment of parsed.segments) {
    if (segment.segmentType !== 'OBX') continue;
    equipmentId ||= text(segment, 18);
    const setId = text(segment, 1);
    const code = text(segment, 3, 1);
    const mapping = Object.hasOwn(MDC_OBSERVATION_CODES, code) ? MDC_OBSERVATION_CODES[code] : undefined;
    if (!mapping) {
      // Containment rows (MDS, VMD, channel) carry no value; anything else is a numeric Vigil does not chart.
      if (text(segment, 5) !== '') ignored.push({ setId, code, reason: 'unknown_code', detail: text(segment, 3, 2) });
      continue;
    }
    const rawValue = text(segment, 5);
    const status = text(segment, 11);
    if (status === 'X' || status === 'D' || rawValue === '') {
      ignored.push({ setId, code, reason: 'not_obtained', detail: `status ${status || 'empty'}` });
      continue;
    }
    if (!HL7_NUMERIC.test(rawValue)) {
      ignored.push({ setId, code, reason: 'not_numeric', detail: rawValue.slice(0, 40) });
      continue;
    }
    const units = [text(segment, 6, 1), text(segment, 6, 2), text(segment, 6, 4), text(segment, 6, 5)].filter(Boolean);
    const converted = convertMonitorUnit(mapping.parameter, units, Number(rawValue));
    if (converted === null) {
      ignored.push({ setId, code, reason: 'wrong_unit', detail: `${rawValue} ${units.join('/') || '(no unit)'}` });
      continue;
    }
    const spec = VITAL_PARAMETERS[mapping.parameter];
    const value = roundTo(converted, spec.decimals);
    if (value < spec.hardMin || value > spec.hardMax) {
      ignored.push({ setId, code, reason: 'out_of_range', detail: `${value} outside ${spec.hardMin}-${spec.hardMax}` });
      continue;
    }
    const obxTimeText = text(segment, 14);
    const observedAt = obxTimeText === '' ? (obrTime ?? mshTime) : parseHl7Time(obxTimeText);
    if (observedAt === null) {
      ignored.push({ setId, code, reason: 'bad_time', detail: obxTimeText || 'no OBX-14, OBR-7 or MSH-7' });
      continue;
    }
    candidates.push({ parameter: mapping.parameter, rank: mapping.rank, value, observedAt, setId, code });
  }

  const deviceId = equipmentId || text(header, 3, 2) || text(header, 3, 1);
  if (deviceId === '') return { ok: false, ack: 'AE', reason: 'No equipment identifier: OBX-18 and MSH-3 are empty', parsed };
  const readings = groupByInstant(candidates, ignored);
  if (readings.length === 0) {
    const why = ignored.length === 0 ? 'it has no observation' : ignored.map((i) => `OBX ${i.setId} ${i.code}: ${i.reason} (${i.detail})`).join('; ');
    return { ok: false, ack: 'AE', reason: `No value Vigil charts: ${why}`.slice(0, 400), parsed };
  }
  return { ok: true, message: { controlId, deviceId, patient, readings, ignored }, parsed };
}

/** One reading per observation time; where two codes give one parameter, the better-ranked one is used. */
function groupByInstant(candidates: readonly Candidate[], ignored: IgnoredObservation[]): MonitorReading[] {
  const byTime = new Map<number, Map<VitalParameter, Candidate>>();
  for (const candidate of candidates) {
    const slot = byTime.get(candidate.observedAt) ?? new Map<VitalParameter, Candidate>();
    byTime.set(candidate.observedAt, slot);
    const held = slot.get(candidate.parameter);
    if (held && held.rank <= candidate.rank) {
      ignored.push({ setId: candidate.setId, code: candidate.code, reason: 'superseded', detail: `OBX ${held.setId} gives ${candidate.parameter}` });
      continue;
    }
    if (held) ignored.push({ setId: held.setId, code: held.code, reason: 'superseded', detail: `OBX ${candidate.setId} gives ${candidate.parameter}` });
    slot.set(candidate.parameter, candidate);
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => a - b)
    .map(([observedAt, slot]) => {
      const values: ReadingValues = {};
      for (const [parameter, candidate] of slot) values[parameter] = candidate.value;
      return { observedAt, values: withConsistentPressure(values, slot, ignored) };
    })
    .filter((reading) => Object.keys(reading.values).length > 0);
}

const PRESSURES = ['systolicMmHg', 'diastolicMmHg', 'meanArterialMmHg'] as const;

/**
 * A blood pressure is charted whole: systolic above diastolic, a MAP between them. A part
 * without its pair (or an inconsistent set) is left out and said so, not stored half.
 */
function withConsistentPressure(values: ReadingValues, slot: ReadonlyMap<VitalParameter, Candidate>, ignored: IgnoredObservation[]): ReadingValues {
  const { systolicMmHg: sys, diastolicMmHg: dia, meanArterialMmHg: map } = values;
  const whole = sys !== undefined && dia !== undefined && sys > dia && (map === undefined || (map >= dia && map <= sys));
  if (whole || (sys === undefined && dia === undefined && map === undefined)) return values;
  const kept: ReadingValues = Object.fromEntries(Object.entries(values).filter(([key]) => !(PRESSURES as readonly string[]).includes(key)));
  for (const parameter of PRESSURES) {
    const candidate = slot.get(parameter);
    if (!candidate) continue;
    ignored.push({ setId: candidate.setId, code: candidate.code, reason: 'bp_incomplete', detail: `systolic ${sys ?? '-'} / diastolic ${dia ?? '-'} / mean ${map ?? '-'}` });
  }
  return kept;
}
