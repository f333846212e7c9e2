import { beforeAll, describe, expect, it } from 'vitest';
import { buildAck } from '../../../../src-main/core/monitor/hl7-ack';
import { hl7v2, loadHl7v2 } from '../../../../src-main/core/monitor/hl7v2-lib';
import { SPO2_SAMPLE } from '../../../support/pcd01-samples';

beforeAll(loadHl7v2);
const parse = (raw: string) => hl7v2().HL7Message.parse(raw);

const at = Date.parse('2026-11-29T09:30:02Z');
const segments = (ack: string) => ack.split('\r').filter(Boolean);

describe('HL7 ACK', () => {
  it('AA echoes the control id, swaps sender and receiver, and names Vigil', () => {
    const ack = segments(buildAck(parse(SPO2_SAMPLE), 'AA', null, at));
    expect(ack[0]).toMatch(/^MSH\|\^~\\&\|VIGIL\|\|OxiGate\|\|20261129093002\.000\+0000\|\|ACK\^R01\^ACK\|VIGIL\d+\|P\|2\.6/);
    expect(ack.slice(1)).toEqual(['MSA|AA|SPO2-77']);
  });

  it('AE carries the reason in MSA-3 and ERR; AR answers a message that could not be read, without a control id', () => {
    const reason = 'No value Vigil charts: OBX 2 150456: wrong_unit (96 mm[Hg])';
    const ae = segments(buildAck(parse(SPO2_SAMPLE), 'AE', reason, at));
    expect(ae[1]).toBe(`MSA|AE|SPO2-77|${reason.slice(0, 80)}`);
    expect(ae[2]).toBe(`ERR|||207^Application internal error^HL70357|E||||${reason.replace('^', '\\S\\')}`);
    const ar = segments(buildAck(null, 'AR', 'Not an HL7 v2 message', at));
    expect(ar[1]).toBe('MSA|AR||Not an HL7 v2 message');
    // The ACK itself parses as HL7 (what the monitor will do with it).
    expect(parse(ar.join('\r')).controlId).toMatch(/^VIGIL/);
  });
});
