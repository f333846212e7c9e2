import fc from 'fast-check';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { formatHl7Time } from '../../src-main/core/monitor/hl7-time';
import { frameMllp, MLLP_START } from '../../src-main/core/monitor/mllp-framer';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { ackCode, openRawPeer } from '../support/mllp-client';
import { pcd01Message } from '../support/pcd01-samples';
import { useStaffedCore } from '../support/staffed-core';
import { callOk, countRows, openSession, readyToStart, type TestCore } from '../support/test-core';

let t: TestCore;
let staff: CoreConnection;
useStaffedCore((opened) => ({ t, staff } = opened));

const DEVICE = 'F0F0F0F0F0F0F0F0';
const RUNS = 40;
let port: number;
let sequence = 0;

function spo2Message(value: number, unit = '262688^MDC_DIM_PERCENT'): { controlId: string; raw: string } {
  sequence += 1;
  const controlId = `FZ-${sequence}`;
  const [unitCode = '', unitMnemonic = ''] = unit.split('^');
  const raw = pcd01Message({
    controlId,
    deviceId: DEVICE,
    observedAt: formatHl7Time(t.clock.now()),
    observations: [{ code: '150456', mnemonic: 'MDC_PULS_OXIM_SAT_O2', value, unitCode, unitMnemonic }],
  });
  return { controlId, raw };
}

/** Cuts a byte stream at the given fractions: TCP may deliver a frame in any pieces. */
function cut(bytes: Buffer, fractions: readonly number[]): Buffer[] {
  const points = [...new Set(fractions.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(bytes.subarray(from, point));
    from = point;
  }
  pieces.push(bytes.subarray(from));
  return pieces.filter((piece) => piece.length > 0);
}

beforeAll(async () => {
  await t.core.services.monitorLink.apply({ forcePort: 0 });
  port = (await callOk(staff, 'monitor/status', {})).listeningPort ?? 0;
  const { session } = await openSession(staff);
  await readyToStart(staff, session.id);
  await callOk(staff, 'device/bind', { deviceId: DEVICE, chair: session.chair });
});
afterAll(() => t.core.services.monitorLink.close());

describe('MLLP listener under fuzzed input (fast-check over real TCP)', () => {
  it('answers every valid message AA after random bytes, split and joined frames, refused and oversized messages; refused ones write nothing', async () => {
    const garbage = fc.uint8Array({ maxLength: 300 });
    const piece = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 80, max: 100 }).map((v) => ({ kind: 'valid' as const, value: v })) },
      { weight: 2, arbitrary: garbage.map((bytes) => ({ kind: 'garbage' as const, bytes })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'refused' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'unfinished' as const }) },
      { weight: 1, arbitrary: fc.constantFrom(1024 * 1024 + 1).map((bytes) => ({ kind: 'oversized' as const, bytes })) },
    );
    let cases = 0;
    let framesSent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 6 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), async (pieces, fractions) => {
        cases += 1;
        const before = { readings: countRows(t.databasePath, 'readings'), messages: countRows(t.databasePath, 'monitor_messages') };
        const expected: { controlId: string; code: 'AA' | 'AE' }[] = [];
        const parts: Buffer[] = [];
        let valid = 0;
        for (const p of pieces) {
          if (p.kind === 'valid') {
            const m = spo2Message(p.value);
            expected.push({ controlId: m.controlId, code: 'AA' });
            parts.push(frameMllp(m.raw));
            valid += 1;
          } else if (p.kind === 'refused') {
            const m = spo2Message(97, '266016^MDC_DIM_MMHG');
            expected.push({ controlId: m.controlId, code: 'AE' });
            parts.push(frameMllp(m.raw));
          } else if (p.kind === 'oversized') {
            const m = spo2Message(97);
            expected.push({ controlId: m.controlId, code: 'AE' });
            parts.push(frameMllp(m.raw + '\rNTE|1||' + 'x'.repeat(p.bytes)));
          } else if (p.kind === 'unfinished') {
            parts.push(Buffer.concat([Buffer.from([MLLP_START]), Buffer.from('MSH|^~\\&|half a message')]));
          } else {
            parts.push(Buffer.from(p.bytes));
          }
        }
        // Whatever came before, a well-formed message at the end must be answered AA.
        const last = spo2Message(90);
        expected.push({ controlId: last.controlId, code: 'AA' });
        parts.push(frameMllp(last.raw));
        valid += 1;
        framesSent += expected.length;

        const peer = await openRawPeer(port);
        for (const chunk of cut(Buffer.concat(parts), fractions)) peer.write(chunk);
        const answered: { code: string; controlId: string }[] = [];
        while (!answered.some((a) => a.controlId === last.controlId)) answered.push(...(await peer.acks(1)).map(ackCode));
        peer.close();
        // Each message is answered by its own control id, in order; garbage frames are answered AR without one.
        expect(answered.filter((a) => a.controlId !== '')).toEqual(expected);
        expect(answered.filter((a) => a.controlId === '').every((a) => a.code === 'AR')).toBe(true);
        expect({ readings: countRows(t.databasePath, 'readings'), messages: countRows(t.databasePath, 'monitor_messages') }).toEqual({
          readings: before.readings + valid,
          messages: before.messages + valid,
        });
      }),
      { numRuns: RUNS },
    );
    console.warn(`monitor fuzz: ${cases} cases, ${framesSent} well-formed frames among random bytes and splits, every one answered`);
    expect(cases).toBe(RUNS);
  });
});
