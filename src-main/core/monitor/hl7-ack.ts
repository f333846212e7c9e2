import { hl7v2, type HL7Message } from './hl7v2-lib';
import { formatHl7Time } from './hl7-time';

export type AckCode = 'AA' | 'AE' | 'AR';

/** Vigil's name as the receiving application in every ACK's MSH-3. */
export const VIGIL_APPLICATION = 'VIGIL';
/** Reasons go in MSA-3 (80 characters in v2.6) and ERR-8 (the full text, bounded). */
const MSA_TEXT_MAX = 80;
const ERR_TEXT_MAX = 400;

/**
 * The HL7 ACK answering one message: MSH (sender and receiver swapped, same control id in
 * MSA-2) + MSA + ERR when refused. For a message that could not be parsed at all (AR) the
 * control id is unknown and MSA-2 stays empty.
 */
export function buildAck(original: HL7Message | null, code: AckCode, reason: string | null, now: number): string {
  const ack = new (hl7v2().HL7Message)(original?.version ?? '2.6');
  const msh = ack.header;
  msh.field(3).setValue(VIGIL_APPLICATION);
  msh.field(7).setValue(formatHl7Time(now));
  msh.field(9).setValue('ACK', 1);
  msh.field(9).setValue(original ? (original.header.field(9).getValue(2) ?? 'R01') : 'R01', 2);
  msh.field(9).setValue('ACK', 3);
  msh.field(10).setValue(`VIGIL${now}${Math.floor(Math.random() * 1e6)}`);
  msh.field(11).setValue('P');
  msh.field(12).setValue(original?.version ?? '2.6');
  if (original) {
    msh.field(5).setValue(original.header.field(3).getValue(1) ?? '', 1);
    msh.field(6).setValue(original.header.field(4).getValue(1) ?? '', 1);
  }
  const msa = ack.addSegment('MSA');
  msa.field(1).setValue(code);
  msa.field(2).setValue(original?.controlId ?? '');
  if (reason) {
    msa.field(3).setValue(reason.slice(0, MSA_TEXT_MAX));
    const err = ack.addSegment('ERR');
    // ERR-3 from HL7 table 0357: 102 for a message that could not be read, 207 for a refusal by Vigil.
    err.field(3).setValue(code === 'AR' ? '102' : '207', 1);
    err.field(3).setValue(code === 'AR' ? 'Data type error' : 'Application internal error', 2);
    err.field(3).setValue('HL70357', 3);
    err.field(4).setValue('E');
    err.field(8).setValue(reason.slice(0, ERR_TEXT_MAX));
  }
  return ack.toHL7String();
}
