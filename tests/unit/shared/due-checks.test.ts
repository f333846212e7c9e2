import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_IDS,
  DEFAULT_MONITORING_SCHEDULE,
  DueChecksSchema,
  MonitoringScheduleSchema,
  computeDueChecks,
  type Checkpoint,
  type CheckpointId,
  type MonitoringReading,
  type MonitoringSchedule,
} from '../../../shared/clinical/due-checks';
import { allowedActions, nextPhase } from '../../../shared/clinical/phase-machine';
import type { PhaseChange } from '../../../shared/clinical/session-timer';
import type { Phase, PhaseAction } from '../../../shared/domain/phase';

const MIN = 60_000;
const START = Date.UTC(2025, 2, 3, 9, 0, 0);
/** `minutes` after START (the infusion start in most histories below). */
const t = (minutes: number) => START + minutes * MIN;
const change = (toPhase: Phase, minutes: number): PhaseChange => ({ toPhase, at: t(minutes) });
/** A vitals check without a BP (HR, SpO2, RR...). */
const vitals = (minutes: number): MonitoringReading => ({ observedAt: t(minutes), hasVitals: true, hasBloodPressure: false });
/** A vitals check with a BP. */
const vitalsWithBp = (minutes: number): MonitoringReading => ({ observedAt: t(minutes), hasVitals: true, hasBloodPressure: true });
/** A reading that is not a vitals check, e.g. a dissociation rating alone. */
const ratingOnly = (minutes: number): MonitoringReading => ({ observedAt: t(minutes), hasVitals: false, hasBloodPressure: false });

const S = DEFAULT_MONITORING_SCHEDULE;
const SCREENING = [change('screening', -20)];
const INFUSING = [...SCREENING, change('infusing', 0)];
const RECOVERY_AT_40 = [...INFUSING, change('recovery', 40)];

function due(changes: readonly PhaseChange[], readings: readonly MonitoringReading[], nowMinutes: number, schedule: MonitoringSchedule = S) {
  return computeDueChecks(changes, readings, t(nowMinutes), schedule);
}
function checkpointOf(id: CheckpointId, changes: readonly PhaseChange[], readings: readonly MonitoringReading[], nowAt: number, schedule: MonitoringSchedule = S): Checkpoint {
  const found = computeDueChecks(changes, readings, nowAt, schedule).checkpoints.find((c) => c.id === id);
  if (!found) throw new Error(`no checkpoint ${id}`);
  return found;
}

describe('DEFAULT_MONITORING_SCHEDULE (clinic defaults as data)', () => {
  it('holds the documented defaults and is a valid schedule', () => {
    expect(S).toEqual({
      infusionIntervalMinutes: 5,
      recoveryIntervalMinutes: 15,
      checkpoints: { bpBeforeDosing: true, bpAtMinutesAfterStart: 40, bpBeforeDischarge: true },
      checkpointWindowMinutes: 5,
      beforeDischargeWindowMinutes: 15,
      overdueGraceMinutes: 2,
    });
    expect(MonitoringScheduleSchema.parse(S)).toEqual(S);
  });

  it('the schema refuses a zero interval and a negative grace', () => {
    expect(MonitoringScheduleSchema.safeParse({ ...S, infusionIntervalMinutes: 0 }).success).toBe(false);
    expect(MonitoringScheduleSchema.safeParse({ ...S, overdueGraceMinutes: -1 }).success).toBe(false);
  });
});

describe('computeDueChecks: next vitals', () => {
  it('is not running during screening, even with baseline readings', () => {
    expect(due(SCREENING, [vitals(-10)], -5)).toMatchObject({ nextVitalsDueAt: null, vitalsOverdue: false, overdueByMs: 0, intervalMinutes: null });
    expect(due([], [], 0)).toMatchObject({ nextVitalsDueAt: null, vitalsOverdue: false });
  });

  it('runs one infusion interval from the infusion start when nothing has been charted', () => {
    expect(due(INFUSING, [], 1)).toMatchObject({ nextVitalsDueAt: t(5), vitalsOverdue: false, overdueByMs: 0, intervalMinutes: 5 });
  });

  it('does not let a baseline taken before the start push the first check back', () => {
    expect(due(INFUSING, [vitals(-2)], 1).nextVitalsDueAt).toBe(t(5));
  });

  it('a vitals reading resets the clock', () => {
    expect(due(INFUSING, [vitals(3)], 4).nextVitalsDueAt).toBe(t(8));
    expect(due(INFUSING, [vitals(3), vitals(7.5)], 8).nextVitalsDueAt).toBe(t(12.5));
  });

  it('a reading that is not a vitals check does not reset the clock', () => {
    expect(due(INFUSING, [vitals(3), ratingOnly(6)], 7).nextVitalsDueAt).toBe(t(8));
  });

  it('keeps the due time and the infusion interval across pause/resume', () => {
    const paused = [...INFUSING, change('paused', 4)];
    const resumed = [...paused, change('infusing', 6)];
    const readings = [vitals(3)];
    expect(due(paused, readings, 5)).toMatchObject({ nextVitalsDueAt: t(8), intervalMinutes: 5 });
    expect(due(resumed, readings, 7)).toMatchObject({ nextVitalsDueAt: t(8), intervalMinutes: 5 });
    // With no readings the clock still runs from the first start, not from the resume.
    expect(due([...INFUSING, change('paused', 2), change('infusing', 4)], [], 4.5).nextVitalsDueAt).toBe(t(5));
  });

  it('goes overdue during a pause: monitoring does not stop while ketamine is on board', () => {
    const paused = [...INFUSING, change('paused', 4)];
    expect(due(paused, [vitals(3)], 11)).toMatchObject({ vitalsOverdue: true, overdueByMs: 3 * MIN });
  });

  it('switches to the recovery interval from the recovery start', () => {
    expect(due(RECOVERY_AT_40, [vitals(38)], 41)).toMatchObject({ nextVitalsDueAt: t(55), intervalMinutes: 15 });
    expect(due(RECOVERY_AT_40, [vitals(38), vitals(50)], 51)).toMatchObject({ nextVitalsDueAt: t(65), intervalMinutes: 15 });
  });

  it('switches to recovery from a pause too', () => {
    const stoppedWhilePaused = [...INFUSING, change('paused', 30), change('recovery', 35)];
    expect(due(stoppedWhilePaused, [vitals(33)], 36)).toMatchObject({ nextVitalsDueAt: t(50), intervalMinutes: 15 });
  });

  it('is not overdue exactly at the grace boundary, and overdue 1 ms after it', () => {
    const atGrace = computeDueChecks(INFUSING, [], t(5 + 2), S);
    expect(atGrace).toMatchObject({ nextVitalsDueAt: t(5), vitalsOverdue: false, overdueByMs: 0 });
    const justAfter = computeDueChecks(INFUSING, [], t(5 + 2) + 1, S);
    expect(justAfter).toMatchObject({ vitalsOverdue: true, overdueByMs: 2 * MIN + 1 });
    // Between due and grace: due but not yet overdue.
    expect(computeDueChecks(INFUSING, [], t(6), S)).toMatchObject({ vitalsOverdue: false, overdueByMs: 0 });
  });

  it('uses the clinic grace and intervals it is given', () => {
    const strict: MonitoringSchedule = { ...S, infusionIntervalMinutes: 15, overdueGraceMinutes: 0 };
    expect(computeDueChecks(INFUSING, [], t(15), strict).vitalsOverdue).toBe(false);
    expect(computeDueChecks(INFUSING, [], t(15) + 1, strict)).toMatchObject({ vitalsOverdue: true, overdueByMs: 1 });
  });

  it('counts a late entry by its observed time, not the time it was entered', () => {
    // Observed at 6 min, typed in at 12 min: the next check is due at 11, not at 17.
    expect(due(INFUSING, [], 12)).toMatchObject({ nextVitalsDueAt: t(5), vitalsOverdue: true });
    expect(due(INFUSING, [vitals(6)], 12)).toMatchObject({ nextVitalsDueAt: t(11), vitalsOverdue: false });
    // A late entry listed after a newer reading does not pull the clock back.
    expect(due(INFUSING, [vitals(9), vitals(6)], 12).nextVitalsDueAt).toBe(t(14));
  });

  it.each(['discharged', 'closed', 'aborted'] as const)('nothing is due once the session is %s', (phase) => {
    const changes =
      phase === 'aborted' ? [...INFUSING, change('aborted', 10)] : phase === 'discharged' ? [...RECOVERY_AT_40, change('discharged', 120)] : [...RECOVERY_AT_40, change('discharged', 120), change('closed', 125)];
    expect(due(changes, [vitals(30)], 300)).toMatchObject({ nextVitalsDueAt: null, vitalsOverdue: false, overdueByMs: 0, intervalMinutes: null });
  });
});

describe('checkpoint bpBeforeDosing', () => {
  it('is due during screening, done by a BP taken then', () => {
    expect(checkpointOf('bpBeforeDosing', SCREENING, [], t(-5))).toEqual({ id: 'bpBeforeDosing', status: 'due', dueAt: null, doneAt: null });
    expect(checkpointOf('bpBeforeDosing', SCREENING, [vitalsWithBp(-10)], t(-5))).toMatchObject({ status: 'done', doneAt: t(-10) });
  });

  it('needs a BP: a vitals check without one does not count', () => {
    expect(checkpointOf('bpBeforeDosing', SCREENING, [vitals(-10)], t(-5)).status).toBe('due');
  });

  it('is overdue once the infusion started without one', () => {
    expect(checkpointOf('bpBeforeDosing', INFUSING, [], t(1))).toEqual({ id: 'bpBeforeDosing', status: 'overdue', dueAt: t(0), doneAt: null });
  });

  it('counts a BP observed at the very moment of the start, not 1 ms after', () => {
    expect(checkpointOf('bpBeforeDosing', INFUSING, [{ ...vitalsWithBp(0) }], t(1))).toMatchObject({ status: 'done', doneAt: t(0) });
    expect(checkpointOf('bpBeforeDosing', INFUSING, [{ ...vitalsWithBp(0), observedAt: t(0) + 1 }], t(1)).status).toBe('overdue');
  });

  it('counts only BPs from the session start on, and reports the one closest to dosing', () => {
    expect(checkpointOf('bpBeforeDosing', INFUSING, [{ ...vitalsWithBp(-20), observedAt: t(-20) - 1 }], t(1)).status).toBe('overdue');
    expect(checkpointOf('bpBeforeDosing', INFUSING, [vitalsWithBp(-20)], t(1)).status).toBe('done');
    expect(checkpointOf('bpBeforeDosing', INFUSING, [vitalsWithBp(-2), vitalsWithBp(-15)], t(1))).toMatchObject({ status: 'done', dueAt: t(0), doneAt: t(-2) });
  });

  it('a late-entered BP observed before the start turns overdue into done', () => {
    expect(checkpointOf('bpBeforeDosing', INFUSING, [vitalsWithBp(-1)], t(10)).status).toBe('done');
  });

  it('is not applicable when switched off, or when the session was aborted before dosing', () => {
    const off: MonitoringSchedule = { ...S, checkpoints: { ...S.checkpoints, bpBeforeDosing: false } };
    expect(checkpointOf('bpBeforeDosing', INFUSING, [], t(1), off).status).toBe('notApplicable');
    expect(checkpointOf('bpBeforeDosing', [...SCREENING, change('aborted', -5)], [], t(0)).status).toBe('notApplicable');
  });
});

describe('checkpoint bpAt40Minutes (window ±5 min by default)', () => {
  const id = 'bpAt40Minutes';

  it('is pending before the infusion starts, with no due time yet', () => {
    expect(checkpointOf(id, SCREENING, [], t(-5))).toEqual({ id, status: 'pending', dueAt: null, doneAt: null });
  });

  it('is pending until the window opens, due while it is open, overdue 1 ms after it closes', () => {
    expect(checkpointOf(id, INFUSING, [], t(35) - 1)).toMatchObject({ status: 'pending', dueAt: t(40) });
    expect(checkpointOf(id, INFUSING, [], t(35)).status).toBe('due');
    expect(checkpointOf(id, INFUSING, [], t(45)).status).toBe('due');
    expect(checkpointOf(id, INFUSING, [], t(45) + 1)).toMatchObject({ status: 'overdue', dueAt: t(40), doneAt: null });
  });

  it('is done by a BP at either edge of the window, but not 1 ms outside it', () => {
    expect(checkpointOf(id, INFUSING, [vitalsWithBp(35)], t(50))).toMatchObject({ status: 'done', doneAt: t(35) });
    expect(checkpointOf(id, INFUSING, [vitalsWithBp(45)], t(50))).toMatchObject({ status: 'done', doneAt: t(45) });
    expect(checkpointOf(id, INFUSING, [{ ...vitalsWithBp(35), observedAt: t(35) - 1 }], t(50)).status).toBe('overdue');
    expect(checkpointOf(id, INFUSING, [{ ...vitalsWithBp(45), observedAt: t(45) + 1 }], t(50)).status).toBe('overdue');
  });

  it('reports the BP closest to the due time', () => {
    expect(checkpointOf(id, INFUSING, [vitalsWithBp(36), vitalsWithBp(41), vitalsWithBp(44)], t(50)).doneAt).toBe(t(41));
    expect(checkpointOf(id, INFUSING, [vitalsWithBp(42), vitalsWithBp(38)], t(50)).doneAt).toBe(t(38));
  });

  it('counts wall-clock time from the first start, pauses included', () => {
    const withPause = [...INFUSING, change('paused', 10), change('infusing', 20)];
    expect(checkpointOf(id, withPause, [], t(30))).toMatchObject({ status: 'pending', dueAt: t(40) });
    expect(checkpointOf(id, withPause, [vitalsWithBp(40)], t(41))).toMatchObject({ status: 'done', doneAt: t(40) });
  });

  it('follows the clinic minute mark and window, and can be switched off', () => {
    const at30: MonitoringSchedule = { ...S, checkpoints: { ...S.checkpoints, bpAtMinutesAfterStart: 30 }, checkpointWindowMinutes: 2 };
    expect(checkpointOf(id, INFUSING, [vitalsWithBp(32)], t(40), at30)).toMatchObject({ status: 'done', dueAt: t(30) });
    expect(checkpointOf(id, INFUSING, [vitalsWithBp(33)], t(40), at30).status).toBe('overdue');
    const off: MonitoringSchedule = { ...S, checkpoints: { ...S.checkpoints, bpAtMinutesAfterStart: null } };
    expect(checkpointOf(id, INFUSING, [], t(60), off)).toEqual({ id, status: 'notApplicable', dueAt: null, doneAt: null });
  });

  it('is overdue (missed) if the patient was discharged without it', () => {
    const early = [...INFUSING, change('recovery', 20), change('discharged', 30)];
    expect(checkpointOf(id, early, [], t(31)).status).toBe('overdue');
  });

  it('an abort before the window closed makes it not applicable; after, a missing BP stays overdue', () => {
    expect(checkpointOf(id, [...INFUSING, change('aborted', 20)], [], t(60)).status).toBe('notApplicable');
    expect(checkpointOf(id, [...INFUSING, change('aborted', 45)], [], t(60)).status).toBe('notApplicable');
    expect(checkpointOf(id, [...RECOVERY_AT_40, change('aborted', 50)], [], t(60)).status).toBe('overdue');
    expect(checkpointOf(id, [...RECOVERY_AT_40, change('aborted', 50)], [vitalsWithBp(40)], t(60)).status).toBe('done');
  });
});

describe('checkpoint bpBeforeDischarge (window 15 min by default)', () => {
  const id = 'bpBeforeDischarge';
  const DISCHARGED_AT_120 = [...RECOVERY_AT_40, change('discharged', 120)];

  it('is pending before recovery', () => {
    expect(checkpointOf(id, SCREENING, [], t(-5)).status).toBe('pending');
    expect(checkpointOf(id, INFUSING, [vitalsWithBp(10)], t(11)).status).toBe('pending');
    expect(checkpointOf(id, [...INFUSING, change('paused', 5)], [], t(6)).status).toBe('pending');
  });

  it('is due in recovery until a BP is taken within the window before now', () => {
    expect(checkpointOf(id, RECOVERY_AT_40, [], t(60))).toEqual({ id, status: 'due', dueAt: null, doneAt: null });
    expect(checkpointOf(id, RECOVERY_AT_40, [vitalsWithBp(45)], t(60))).toMatchObject({ status: 'done', doneAt: t(45) });
    expect(checkpointOf(id, RECOVERY_AT_40, [vitalsWithBp(45)], t(60) + 1).status).toBe('due');
  });

  it('once discharged, is done by a BP within the window before the discharge, else overdue', () => {
    expect(checkpointOf(id, DISCHARGED_AT_120, [vitalsWithBp(105)], t(200))).toEqual({ id, status: 'done', dueAt: t(120), doneAt: t(105) });
    expect(checkpointOf(id, DISCHARGED_AT_120, [vitalsWithBp(120)], t(200)).status).toBe('done');
    expect(checkpointOf(id, DISCHARGED_AT_120, [{ ...vitalsWithBp(105), observedAt: t(105) - 1 }], t(200))).toEqual({ id, status: 'overdue', dueAt: t(120), doneAt: null });
    expect(checkpointOf(id, DISCHARGED_AT_120, [vitalsWithBp(121)], t(200)).status).toBe('overdue');
  });

  it('keeps the discharge verdict once the session is closed', () => {
    const closed = [...DISCHARGED_AT_120, change('closed', 130)];
    expect(checkpointOf(id, closed, [vitalsWithBp(110)], t(500))).toMatchObject({ status: 'done', dueAt: t(120), doneAt: t(110) });
  });

  it('is not applicable when switched off or after an abort', () => {
    const off: MonitoringSchedule = { ...S, checkpoints: { ...S.checkpoints, bpBeforeDischarge: false } };
    expect(checkpointOf(id, RECOVERY_AT_40, [], t(60), off).status).toBe('notApplicable');
    expect(checkpointOf(id, [...RECOVERY_AT_40, change('aborted', 50)], [vitalsWithBp(49)], t(55)).status).toBe('notApplicable');
  });
});

/** A valid history: from screening, each step one allowed action after a gap. */
const history = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 90 * MIN })), { maxLength: 10 }).map((steps) => {
  const changes: PhaseChange[] = [{ toPhase: 'screening', at: START }];
  let phase: Phase = 'screening';
  let time = START;
  for (const [pick, gap] of steps) {
    const actions: PhaseAction[] = allowedActions(phase);
    const action: PhaseAction | undefined = actions[pick % Math.max(1, actions.length)];
    const to: Phase | null = action ? nextPhase(phase, action) : null;
    if (!to) break;
    time += gap;
    phase = to;
    changes.push({ toPhase: to, at: time });
  }
  return changes;
});
const readings = fc.array(
  fc.record({ observedAt: fc.integer({ min: START, max: START + 400 * MIN }), hasVitals: fc.boolean(), hasBloodPressure: fc.boolean() }),
  { maxLength: 20 },
);

describe('computeDueChecks properties', () => {
  it('always gives a valid answer with the three checkpoints in order, and overdue means past due + grace', () => {
    fc.assert(
      fc.property(history, readings, fc.integer({ min: 0, max: 500 * MIN }), (changes, rs, after) => {
        const nowAt = START + after;
        const result = computeDueChecks(changes, rs, nowAt, S);
        expect(DueChecksSchema.safeParse(result).success).toBe(true);
        expect(result.checkpoints.map((c) => c.id)).toEqual([...CHECKPOINT_IDS]);
        const phase = changes.at(-1)?.toPhase;
        const running = phase === 'infusing' || phase === 'paused' || phase === 'recovery';
        expect(result.nextVitalsDueAt !== null).toBe(running);
        if (result.nextVitalsDueAt !== null) {
          expect(result.vitalsOverdue).toBe(nowAt > result.nextVitalsDueAt + S.overdueGraceMinutes * MIN);
        }
        expect(result.overdueByMs > 0).toBe(result.vitalsOverdue);
        for (const c of result.checkpoints) expect(c.doneAt !== null).toBe(c.status === 'done');
      }),
    );
  });

  it('one more vitals reading never brings the next check forward', () => {
    fc.assert(
      fc.property(history, readings, fc.integer({ min: START, max: START + 400 * MIN }), (changes, rs, extraAt) => {
        const nowAt = START + 500 * MIN;
        const before = computeDueChecks(changes, rs, nowAt, S).nextVitalsDueAt;
        const after = computeDueChecks(changes, [...rs, { observedAt: extraAt, hasVitals: true, hasBloodPressure: false }], nowAt, S).nextVitalsDueAt;
        if (before !== null && after !== null) expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('does not depend on the order the readings are listed in', () => {
    fc.assert(
      fc.property(history, readings, fc.integer({ min: 0, max: 500 * MIN }), (changes, rs, after) => {
        const nowAt = START + after;
        expect(computeDueChecks(changes, [...rs].reverse(), nowAt, S)).toEqual(computeDueChecks(changes, rs, nowAt, S));
      }),
    );
  });
});
