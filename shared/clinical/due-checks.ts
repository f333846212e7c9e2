import { z } from 'zod';
import { EpochMsSchema } from '../domain/common';
import type { Phase } from '../domain/phase';
import type { PhaseChange } from './session-timer';

/**
 * Scheduled vitals checks and the blood-pressure checkpoints (CLINICAL.md sections 1, 2;
 * the checkpoints are the three BPs of the Spravato REMS monitoring form, section 8).
 *
 * Vitals: monitoring runs while infusing, paused and in recovery. A pause does not pause
 * monitoring (the patient still has ketamine on board), so during a pause the interval
 * stays the infusion interval and the due time does not move. The next check is due one
 * interval after the later of the last vitals reading and the moment the current regime
 * began (the first infusion start, or the recovery start). It is overdue once `nowAt`
 * passes that due time plus the grace. Before the start and once the patient has left
 * (discharged, closed, aborted) nothing is due.
 *
 * Every reading counts at the time it was observed, not the time it was recorded, so a
 * late entry fills the gap it was taken in.
 */

const MS_PER_MINUTE = 60_000;

// Upper limits keep a typing slip (500 for 5) from switching the schedule off in effect.
const positiveMinutes = z.number().finite().positive().max(240);
const nonNegativeMinutes = z.number().finite().nonnegative().max(60);

export const MonitoringScheduleSchema = z.object({
  infusionIntervalMinutes: positiveMinutes,
  recoveryIntervalMinutes: positiveMinutes,
  checkpoints: z.object({
    bpBeforeDosing: z.boolean(),
    /** Minutes after the first infusion start; null switches the checkpoint off. */
    bpAtMinutesAfterStart: positiveMinutes.nullable(),
    bpBeforeDischarge: z.boolean(),
  }),
  /** A BP within this many minutes either side of the timed checkpoint counts for it. */
  checkpointWindowMinutes: nonNegativeMinutes,
  /** A BP within this many minutes before discharge (or before now, in recovery) counts. */
  beforeDischargeWindowMinutes: nonNegativeMinutes,
  /** How late a vitals check may be before it is overdue. */
  overdueGraceMinutes: nonNegativeMinutes,
});
export type MonitoringSchedule = z.infer<typeof MonitoringScheduleSchema>;

/** Clinic defaults; every figure is a clinic choice within CLINICAL.md, not a standard. */
export const DEFAULT_MONITORING_SCHEDULE: Readonly<MonitoringSchedule> = {
  // Section 1: vitals every 5 to 15 minutes during the infusion; the default is the closest.
  infusionIntervalMinutes: 5,
  // Section 1: monitoring continues in recovery; BP can stay raised for hours.
  recoveryIntervalMinutes: 15,
  checkpoints: {
    bpBeforeDosing: true,
    // Section 1: BP peaks around 40 minutes after the start; the REMS form asks for it.
    bpAtMinutesAfterStart: 40,
    bpBeforeDischarge: true,
  },
  checkpointWindowMinutes: 5,
  beforeDischargeWindowMinutes: 15,
  overdueGraceMinutes: 2,
};

/**
 * What the schedule needs from a reading. Pass only current readings that are not marked
 * as artifacts; a superseded or artifact reading must not satisfy a check.
 * `hasVitals`: the reading is a vitals check (the caller decides which values make one).
 */
export const MonitoringReadingSchema = z.object({
  observedAt: EpochMsSchema,
  hasVitals: z.boolean(),
  hasBloodPressure: z.boolean(),
});
export type MonitoringReading = z.infer<typeof MonitoringReadingSchema>;

export const CHECKPOINT_IDS = ['bpBeforeDosing', 'bpAt40Minutes', 'bpBeforeDischarge'] as const;
export const CheckpointIdSchema = z.enum(CHECKPOINT_IDS);
export type CheckpointId = z.infer<typeof CheckpointIdSchema>;

export const CheckpointStatusSchema = z.enum(['pending', 'due', 'done', 'overdue', 'notApplicable']);
export type CheckpointStatus = z.infer<typeof CheckpointStatusSchema>;

export const CheckpointSchema = z.object({
  id: CheckpointIdSchema,
  status: CheckpointStatusSchema,
  /** When it falls due, where that is a moment: infusion start, start + 40 min, discharge. */
  dueAt: EpochMsSchema.nullable(),
  /** Observed time of the BP that satisfied it. */
  doneAt: EpochMsSchema.nullable(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const DueChecksSchema = z.object({
  nextVitalsDueAt: EpochMsSchema.nullable(),
  vitalsOverdue: z.boolean(),
  /** 0 unless overdue; then how long past the due time (grace included). */
  overdueByMs: z.number().nonnegative(),
  /** The interval now in force; null when monitoring is not running. */
  intervalMinutes: z.number().positive().nullable(),
  /** Always the three checkpoints, in CHECKPOINT_IDS order. */
  checkpoints: z.array(CheckpointSchema),
});
export type DueChecks = z.infer<typeof DueChecksSchema>;

/** The moments of a session that the schedule hangs on, from its phase changes. */
interface SessionMoments {
  phase: Phase;
  sessionStartAt: number | null;
  infusionStartAt: number | null;
  recoveryStartAt: number | null;
  dischargedAt: number | null;
  abortedAt: number | null;
}

function momentsOf(changes: readonly PhaseChange[]): SessionMoments {
  const firstAt = (phase: Phase) => changes.find((change) => change.toPhase === phase)?.at ?? null;
  return {
    phase: changes.at(-1)?.toPhase ?? 'screening',
    sessionStartAt: changes[0]?.at ?? null,
    infusionStartAt: firstAt('infusing'),
    recoveryStartAt: firstAt('recovery'),
    dischargedAt: firstAt('discharged'),
    abortedAt: firstAt('aborted'),
  };
}

interface VitalsDue {
  nextVitalsDueAt: number | null;
  vitalsOverdue: boolean;
  overdueByMs: number;
  intervalMinutes: number | null;
}

const NOT_RUNNING: VitalsDue = { nextVitalsDueAt: null, vitalsOverdue: false, overdueByMs: 0, intervalMinutes: null };

function vitalsDue(moments: SessionMoments, readings: readonly MonitoringReading[], nowAt: number, schedule: MonitoringSchedule): VitalsDue {
  const inInfusion = moments.phase === 'infusing' || moments.phase === 'paused';
  const regimeStartAt = inInfusion ? moments.infusionStartAt : moments.phase === 'recovery' ? moments.recoveryStartAt : null;
  if (regimeStartAt === null) return NOT_RUNNING;
  const intervalMinutes = inInfusion ? schedule.infusionIntervalMinutes : schedule.recoveryIntervalMinutes;
  const clockFrom = readings.reduce((latest, reading) => (reading.hasVitals ? Math.max(latest, reading.observedAt) : latest), regimeStartAt);
  const nextVitalsDueAt = clockFrom + intervalMinutes * MS_PER_MINUTE;
  const vitalsOverdue = nowAt > nextVitalsDueAt + schedule.overdueGraceMinutes * MS_PER_MINUTE;
  return { nextVitalsDueAt, vitalsOverdue, overdueByMs: vitalsOverdue ? nowAt - nextVitalsDueAt : 0, intervalMinutes };
}

function checkpoint(id: CheckpointId, status: CheckpointStatus, dueAt: number | null = null, doneAt: number | null = null): Checkpoint {
  return { id, status, dueAt, doneAt };
}

/** Observed times of the BP readings, in ascending order. */
function bloodPressureTimes(readings: readonly MonitoringReading[]): number[] {
  return readings.filter((reading) => reading.hasBloodPressure).map((reading) => reading.observedAt).sort((a, b) => a - b);
}

function latestIn(times: readonly number[], fromAt: number, toAt: number): number | null {
  return times.filter((time) => time >= fromAt && time <= toAt).at(-1) ?? null;
}

/**
 * Due during screening; done by the latest BP observed from the session start up to the
 * infusion start (a BP stamped at the very moment of the start was taken before any drug
 * ran); overdue once the infusion started without one. Not applicable if the session was
 * aborted before dosing.
 */
function bpBeforeDosing(moments: SessionMoments, bpTimes: readonly number[], schedule: MonitoringSchedule): Checkpoint {
  const id = 'bpBeforeDosing';
  if (!schedule.checkpoints.bpBeforeDosing) return checkpoint(id, 'notApplicable');
  const { sessionStartAt, infusionStartAt } = moments;
  const doneAt = latestIn(bpTimes, sessionStartAt ?? Number.NEGATIVE_INFINITY, infusionStartAt ?? Number.POSITIVE_INFINITY);
  if (doneAt !== null) return checkpoint(id, 'done', infusionStartAt, doneAt);
  if (infusionStartAt === null) return checkpoint(id, moments.phase === 'aborted' ? 'notApplicable' : 'due');
  return checkpoint(id, 'overdue', infusionStartAt);
}

/**
 * Due at the first infusion start + N minutes of wall-clock time, pauses included: the BP
 * peak follows the time since dosing began, not the pump's running time. Done by the BP
 * closest to the due time within the window either side; pending before the window opens,
 * due while it is open, overdue after it closes. Once the patient has been discharged it
 * can no longer be taken, so a missing one is overdue; a session aborted before the window
 * closed never reached it (not applicable).
 */
function bpAtMinutesAfterStart(moments: SessionMoments, bpTimes: readonly number[], nowAt: number, schedule: MonitoringSchedule): Checkpoint {
  const id = 'bpAt40Minutes';
  const minutesAfterStart = schedule.checkpoints.bpAtMinutesAfterStart;
  if (minutesAfterStart === null) return checkpoint(id, 'notApplicable');
  if (moments.infusionStartAt === null) return checkpoint(id, moments.phase === 'aborted' ? 'notApplicable' : 'pending');
  const dueAt = moments.infusionStartAt + minutesAfterStart * MS_PER_MINUTE;
  const windowMs = schedule.checkpointWindowMinutes * MS_PER_MINUTE;
  const opensAt = dueAt - windowMs;
  const closesAt = dueAt + windowMs;
  const inWindow = bpTimes.filter((time) => time >= opensAt && time <= closesAt);
  // Closest to the due time; on a tie the earlier (the list is ascending and the comparison strict).
  const doneAt = inWindow.reduce<number | null>((best, time) => (best === null || Math.abs(time - dueAt) < Math.abs(best - dueAt) ? time : best), null);
  if (doneAt !== null) return checkpoint(id, 'done', dueAt, doneAt);
  if (moments.abortedAt !== null) return checkpoint(id, moments.abortedAt > closesAt ? 'overdue' : 'notApplicable', dueAt);
  if (moments.dischargedAt !== null) return checkpoint(id, 'overdue', dueAt);
  if (nowAt < opensAt) return checkpoint(id, 'pending', dueAt);
  return checkpoint(id, nowAt <= closesAt ? 'due' : 'overdue', dueAt);
}

/**
 * Pending until recovery; in recovery, done by a BP within the window before now (it
 * lapses back to due as time passes without a fresh one); once discharged, done by a BP
 * within the window before the discharge, else overdue (missed). Not applicable to an
 * aborted session, which has no discharge.
 */
function bpBeforeDischarge(moments: SessionMoments, bpTimes: readonly number[], nowAt: number, schedule: MonitoringSchedule): Checkpoint {
  const id = 'bpBeforeDischarge';
  if (!schedule.checkpoints.bpBeforeDischarge || moments.phase === 'aborted') return checkpoint(id, 'notApplicable');
  const windowMs = schedule.beforeDischargeWindowMinutes * MS_PER_MINUTE;
  if (moments.dischargedAt !== null) {
    const doneAt = latestIn(bpTimes, moments.dischargedAt - windowMs, moments.dischargedAt);
    return checkpoint(id, doneAt === null ? 'overdue' : 'done', moments.dischargedAt, doneAt);
  }
  if (moments.phase !== 'recovery') return checkpoint(id, 'pending');
  // No upper bound: a reading a few seconds "in the future" (clock tolerance) is still fresh.
  const doneAt = latestIn(bpTimes, nowAt - windowMs, Number.POSITIVE_INFINITY);
  return checkpoint(id, doneAt === null ? 'due' : 'done', null, doneAt);
}

/**
 * What is due for a session at `nowAt`, from its phase changes (oldest first) and its
 * current, non-artifact readings (any order). Pure: depends only on its arguments.
 */
export function computeDueChecks(
  changes: readonly PhaseChange[],
  readings: readonly MonitoringReading[],
  nowAt: number,
  schedule: MonitoringSchedule,
): DueChecks {
  const moments = momentsOf(changes);
  const bpTimes = bloodPressureTimes(readings);
  return {
    ...vitalsDue(moments, readings, nowAt, schedule),
    checkpoints: [
      bpBeforeDosing(moments, bpTimes, schedule),
      bpAtMinutesAfterStart(moments, bpTimes, nowAt, schedule),
      bpBeforeDischarge(moments, bpTimes, nowAt, schedule),
    ],
  };
}
