import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { infusingSession } from '../support/alert-fixtures';
import { useDoctorAndNurse } from '../support/staffed-core';
import { callErr, callOk, MINUTE, NURSE, type TestCore } from '../support/test-core';

let t: TestCore;
let physician: CoreConnection;
let nurse: CoreConnection;
useDoctorAndNurse(NURSE, (opened) => ({ t, doctor: physician, nurse } = opened));

const rateChange = (sessionId: number, rateMlPerHour: number, overrideReason?: string) => ({
  sessionId,
  event: { kind: 'rateChange' as const, rateMlPerHour, ...(overrideReason === undefined ? {} : { overrideReason }) },
});

/** What a refused change must leave as it was: the session's events and the audit trail's length. */
async function untouched(sessionId: number) {
  const { events } = await callOk(physician, 'session/get', { sessionId });
  const audit = await callOk(physician, 'audit/list', { limit: 500 });
  return { events, writes: audit.filter((entry) => entry.kind === 'write').length };
}

describe('a pump rate change is judged against the order (80 kg, 0.5 mg/kg over 40 min at 1 mg/mL: 60 mL/h; soft 0.75 mg/kg = 90 mL/h, hard 1 mg/kg = 120 mL/h)', () => {
  it('refuses a rate above the hard limit for everyone, saying which field, the limit and its unit, and writes nothing', async () => {
    const { session } = await infusingSession(t, nurse);
    expect((await callOk(nurse, 'session/get', { sessionId: session.id })).doseOrder).toMatchObject({ rateMlPerHour: 60 });
    const before = await untouched(session.id);
    for (const caller of [nurse, physician]) {
      const error = await callErr(caller, 'event/add', rateChange(session.id, 900, 'typed 900 for 90'));
      expect(error).toMatchObject({ code: 'value_out_of_range', field: 'event.rateMlPerHour', reason: 'rate_above_hard_limit', params: { value: 900, limit: 120, unit: 'mL/h' } });
      expect(error.message).toMatch(/900 mL\/h is above this order's hard limit 120 mL\/h/);
    }
    expect(await untouched(session.id)).toEqual(before);
  });

  it('lets a nurse slow the pump or set it up to the soft limit, and lets only a physician go above it, with a reason the record keeps', async () => {
    const { session } = await infusingSession(t, nurse);
    t.clock.advance(5 * MINUTE);
    await callOk(nurse, 'event/add', rateChange(session.id, 30));
    await callOk(nurse, 'event/add', rateChange(session.id, 90));

    const before = await untouched(session.id);
    expect(await callErr(nurse, 'event/add', rateChange(session.id, 100))).toMatchObject({
      code: 'forbidden',
      field: 'event.rateMlPerHour',
      reason: 'rate_above_soft_limit_needs_physician',
      params: { value: 100, limit: 90, unit: 'mL/h' },
    });
    // A reason does not make a nurse's override a physician's.
    expect(await callErr(nurse, 'event/add', rateChange(session.id, 100, 'patient asked'))).toMatchObject({ code: 'forbidden', reason: 'rate_above_soft_limit_needs_physician' });
    expect(await callErr(physician, 'event/add', rateChange(session.id, 100))).toMatchObject({
      code: 'override_required',
      field: 'event.overrideReason',
      reason: 'rate_above_soft_limit',
      params: { value: 100, limit: 90, unit: 'mL/h' },
    });
    expect(await callErr(physician, 'event/add', rateChange(session.id, 100, 'x'))).toMatchObject({ code: 'invalid_request', field: 'event.overrideReason' });
    // A reason on a rate within the limits would be kept and counted as an override that never was.
    expect(await callErr(physician, 'event/add', rateChange(session.id, 80, 'no reason needed'))).toMatchObject({
      code: 'invalid_request',
      field: 'event.overrideReason',
      reason: 'rate_override_not_needed',
      params: { value: 80, unit: 'mL/h' },
    });
    expect(await untouched(session.id)).toEqual(before);

    t.clock.advance(MINUTE);
    const set = await callOk(physician, 'event/add', rateChange(session.id, 100, 'Slow responder, per the treatment plan'));
    expect(set.event).toEqual({ kind: 'rateChange', rateMlPerHour: 100, overrideReason: 'Slow responder, per the treatment plan' });
    const detail = await callOk(nurse, 'session/get', { sessionId: session.id });
    expect(detail.delivered?.runningRateMlPerHour).toBe(100);
    const record = await callOk(physician, 'record/get', { sessionId: session.id });
    expect(record.rateChanges.map(({ rateMlPerHour, overrideReason }) => ({ rateMlPerHour, overrideReason }))).toEqual([
      { rateMlPerHour: 30, overrideReason: null },
      { rateMlPerHour: 90, overrideReason: null },
      { rateMlPerHour: 100, overrideReason: 'Slow responder, per the treatment plan' },
    ]);
    // The report keeps it too, beside the rate and who set it.
    const pdf = await callOk(physician, 'export/session', { sessionId: session.id, format: 'pdf' });
    const path = join(t.dataDir, 'rate-limits.pdf');
    writeFileSync(path, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('100 mL/h (Dr Ada Admin; soft limit overridden: Slow responder, per the treatment plan)');
    // The clinic report counts it among the overrides, for the session and for the clinic.
    const day = format(session.createdAt, 'yyyy-MM-dd');
    const report = await callOk(physician, 'report/clinic', { from: day, to: day });
    expect(report.overrides.rateSoftLimit).toBe(1);
    expect(report.sessions.find((row) => row.sessionId === session.id)?.overrides).toBe(1);
  });
});
