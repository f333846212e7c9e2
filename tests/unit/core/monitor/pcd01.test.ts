import { beforeAll, describe, expect, it } from 'vitest';
import { loadHl7v2 } from '../../../../src-main/core/monitor/hl7v2-lib';
import { parsePcd01, type MonitorMessage } from '../../../../src-main/core/monitor/pcd01';
import { MULTI_SAMPLE, NIBP_SAMPLE, SPO2_SAMPLE } from '../../../support/pcd01-samples';

beforeAll(loadHl7v2);

function accepted(raw: string): MonitorMessage {
  const result = parsePcd01(raw);
  if (!result.ok) throw new Error(`refused ${result.ack}: ${result.reason}`);
  return result.message;
}

describe('PCD-01 ORU^R01 parsing and MDC mapping', () => {
  it('NIBP: systolic, diastolic and a measured mean at OBX-14, the device from OBX-18, the patient from PID', () => {
    const message = accepted(NIBP_SAMPLE);
    expect(message.controlId).toBe('NIBP0001');
    expect(message.deviceId).toBe('0012345678ABCDEF');
    expect(message.patient).toEqual({ id: 'MRN-1001', name: 'Ana Rivera' });
    expect(message.readings).toEqual([{ observedAt: Date.parse('2026-11-29T09:15:00Z'), values: { systolicMmHg: 128, diastolicMmHg: 76, meanArterialMmHg: 94 } }]);
    // The containment rows (MDS, VMD, channel) carry no value and are not reported as ignored.
    expect(message.ignored).toEqual([]);
  });

  it('SpO2 with pulse rate: the time from OBR-7 when OBX-14 is empty', () => {
    const message = accepted(SPO2_SAMPLE);
    expect(message.deviceId).toBe('00AA11BB22CC33DD');
    expect(message.readings).toEqual([{ observedAt: Date.parse('2026-11-29T09:30:00Z'), values: { spo2Pct: 96, heartRateBpm: 72 } }]);
  });

  it('multi-OBX: ECG rate preferred to pulse, kPa to mmHg, Fahrenheit to Celsius, one reading per observation time, what was left out and why', () => {
    const message = accepted(MULTI_SAMPLE);
    expect(message.deviceId).toBe('FEDCBA9876543210');
    expect(message.readings).toEqual([
      // The cuff pressure was measured 30 s earlier (its own OBX-14): a reading of its own.
      { observedAt: Date.parse('2026-11-29T12:00:30Z'), values: { systolicMmHg: 120, diastolicMmHg: 78 } },
      { observedAt: Date.parse('2026-11-29T12:01:00Z'), values: { heartRateBpm: 81, spo2Pct: 98, respiratoryRatePerMin: 14, temperatureC: 37 } },
    ]);
    expect(message.ignored.map((i) => [i.setId, i.reason])).toEqual([
      ['9', 'unknown_code'],
      ['10', 'not_obtained'],
      ['11', 'wrong_unit'],
      ['3', 'superseded'],
    ]);
  });

  it('falls back to MSH-3 for the device when no OBX-18 names the equipment', () => {
    const raw = SPO2_SAMPLE.replace('|||||||00AA11BB22CC33DD^EUI-64', '');
    expect(accepted(raw).deviceId).toBe('00AA11BB22CC33DD');
    const noUniversalId = raw.replace('OxiGate^00AA11BB22CC33DD^EUI-64', 'BedsideMonitor7');
    expect(accepted(noUniversalId).deviceId).toBe('BedsideMonitor7');
  });

  it('leaves out a blood pressure without its pair, a MAP outside it, impossible values and bad numbers, and says so', () => {
    const lonelySystolic = NIBP_SAMPLE.replace(/\rOBX\|5\|[^\r]*/, '');
    const message = accepted(lonelySystolic + '\rOBX|7|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC|||||R|||20261129101500+0100');
    expect(message.readings[0]?.values).toEqual({ spo2Pct: 97 });
    expect(message.ignored.filter((i) => i.reason === 'bp_incomplete').map((i) => i.code)).toEqual(['150021', '150023']);

    const impossible = accepted(SPO2_SAMPLE.replace('|96|', '|140|'));
    expect(impossible.readings[0]?.values).toEqual({ heartRateBpm: 72 });
    expect(impossible.ignored).toEqual([expect.objectContaining({ code: '150456', reason: 'out_of_range' })]);

    for (const bad of ['9x7', '1e2', '0x60', 'NaN']) {
      const result = accepted(SPO2_SAMPLE.replace('|96|', `|${bad}|`));
      expect(result.ignored).toEqual([expect.objectContaining({ code: '150456', reason: 'not_numeric' })]);
    }
  });

  it('refuses (AE) a message with no value Vigil charts, another message type, or no equipment id; AR for what is not HL7', () => {
    const onlyUnknown = parsePcd01(MULTI_SAMPLE.split('\r').filter((s) => !s.startsWith('OBX') || s.includes('151708')).join('\r'));
    expect(onlyUnknown).toMatchObject({ ok: false, ack: 'AE' });
    expect(!onlyUnknown.ok && onlyUnknown.reason).toContain('OBX 9 151708: unknown_code');

    const adt = parsePcd01(SPO2_SAMPLE.replace('ORU^R01^ORU_R01', 'ADT^A01^ADT_A01'));
    expect(adt).toMatchObject({ ok: false, ack: 'AE', reason: 'Vigil accepts ORU^R01 only, not ADT^A01' });

    const anonymous = parsePcd01(SPO2_SAMPLE.replace('|||||||00AA11BB22CC33DD^EUI-64', '').replace('OxiGate^00AA11BB22CC33DD^EUI-64', ''));
    expect(anonymous).toMatchObject({ ok: false, ack: 'AE', reason: 'No equipment identifier: OBX-18 and MSH-3 are empty' });

    for (const garbage of ['', 'hello', 'PID|||1', '\u0000\u0001']) {
      expect(parsePcd01(garbage)).toMatchObject({ ok: false, ack: 'AR' });
    }
    expect(parsePcd01(SPO2_SAMPLE.replace('SPO2-77', ''))).toMatchObject({ ok: false, ack: 'AR', reason: 'MSH-10 (message control id) is empty' });
  });
});
