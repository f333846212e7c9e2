import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/domain/session';
import type { Patient } from '../../shared/domain/patient';
import { formatHl7Time } from '../../src-main/core/monitor/hl7-time';
import { frameMllp } from '../../src-main/core/monitor/mllp-framer';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { ackCode, openHl7Client, openRawPeer } from '../support/mllp-client';
import { pcd01Message, type SampleObservation } from '../support/pcd01-samples';
import { useStaffedCore } from '../support/staffed-core';
import { callErr, callOk, countRows, openRaw, openSession, readyToStart, type TestCore } from '../support/test-core';

const SPO2 = (value: number | string): SampleObservation => ({ code: '150456', mnemonic: 'MDC_PULS_OXIM_SAT_O2', value, unitCode: '262688', unitMnemonic: 'MDC_DIM_PERCENT' });
const PULSE = (value: number): SampleObservation => ({ code: '149530', mnemonic: 'MDC_PULS_OXIM_PULS_RATE', value, unitCode: '264864', unitMnemonic: 'MDC_DIM_BEAT_PER_MIN' });
const NIBP = (sys: number, dia: number, mean: number): SampleObservation[] => [
  { code: '150021', mnemonic: 'MDC_PRESS_BLD_NONINV_SYS', value: sys, unitCode: '266016', unitMnemonic: 'MDC_DIM_MMHG' },
  { code: '150022', mnemonic: 'MDC_PRESS_BLD_NONINV_DIA', value: dia, unitCode: '266016', unitMnemonic: 'MDC_DIM_MMHG' },
  { code: '150023', mnemonic: 'MDC_PRESS_BLD_NONINV_MEAN', value: mean, unitCode: '266016', unitMnemonic: 'MDC_DIM_MMHG' },
];

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

let port: number;
let session: Session;
let patient: Patient;
let sequence = 0;
const DEVICE = '0012345678ABCDEF';

function message(observations: SampleObservation[], options: { deviceId?: string; patientId?: string; controlId?: string } = {}): string {
  sequence += 1;
  return pcd01Message({
    controlId: options.controlId ?? `IT-${sequence}`,
    deviceId: options.deviceId ?? DEVICE,
    observedAt: formatHl7Time(t.clock.now()),
    observations,
    ...(options.patientId === undefined ? {} : { patientId: options.patientId }),
  });
}

beforeAll(async () => {
  await t.core.services.monitorLink.apply({ forcePort: 0 });
  port = (await callOk(staff, 'monitor/status', {})).listeningPort ?? 0;
  ({ session, patient } = await openSession(staff));
  await readyToStart(staff, session.id);
  await callOk(staff, 'device/bind', { deviceId: DEVICE, chair: session.chair });
});
afterAll(() => t.core.services.monitorLink.close());

describe('bedside monitor over MLLP (an independent HL7 client over real TCP)', () => {
  it('charts a bound monitor\'s ORU^R01 into the chair\'s open session, answered AA, as unvalidated monitor readings with a measured MAP', async () => {
    expect(port).toBeGreaterThan(0);
    const events: { name: string; source?: string }[] = [];
    const unsubscribe = staff.onEvent((name, payload) => events.push({ name, ...(name === 'reading/added' ? { source: (payload as { source: string }).source } : {}) }));
    const client = await openHl7Client(port);
    try {
      const ack = await client.send(message([SPO2(97), PULSE(71), ...NIBP(124, 78, 95)], { patientId: patient.mrn }));
      expect(ack).toEqual({ code: 'AA', controlId: `IT-${sequence}`, text: '' });
    } finally {
      await client.close();
      unsubscribe();
    }
    // The row itself reaches the windows (they merge it; no reload), and the session's live row after it.
    expect(events.filter((e) => e.name === 'reading/added')).toEqual([{ name: 'reading/added', source: 'monitor' }]);
    expect(events.map((e) => e.name)).toContain('session/updated');
    // One act under the monitor account: the message, its reading and its audit entry committed together.
    const db = openRaw(t.databasePath);
    try {
      const entry = db.prepare("SELECT actor, kind, outcome, detail_json, (SELECT COUNT(*) FROM audit_entry_rows r WHERE r.seq = a.seq) AS rows FROM audit_log a WHERE channel = 'monitor/message' ORDER BY seq DESC LIMIT 1").get();
      expect(entry).toMatchObject({ actor: '~monitor', kind: 'write', outcome: 'ok' });
      expect(JSON.parse((entry as { detail_json: string }).detail_json)).toMatchObject({ deviceId: DEVICE, controlId: `IT-${sequence}` });
      expect((entry as { rows: number }).rows).toBeGreaterThanOrEqual(2);
    } finally {
      db.close();
    }
    expect((await t.core.verifyRecord()).intact).toBe(true);
    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    const fromMonitor = detail.readings.filter((r) => r.source === 'monitor');
    expect(fromMonitor).toHaveLength(1);
    expect(fromMonitor[0]).toMatchObject({
      values: { spo2Pct: 97, heartRateBpm: 71, systolicMmHg: 124, diastolicMmHg: 78, meanArterialMmHg: 95 },
      mapSource: 'measured',
      deviceId: DEVICE,
      recordedByName: 'Monitor',
      observedAt: t.clock.now(),
      validation: null,
    });
    const devices = await callOk(staff, 'device/list', {});
    expect(devices).toEqual([expect.objectContaining({ deviceId: DEVICE, chair: session.chair, lastMessageAt: t.clock.now() })]);
  });

  it('announces a monitor connecting and hanging up once each (monitor/changed), not with every message it sends', async () => {
    const heard: string[] = [];
    const unsubscribe = staff.onEvent((name) => heard.push(name));
    const client = await openHl7Client(port);
    try {
      for (let n = 0; n < 3; n++) expect((await client.send(message([SPO2(96)]))).code).toBe('AA');
      expect(heard.filter((name) => name === 'reading/added')).toHaveLength(3);
      expect(heard.filter((name) => name === 'monitor/changed')).toHaveLength(1);
    } finally {
      await client.close();
    }
    await expect.poll(() => heard.filter((name) => name === 'monitor/changed').length).toBe(2);
    unsubscribe();
  });

  it('answers a resent message (same control id) AA again without charting it twice', async () => {
    const raw = message([SPO2(95)]);
    const peer = await openRawPeer(port);
    peer.write(Buffer.concat([frameMllp(raw), frameMllp(raw)]));
    const acks = (await peer.acks(2)).map(ackCode);
    peer.close();
    expect(acks).toEqual([
      { code: 'AA', controlId: `IT-${sequence}` },
      { code: 'AA', controlId: `IT-${sequence}` },
    ]);
    expect(countRows(t.databasePath, 'readings', `session_id = ${session.id} AND spo2_pct = 95`)).toBe(1);
  });

  it('holds (AA, stored) messages from an unknown device or for another patient; the nurse assigns or discards them', async () => {
    const client = await openHl7Client(port);
    const unknown = await client.send(message([SPO2(93)], { deviceId: 'FFFF0000FFFF0000' }));
    const otherPatient = await client.send(message([SPO2(92)], { patientId: 'MRN-SOMEONE-ELSE' }));
    await client.close();
    expect([unknown.code, otherPatient.code]).toEqual(['AA', 'AA']);
    const held = await callOk(staff, 'monitor/held', {});
    expect(held.map((h) => [h.deviceId, h.holdReason, h.readings[0]?.values])).toEqual([
      [DEVICE, 'patient_mismatch', { spo2Pct: 92 }],
      ['FFFF0000FFFF0000', 'unbound_device', { spo2Pct: 93 }],
    ]);
    const assigned = await callOk(staff, 'monitor/assign', { messageId: held[1]?.id ?? 0, sessionId: session.id });
    expect(assigned).toEqual([expect.objectContaining({ sessionId: session.id, source: 'monitor', deviceId: 'FFFF0000FFFF0000', values: { spo2Pct: 93 } })]);
    await callOk(staff, 'monitor/discard', { messageId: held[0]?.id ?? 0, reason: 'Monitor still set to the previous patient' });
    expect(await callOk(staff, 'monitor/held', {})).toEqual([]);
    expect((await callErr(staff, 'monitor/discard', { messageId: held[0]?.id ?? 0, reason: 'again' })).code).toBe('not_found');
  });

  it('refuses (AE, with the reason) a message with nothing Vigil charts, and rejects (AR) what is not HL7; neither writes anything', async () => {
    const before = { messages: countRows(t.databasePath, 'monitor_messages'), readings: countRows(t.databasePath, 'readings') };
    const client = await openHl7Client(port);
    const wrongUnit = await client.send(message([{ ...SPO2(97), unitCode: '266016', unitMnemonic: 'MDC_DIM_MMHG' }]));
    await client.close();
    expect(wrongUnit.code).toBe('AE');
    expect(wrongUnit.text).toContain('wrong_unit');

    const peer = await openRawPeer(port);
    peer.write(frameMllp('this is not HL7'));
    peer.write(frameMllp(message([SPO2(97)]).replace('ORU^R01^ORU_R01', 'ADT^A01^ADT_A01')));
    const [ar, ae] = (await peer.acks(2)).map(ackCode);
    peer.close();
    expect(ar).toEqual({ code: 'AR', controlId: '' });
    expect(ae).toEqual({ code: 'AE', controlId: `IT-${sequence}` });
    expect({ messages: countRows(t.databasePath, 'monitor_messages'), readings: countRows(t.databasePath, 'readings') }).toEqual(before);
  });

  it('the nurse validates monitor values (who and when is recorded); a typed reading is not a monitor value to validate', async () => {
    const detail = await callOk(staff, 'session/get', { sessionId: session.id });
    const unvalidated = detail.readings.filter((r) => r.source === 'monitor' && r.validation === null).map((r) => r.id);
    expect(unvalidated.length).toBeGreaterThanOrEqual(2);
    const validated = await callOk(staff, 'reading/validate', { readingIds: unvalidated });
    expect(validated.map((r) => r.validation)).toEqual(unvalidated.map(() => ({ at: t.clock.now(), userName: 'Dr Ada Admin' })));
    // Validating again changes nothing.
    expect(await callOk(staff, 'reading/validate', { readingIds: unvalidated })).toEqual([]);
    const typed = detail.readings.find((r) => r.source === 'manual');
    expect(await callErr(staff, 'reading/validate', { readingIds: [typed?.id ?? 0] })).toMatchObject({ reason: 'not_monitor_reading' });
  });

  it('a single spike from the monitor does not alarm; the second consecutive violating monitor value raises the alert (the clinic\'s monitor confirmation)', async () => {
    const alertsOf = async () => (await callOk(staff, 'alert/list', { sessionId: session.id, state: 'active' })).filter((a) => a.parameter === 'spo2Pct');
    const client = await openHl7Client(port);
    t.clock.advance(5_000);
    expect((await client.send(message([SPO2(84)]))).code).toBe('AA');
    expect(await alertsOf()).toEqual([]);
    t.clock.advance(5_000);
    expect((await client.send(message([SPO2(97)]))).code).toBe('AA');
    t.clock.advance(5_000);
    expect((await client.send(message([SPO2(85)]))).code).toBe('AA');
    expect(await alertsOf()).toEqual([]);
    t.clock.advance(5_000);
    expect((await client.send(message([SPO2(85)]))).code).toBe('AA');
    await client.close();
    expect(await alertsOf()).toEqual([expect.objectContaining({ ruleId: 'spo2-below-88', priority: 'high', value: 85 })]);
  });

  it('a monitor value that stays violating for the clinic\'s confirmation seconds alarms at the sweep, without a second value', async () => {
    const device = '00AA00BB00CC00DD';
    const { session: other } = await openSession(staff);
    await readyToStart(staff, other.id);
    await callOk(staff, 'device/bind', { deviceId: device, chair: other.chair });
    const alertsOf = async () => (await callOk(staff, 'alert/list', { sessionId: other.id, state: 'active' })).filter((a) => a.parameter === 'spo2Pct');
    const client = await openHl7Client(port);
    expect((await client.send(message([SPO2(84)], { deviceId: device }))).code).toBe('AA');
    await client.close();
    t.clock.advance(29_000);
    t.core.services.monitoring.sweep();
    expect(await alertsOf()).toEqual([]);
    t.clock.advance(1_000);
    t.core.services.monitoring.sweep();
    expect(await alertsOf()).toEqual([expect.objectContaining({ ruleId: 'spo2-below-88', value: 84 })]);
  });

  it('binding is the admin\'s; the settings are versions with who and why; a LAN address needs an allow-list', async () => {
    const refused = await callErr(staff, 'monitor/configure', { settings: { enabled: true, port: 0, bindAddress: '0.0.0.0', allowedAddresses: [] }, reason: 'Open to the ward network' });
    expect(refused).toMatchObject({ code: 'invalid_request', field: 'settings.allowedAddresses' });
    await callOk(staff, 'monitor/configure', { settings: { enabled: true, port: 0, bindAddress: '127.0.0.1', allowedAddresses: [] }, reason: 'Monitors through the local gateway' });
    // The listener restarts after the act commits.
    await t.core.services.monitorLink.settled();
    const status = await callOk(staff, 'monitor/status', {});
    expect(status).toMatchObject({ settings: { enabled: true, bindAddress: '127.0.0.1' }, changed: { userName: 'Dr Ada Admin', reason: 'Monitors through the local gateway' }, error: null });
    expect(status.listeningPort).toBeGreaterThan(0);
    port = status.listeningPort ?? 0;
    const client = await openHl7Client(port);
    expect((await client.send(message([SPO2(96)]))).code).toBe('AA');
    await client.close();
  });

  it('binds a monitor only to one of the clinic\'s chairs (those sessions were opened in or monitors bound to); a chair it does not have is refused by field and writes nothing', async () => {
    const chairs = await callOk(staff, 'chair/list', {});
    expect(chairs).toContain(session.chair);
    const before = countRows(t.databasePath, 'device_bindings');
    expect(await callErr(staff, 'device/bind', { deviceId: 'FFEE000000000001', chair: 'No Such Chair' })).toMatchObject({ code: 'invalid_request', field: 'chair', reason: 'unknown_chair', params: { chair: 'No Such Chair' } });
    expect(countRows(t.databasePath, 'device_bindings')).toBe(before);
    expect((await callOk(staff, 'device/list', {})).map((device) => device.deviceId)).not.toContain('FFEE000000000001');
    await callOk(staff, 'device/bind', { deviceId: 'FFEE000000000001', chair: session.chair });
    await callOk(staff, 'device/bind', { deviceId: 'FFEE000000000001', chair: null });
    expect(await callOk(staff, 'chair/list', {})).toEqual(chairs);
  });

  it('a bound monitor silent during an infusion for longer than the clinic\'s limit raises a low technical alert; its next message ends it', async () => {
    const silentDevice = 'ABCDEF0123456789';
    const { session: infusing } = await openSession(staff);
    await readyToStart(staff, infusing.id);
    await callOk(staff, 'session/transition', { sessionId: infusing.id, action: 'startInfusion' });
    await callOk(staff, 'device/bind', { deviceId: silentDevice, chair: infusing.chair });
    const silent = async () => (await callOk(staff, 'alert/list', { sessionId: infusing.id, state: 'active' })).filter((a) => a.ruleId === 'monitorSilent');
    // The limit is the clinic's, stored as data: a physician sets 60 s with a reason.
    const { config } = await callOk(staff, 'clinic/getConfig', {});
    expect(config.monitorFeed).toEqual({ confirmationReadings: 2, confirmationSeconds: 30, silenceLimitSeconds: 120 });
    await callOk(staff, 'clinic/setConfig', { config: { ...config, monitorFeed: { ...config.monitorFeed, silenceLimitSeconds: 60 } }, reason: 'Ward monitors send every 15 s' });
    t.clock.advance(60 * 1000);
    t.core.services.monitoring.sweep();
    expect(await silent()).toEqual([]);
    t.clock.advance(1_000);
    t.core.services.monitoring.sweep();
    expect(await silent()).toEqual([expect.objectContaining({ kind: 'technical', priority: 'low' })]);
    const client = await openHl7Client(port);
    expect((await client.send(message([SPO2(97)], { deviceId: silentDevice }))).code).toBe('AA');
    await client.close();
    t.core.services.monitoring.sweep();
    expect(await silent()).toEqual([]);
  });
});
