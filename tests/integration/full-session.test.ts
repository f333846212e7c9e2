import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract/channels';
import type { Phase } from '../../shared/domain/phase';
import type { Reading, ReadingValues } from '../../shared/domain/reading';
import type { SessionEventPayload } from '../../shared/domain/session-event';
import type { User } from '../../shared/domain/user';
import { ManualClock } from '../../src-main/core/clock';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import {
  ADMIN,
  addUser,
  aldrete,
  callOk,
  findProtocol,
  holdTickerInterval,
  MINUTE,
  newPatient,
  noContraindications,
  NURSE,
  openRaw,
  openTestCore,
  setUpAdmin,
  signIn,
  T0,
  type TestCore,
} from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

/**
 * One complete 'Depression — standard' session, screening to signature, for an 80 kg
 * patient, charted on the ManualClock as a nurse would; then Vigil is closed, the file is
 * opened again, and the stored record must reproduce every entry.
 *
 * Minutes from T0:  0 session opened (standing order 40 mg / 40 mL / 60 mL/h)
 *   2 screening   4 baseline   5 start (S)
 *   readings every 5 minutes; S+12 nausea, S+14 ondansetron, S+15 rate 60 -> 45 mL/h,
 *   S+18 a note (and one retracted), S+20 SBP 168 charted, corrected to 138 at S+21,
 *   S+22 pause, S+25 resume, S+30 SpO2 84 (probe off: acknowledged, then marked artifact),
 *   S+40 CADSS-6, S+43 stop after 40 minutes of infusing;
 *   recovery readings every 15 minutes, S+100 discharge assessment, S+103 discharge
 *   (60 minutes of recovery), S+110 close with the nurse's PIN.
 */

holdTickerInterval();
const dirs = useTempDirs('all');

const S = T0 + 5 * MINUTE;
const at = (minutesAfterStart: number) => S + minutesAfterStart * MINUTE;
const BASELINE: ReadingValues = { heartRateBpm: 72, systolicMmHg: 122, diastolicMmHg: 76, spo2Pct: 98, respiratoryRatePerMin: 14, dissociationLevel: 0 };
const CADSS = { 1: 2, 2: 1, 6: 1, 7: 0, 15: 2, 22: 1 };
const ALDRETE = aldrete({ oxygenSaturation: 1 });

/** Everything the run produced or saw, checked after the file is reopened. */
interface Run {
  dataDir: string;
  nurseUser: User;
  sessionId: number;
  patientId: number;
  /** Every reading charted, in order, with what was sent. */
  charted: { reading: Reading; sent: ReadingValues }[];
  corrected: { original: Reading; correction: Reading; originalRowBefore: Record<string, unknown> };
  artifact: Reading;
  events: { payload: SessionEventPayload; observedAt: number; userName: string }[];
  retractedNoteId: number;
  /** session/get at the moments the dose estimate is checked. */
  deliveredAt: Record<string, ResponseOf<'session/get'>['delivered']>;
  orderShown: ResponseOf<'session/get'>['doseOrder'];
  /** Technical alerts the sweep raised during the run (a well-charted session: none). */
  technicalDuringRun: string[];
  before: ResponseOf<'session/get'>;
  closedAt: number;
}

let run: Run;
/** The reopened core, and its session screen. */
let reopened: TestCore;
let after: ResponseOf<'session/get'>;

function rawRows(databasePath: string, sql: string, ...params: unknown[]): Record<string, unknown>[] {
  const raw = openRaw(databasePath);
  try {
    return raw.prepare(sql).all(...params) as Record<string, unknown>[];
  } finally {
    raw.close();
  }
}

async function runTheSession(): Promise<Run> {
  const dataDir = dirs.make();
  const t = openTestCore(dataDir);
  const { connection: physician } = await setUpAdmin(t.core);
  const { connection: nurse, user: nurseUser } = await addUser(t.core, physician, NURSE, ['nurse']);
  const charted: Run['charted'] = [];
  const events: Run['events'] = [];
  const technicalDuringRun: string[] = [];
  const deliveredAt: Run['deliveredAt'] = {};

  /** Moves the clock to a time and lets the monitoring sweep look, as the ticker would. */
  const clockTo = (time: number) => {
    t.clock.advance(time - t.clock.now());
    t.core.services.monitoring.sweep(t.clock.now());
  };
  const chart = async (sent: ReadingValues, connection: CoreConnection = nurse) => {
    const { reading } = await callOk(connection, 'reading/add', { sessionId, values: sent });
    charted.push({ reading, sent });
    return reading;
  };
  const addEvent = async (payload: SessionEventPayload, connection: CoreConnection = nurse, userName: string = NURSE.displayName) => {
    const event = await callOk(connection, 'event/add', { sessionId, event: payload });
    events.push({ payload, observedAt: t.clock.now(), userName });
    return event;
  };
  const transition = (action: 'startInfusion' | 'pauseInfusion' | 'resumeInfusion' | 'stopInfusion' | 'discharge', connection: CoreConnection = nurse) =>
    callOk(connection, 'session/transition', { sessionId, action });
  const detail = () => callOk(nurse, 'session/get', { sessionId });
  const vitals = (systolicMmHg: number, diastolicMmHg: number, heartRateBpm: number, extra: ReadingValues = {}): ReadingValues => ({
    heartRateBpm,
    systolicMmHg,
    diastolicMmHg,
    spo2Pct: 98,
    ...extra,
  });

  // 0: patient and session; the protocol's standing order is on screen before anything else.
  const protocol = await findProtocol(nurse);
  const patient = await callOk(nurse, 'patient/create', newPatient({ weightKg: 80 }));
  const session = await callOk(nurse, 'session/create', { patientId: patient.id, chair: 'Chair 1', protocolId: protocol.id });
  const sessionId = session.id;
  const orderShown = (await detail()).doseOrder;

  clockTo(T0 + 2 * MINUTE);
  await callOk(nurse, 'screening/record', {
    sessionId,
    contraindications: noContraindications(),
    coMedications: [{ name: 'Sertraline', medicationClass: 'other' }],
    consentGiven: true,
    escortArranged: true,
  });
  clockTo(T0 + 4 * MINUTE);
  await chart(BASELINE);
  clockTo(S);
  await transition('startInfusion');

  clockTo(at(5));
  await chart(vitals(126, 78, 76, { dissociationLevel: 1 }));
  clockTo(at(10));
  await chart(vitals(132, 80, 80, { dissociationLevel: 2 }));
  clockTo(at(12));
  await addEvent({ kind: 'sideEffect', effect: 'nausea' });
  clockTo(at(14));
  await addEvent({ kind: 'medication', name: 'Ondansetron', dose: 4, unit: 'mg', route: 'IV' });
  clockTo(at(15));
  await chart(vitals(134, 82, 78));
  deliveredAt.beforeRateChange = (await detail()).delivered;
  await addEvent({ kind: 'rateChange', rateMlPerHour: 45 });
  clockTo(at(18));
  await addEvent({ kind: 'note', text: 'Calm, eyes closed, music on' });
  const wrongNote = await callOk(nurse, 'event/add', { sessionId, event: { kind: 'note', text: 'Asked for a blanket' } });
  await callOk(nurse, 'event/retract', { eventId: wrongNote.id, reason: 'Entered on the wrong chair' });

  clockTo(at(20));
  const typo = await chart(vitals(168, 88, 84));
  deliveredAt.at20 = (await detail()).delivered;
  clockTo(at(21));
  const originalRowBefore = rawRows(t.databasePath, 'SELECT * FROM readings WHERE id = ?', typo.id)[0] ?? {};
  const { reading: correction } = await callOk(nurse, 'reading/correct', {
    readingId: typo.id,
    values: vitals(138, 88, 84),
    reason: 'Typed 168 for 138',
  });
  clockTo(at(22));
  await transition('pauseInfusion');
  deliveredAt.atPause = (await detail()).delivered;
  clockTo(at(24));
  deliveredAt.duringPause = (await detail()).delivered;
  clockTo(at(25));
  await transition('resumeInfusion');
  await chart(vitals(136, 84, 80));

  clockTo(at(30));
  const probeOff = await chart(vitals(136, 84, 80, { spo2Pct: 84 }));
  const spo2Alert = (await callOk(nurse, 'alert/list', { sessionId, state: 'active' })).find((a) => a.ruleId === 'spo2-below-88');
  if (!spo2Alert) throw new Error('expected the SpO2 84 to raise an alert');
  await callOk(physician, 'alert/acknowledge', { alertId: spo2Alert.id, note: 'Check the probe' });
  clockTo(at(31));
  await callOk(nurse, 'reading/annotate', { readingId: probeOff.id, kind: 'artifact', reason: 'Probe slipped off the finger' });
  await chart(vitals(136, 84, 80, { spo2Pct: 97 }));
  clockTo(at(35));
  await chart(vitals(142, 86, 82, { dissociationLevel: 2 }));
  clockTo(at(40));
  await chart(vitals(144, 86, 82, { dissociationLevel: 2, respiratoryRatePerMin: 16 }));
  await addEvent({ kind: 'cadss6', items: CADSS }, physician, ADMIN.displayName);
  clockTo(at(43));
  await chart(vitals(140, 84, 80, { dissociationLevel: 1 }));
  await transition('stopInfusion');
  deliveredAt.atStop = (await detail()).delivered;

  for (const minute of [58, 73, 88]) {
    clockTo(at(minute));
    await chart(vitals(132 - (minute - 58) / 5, 80, 76, { dissociationLevel: 0 }));
  }
  clockTo(at(100));
  await callOk(nurse, 'discharge/assess', { sessionId, aldrete: ALDRETE, escortPresent: true, noDrivingInstructionGiven: true });
  clockTo(at(103));
  await chart(vitals(124, 78, 72, { dissociationLevel: 0 }));
  await transition('discharge', physician);
  deliveredAt.afterDischarge = (await detail()).delivered;
  clockTo(at(110));
  await callOk(nurse, 'session/transition', { sessionId, action: 'close', pin: NURSE.pin });

  for (const alert of await callOk(nurse, 'alert/list', { sessionId, state: 'all' })) if (alert.kind === 'technical') technicalDuringRun.push(alert.ruleId);
  const before = await detail();
  const closedAt = t.clock.now();
  t.core.close();
  expect(t.logger.errors()).toEqual([]);

  return {
    dataDir,
    nurseUser,
    sessionId,
    patientId: patient.id,
    charted,
    corrected: { original: typo, correction, originalRowBefore },
    artifact: probeOff,
    events,
    retractedNoteId: wrongNote.id,
    deliveredAt,
    orderShown,
    technicalDuringRun,
    before,
    closedAt,
  };
}

beforeAll(async () => {
  run = await runTheSession();
  // A day later, Vigil starts again on the same folder.
  reopened = openTestCore(run.dataDir, new ManualClock(run.closedAt + 24 * 60 * MINUTE));
  const staff = await signIn(reopened.core, NURSE.username, NURSE.pin);
  after = await callOk(staff, 'session/get', { sessionId: run.sessionId });
});
afterAll(() => {
  reopened.core.close();
  expect(reopened.logger.errors()).toEqual([]);
});

describe('during the session', () => {
  it("showed the protocol's standing order: 80 kg at 0.5 mg/kg is 40 mg, 40 mL at 1 mg/mL, 60 mL/h over 40 minutes", () => {
    expect(run.orderShown).toMatchObject({ orderKind: 'perKgTotal', dosePerKg: 0.5, weightKg: 80, concentrationMgPerMl: 1, durationMinutes: 40, totalDoseMg: 40, volumeMl: 40, rateMlPerHour: 60, limitVerdict: 'within' });
  });

  it('estimated the delivered dose from the rate in force: 60 mL/h for 15 min, then 45 mL/h, nothing while paused', () => {
    const figures = Object.fromEntries(Object.entries(run.deliveredAt).map(([at, d]) => [at, d && { volumeMl: d.volumeMl, doseMg: d.doseMg }]));
    expect(figures).toEqual({
      // 60 mL/h x 15 min.
      beforeRateChange: { volumeMl: 15, doseMg: 15 },
      // + 45 mL/h x 5 min = 18.75.
      at20: { volumeMl: 18.8, doseMg: 18.8 },
      // + 45 mL/h x 7 min = 20.25.
      atPause: { volumeMl: 20.3, doseMg: 20.3 },
      duringPause: { volumeMl: 20.3, doseMg: 20.3 },
      // + 45 mL/h x 18 min after the resume = 33.75.
      atStop: { volumeMl: 33.8, doseMg: 33.8 },
      afterDischarge: { volumeMl: 33.8, doseMg: 33.8 },
    });
    // The rate each figure is carried forward at on the screen: the pump's, only while it runs.
    const rates = Object.fromEntries(Object.entries(run.deliveredAt).map(([at, d]) => [at, d?.runningRateMlPerHour]));
    expect(rates).toEqual({ beforeRateChange: 60, at20: 45, atPause: 0, duringPause: 0, atStop: 0, afterDischarge: 0 });
  });

  it('raised no technical alert: every check was charted on time', () => {
    expect(run.technicalDuringRun).toEqual([]);
  });
});

describe('the reopened file', () => {
  it('shows the same session screen as before the close (only the clock moved)', () => {
    const clockless = (detail: typeof after) => ({ ...detail, timer: { ...detail.timer, nowAt: 0 }, delivered: detail.delivered && { ...detail.delivered, asOf: 0 } });
    expect(clockless(after)).toEqual(clockless(run.before));
  });

  it('reproduces every reading charted: values, observed and recorded times, who charted it', () => {
    expect(after.readings).toHaveLength(run.charted.length + 1);
    for (const { reading, sent } of run.charted) {
      const stored = after.readings.find((r) => r.id === reading.id);
      expect(stored, `reading ${reading.id}`).toBeDefined();
      expect(stored?.values).toMatchObject(sent);
      expect(stored).toMatchObject({ observedAt: reading.observedAt, recordedAt: reading.recordedAt, recordedByName: NURSE.displayName, late: false });
    }
    expect(after.readings.map((r) => r.observedAt)).toEqual([...after.readings.map((r) => r.observedAt)].sort((a, b) => a - b));
    expect(after.readings.find((r) => r.id === run.charted[0]?.reading.id)).toMatchObject({ observedAt: T0 + 4 * MINUTE, values: { ...BASELINE, meanArterialMmHg: 91 } });
  });

  it('keeps the corrected original exactly as it was, superseded by the correction with its reason', () => {
    const { original, correction, originalRowBefore } = run.corrected;
    const [originalRow] = rawRows(reopened.databasePath, 'SELECT * FROM readings WHERE id = ?', original.id);
    expect(originalRow).toEqual(originalRowBefore);
    expect(originalRow).toMatchObject({ systolic_mmhg: 168, supersedes_id: null, correction_reason: null, observed_at: at(20), recorded_at: at(20) });
    const [correctionRow] = rawRows(reopened.databasePath, 'SELECT * FROM readings WHERE id = ?', correction.id);
    expect(correctionRow).toMatchObject({ systolic_mmhg: 138, supersedes_id: original.id, correction_reason: 'Typed 168 for 138', observed_at: at(20), recorded_at: at(21) });

    expect(after.readings.find((r) => r.id === original.id)).toMatchObject({ values: { systolicMmHg: 168 }, supersededById: correction.id, correctionReason: null });
    expect(after.readings.find((r) => r.id === correction.id)).toMatchObject({
      values: { systolicMmHg: 138, diastolicMmHg: 88 },
      supersedesId: original.id,
      supersededById: null,
      correctionReason: 'Typed 168 for 138',
      observedAt: at(20),
      recordedAt: at(21),
      recordedByName: NURSE.displayName,
    });
  });

  it('keeps the artifact reading, marked, with who marked it and why', () => {
    expect(after.readings.find((r) => r.id === run.artifact.id)).toMatchObject({
      values: { spo2Pct: 84 },
      artifact: { reason: 'Probe slipped off the finger', at: at(31), userName: NURSE.displayName },
    });
  });

  it('has the alerts and what became of them: the corrected SBP and the acknowledged artifact SpO2', () => {
    expect(after.alerts.map((a) => [a.ruleId, a.priority, a.value, a.raisedAt, a.state, a.resolvedReason, a.resolvedAt])).toEqual([
      ['sbp-above-160', 'medium', 168, at(20), 'resolved', 'corrected', at(21)],
      ['spo2-below-88', 'high', 84, at(30), 'resolved', 'artifact', at(31)],
    ]);
    expect(after.alerts[1]).toMatchObject({ acknowledgedAt: at(30), acknowledgedByName: ADMIN.displayName, acknowledgeNote: 'Check the probe' });
  });

  it('has every phase change with its time and user', () => {
    const expected: [Phase | null, Phase, number, string][] = [
      [null, 'screening', T0, NURSE.displayName],
      ['screening', 'infusing', S, NURSE.displayName],
      ['infusing', 'paused', at(22), NURSE.displayName],
      ['paused', 'infusing', at(25), NURSE.displayName],
      ['infusing', 'recovery', at(43), NURSE.displayName],
      ['recovery', 'discharged', at(103), ADMIN.displayName],
      ['discharged', 'closed', at(110), NURSE.displayName],
    ];
    expect(after.phaseEvents.map((e) => [e.fromPhase, e.toPhase, e.at, e.userName])).toEqual(expected);
    expect(after.timer).toMatchObject({
      phase: 'closed',
      infusionStartedAt: S,
      infusionEndedAt: at(43),
      infusionElapsedMs: 40 * MINUTE,
      infusionRemainingMs: 0,
      pausedElapsedMs: 3 * MINUTE,
      recoveryStartedAt: at(43),
      recoveryElapsedMs: 60 * MINUTE,
      totalElapsedMs: 103 * MINUTE,
    });
  });

  it('has every session event with its time and user, the retracted note struck through, not gone', () => {
    const kept = after.events.filter((e) => e.id !== run.retractedNoteId);
    expect(kept.map((e) => ({ payload: e.event, observedAt: e.observedAt, userName: e.userName }))).toEqual(run.events);
    for (const event of kept) expect(event).toMatchObject({ retraction: null, late: false, recordedAt: event.observedAt });
    expect(after.events.find((e) => e.id === run.retractedNoteId)).toMatchObject({
      event: { kind: 'note', text: 'Asked for a blanket' },
      retraction: { reason: 'Entered on the wrong chair', at: at(18), userName: NURSE.displayName },
    });
    expect(after.events.find((e) => e.event.kind === 'cadss6')?.event).toEqual({ kind: 'cadss6', items: CADSS });
  });

  it('has the dose order, and the delivered estimate computed again from the stored rate change', () => {
    expect(after.protocol).toMatchObject({ name: 'Depression — standard', version: 1 });
    expect(after.doseOrder).toEqual({ ...run.orderShown });
    expect(after.doseOrder).toMatchObject({ at: T0, userName: NURSE.displayName, overrideReason: null });
    expect(after.delivered).toMatchObject({ volumeMl: 33.8, doseMg: 33.8, runningRateMlPerHour: 0 });
  });

  it('has the screening, the discharge assessment and the signature', () => {
    expect(after.screening).toEqual({
      id: expect.any(Number),
      sessionId: run.sessionId,
      contraindications: noContraindications(),
      coMedications: [{ name: 'Sertraline', medicationClass: 'other' }],
      consentGiven: true,
      escortArranged: true,
      at: T0 + 2 * MINUTE,
      userName: NURSE.displayName,
    });
    expect(after.overrides).toEqual([]);
    expect(after.dischargeAssessment).toEqual({
      id: expect.any(Number),
      sessionId: run.sessionId,
      aldrete: ALDRETE,
      aldreteTotal: 9,
      escortPresent: true,
      noDrivingInstructionGiven: true,
      at: at(100),
      userName: NURSE.displayName,
    });
    expect(after.signedByName).toBe(NURSE.displayName);
    expect(rawRows(reopened.databasePath, 'SELECT meaning, at, user_id FROM signatures WHERE session_id = ?', run.sessionId)).toEqual([
      { meaning: 'close', at: at(110), user_id: run.nurseUser.id },
    ]);
    expect(after.startBlockers).toEqual([]);
    expect(after.dischargeBlockers).toEqual([]);
  });

  it('shows the checks as they were met: BP before dosing, at 40 minutes and before discharge', () => {
    expect(after.dueChecks).toEqual({
      nextVitalsDueAt: null,
      vitalsOverdue: false,
      overdueByMs: 0,
      intervalMinutes: null,
      checkpoints: [
        { id: 'bpBeforeDosing', status: 'done', dueAt: S, doneAt: T0 + 4 * MINUTE },
        { id: 'bpAt40Minutes', status: 'done', dueAt: at(40), doneAt: at(40) },
        { id: 'bpBeforeDischarge', status: 'done', dueAt: at(103), doneAt: at(103) },
      ],
    });
  });

  it("lists the session in the patient's history with its peaks from current readings", async () => {
    const staff = await signIn(reopened.core, ADMIN.username, ADMIN.pin);
    const history = await callOk(staff, 'patient/history', { patientId: run.patientId });
    expect(history.sessions).toEqual([
      {
        session: after.session,
        protocolName: 'Depression — standard',
        totalDoseMg: 40,
        infusionStartedAt: S,
        // 168 was corrected to 138; the 144 at 40 minutes is the peak.
        peakSystolicMmHg: 144,
        peakDiastolicMmHg: 88,
        peakDissociationLevel: 2,
        // No MOAA/S was charted and no PHQ-9 recorded in this run.
        lowestMoaasScore: null,
        dosePerKg: 0.5,
        phq9: null,
        alertCounts: { high: 1, medium: 1, low: 0 },
      },
    ]);
  });
});
