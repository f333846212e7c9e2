import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDueChecks } from '../../shared/clinical/due-checks';
import { VITALS_CHECK_REQUIRED_PARAMETERS } from '../../shared/clinical/screening-checklist';
import type { AlertRule } from '../../shared/clinical/alert-rules';
import type { ReadingValues } from '../../shared/domain/reading';
import { ManualClock } from '../../src-main/core/clock';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { baselineOf, isConfirmed, isConfirmedIn, latestValues } from '../../src-main/core/services/alert-engine';
import { defaultRule, infusingSession } from '../support/alert-fixtures';
import { useTempDirs } from '../support/temp-dir';
import { addUser, call, callOk, holdTickerInterval, MINUTE, NURSE, openTestCore, setUpAdmin, T0, type TestCore } from '../support/test-core';

/**
 * Speed never changes an alert: the alert engine and the schedule read an incremental
 * per-session state (kept up to date as readings, corrections and artifact marks commit).
 * After random sequences of those, rule changes, sweeps and core restarts:
 *  - twin A (incremental, as shipped) and twin B (its state thrown away before every step, so
 *    rebuilt from the stored record each time) end with the same alerts, events and due checks;
 *  - A's state answers exactly what the plain definitions (baselineOf, latestValues,
 *    isConfirmed, computeDueChecks over every current reading) answer.
 */

holdTickerInterval();
const dirs = useTempDirs();

type Command =
  | { kind: 'add'; values: ReadingValues; lateMinutes: number }
  | { kind: 'correct'; pick: number; values: ReadingValues }
  | { kind: 'artifact'; pick: number }
  | { kind: 'clearArtifact'; pick: number }
  | { kind: 'rule'; rule: AlertRule | null }
  | { kind: 'wait'; seconds: number }
  | { kind: 'restart' };

const valuesArb: fc.Arbitrary<ReadingValues> = fc
  .record(
    {
      heartRateBpm: fc.integer({ min: 35, max: 160 }),
      systolicMmHg: fc.integer({ min: 80, max: 200 }),
      diastolicMmHg: fc.integer({ min: 45, max: 79 }),
      spo2Pct: fc.integer({ min: 84, max: 100 }),
      respiratoryRatePerMin: fc.integer({ min: 6, max: 32 }),
    },
    { requiredKeys: [] },
  )
  .filter((v) => Object.keys(v).length > 0 && (v.systolicMmHg === undefined) === (v.diastolicMmHg === undefined));

const spo2Rule = defaultRule('spo2-below-92');
const ruleArb: fc.Arbitrary<AlertRule | null> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 2, max: 3 }).map((count): AlertRule => ({ ...spo2Rule, confirmation: { kind: 'consecutiveReadings', count } })),
  fc.integer({ min: 30, max: 120 }).map((seconds): AlertRule => ({ ...spo2Rule, confirmation: { kind: 'delaySeconds', seconds } })),
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), values: valuesArb, lateMinutes: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 4 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), values: valuesArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('artifact' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clearArtifact' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rule' as const), rule: ruleArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

interface Twin {
  t: TestCore;
  nurse: CoreConnection;
  doctor: CoreConnection;
  /** Throw the incremental state away before each step (the recomputation twin). */
  rebuildEachStep: boolean;
}

async function openTwin(dataDir: string, clock: ManualClock, rebuildEachStep: boolean): Promise<Twin & { sessionId: number }> {
  const t = openTestCore(dataDir, clock);
  const doctor = await setUpAdmin(t.core);
  const nurse = await addUser(t.core, doctor.connection, NURSE, ['nurse']);
  const { session } = await infusingSession(t, nurse.connection);
  return { t, nurse: nurse.connection, doctor: doctor.connection, rebuildEachStep, sessionId: session.id };
}

async function reopen(twin: Twin): Promise<Twin> {
  twin.t.core.close();
  const t = openTestCore(twin.t.dataDir, twin.t.clock);
  const doctor = t.core.connect();
  await callOk(doctor, 'auth/signIn', { username: 'ada.admin', pin: '246810' });
  const nurse = t.core.connect();
  await callOk(nurse, 'auth/signIn', { username: NURSE.username, pin: NURSE.pin });
  return { ...twin, t, nurse, doctor };
}

/** The readings a command picks from, the same in both twins (same ids, same order). */
function pickable(twin: Twin, sessionId: number, artifacts: boolean): number[] {
  return twin.t.core.services.readings
    .ofSession(sessionId)
    .filter((r) => r.supersededById === null && (r.artifact !== null) === artifacts)
    .map((r) => r.id);
}

async function step(twin: Twin, sessionId: number, command: Command): Promise<string> {
  const services = twin.t.core.services;
  if (twin.rebuildEachStep) services.readings.invalidateState();
  const outcome = async (promise: Promise<{ ok: boolean }>) => ((await promise).ok ? 'ok' : 'refused');
  switch (command.kind) {
    case 'add': {
      const observedAt = Math.max(twin.t.clock.now() - command.lateMinutes * MINUTE, T0);
      const confirmed = Object.keys(command.values) as (keyof ReadingValues)[];
      return outcome(call(twin.nurse, 'reading/add', { sessionId, values: command.values, observedAt, confirmed }));
    }
    case 'correct':
    case 'artifact':
    case 'clearArtifact': {
      const ids = pickable(twin, sessionId, command.kind === 'clearArtifact');
      const readingId = ids[command.pick % Math.max(ids.length, 1)];
      if (readingId === undefined) return 'nothing to pick';
      if (command.kind === 'correct') {
        const confirmed = Object.keys(command.values) as (keyof ReadingValues)[];
        return outcome(call(twin.nurse, 'reading/correct', { readingId, values: command.values, reason: 'Typed into the wrong field', confirmed }));
      }
      const kind = command.kind === 'artifact' ? 'artifact' : 'artifactCleared';
      return outcome(call(twin.nurse, 'reading/annotate', { readingId, kind, reason: 'Probe slipped off the finger' }));
    }
    case 'rule':
      return outcome(
        call(twin.doctor, 'rules/overrideForSession', { sessionId, ruleId: spo2Rule.id, rule: command.rule ?? 'inherit', reason: 'Patient runs low at rest' }),
      );
    case 'wait':
      twin.t.clock.advance(command.seconds * 1000);
      services.monitoring.sweep();
      return 'ok';
    case 'restart':
      return 'restart';
  }
}

/** What the incremental state answers must equal the plain definitions over every current reading. */
function expectStateMatchesRecord(twin: Twin, sessionId: number): void {
  const services = twin.t.core.services;
  const session = services.sessions.get(sessionId);
  const current = services.readings.currentOfSession(sessionId);
  const state = services.readings.state(sessionId);
  const infusionStartedAt = services.sessions.timerOf(session).infusionStartedAt;
  const now = twin.t.clock.now();

  const reference = latestValues(current);
  const incremental = state.latest();
  expect(incremental.values).toEqual(reference.values);
  expect(Object.fromEntries(Object.entries(incremental.sources).map(([p, e]) => [p, e.id]))).toEqual(
    Object.fromEntries(Object.entries(reference.sources).map(([p, r]) => [p, r.id])),
  );
  const baseline = baselineOf(current, infusionStartedAt);
  expect(state.baseline(infusionStartedAt)).toEqual(baseline);
  for (const rule of services.alertRules.effectiveRules(session)) {
    expect(isConfirmedIn(rule, state, baseline, now), rule.id).toBe(isConfirmed(rule, current, baseline, now));
  }
  const everyReading = current.map((r) => ({
    observedAt: r.observedAt,
    hasVitals: VITALS_CHECK_REQUIRED_PARAMETERS.every((p) => r.values[p] !== undefined),
    hasBloodPressure: r.values.systolicMmHg !== undefined && r.values.diastolicMmHg !== undefined,
  }));
  // The list row's NEWS2 (taken from the newest reading when it is complete enough) is the newest scored reading's.
  const row = services.views.list('open', now).find((r) => r.session.id === sessionId);
  expect(row?.latestNews2).toEqual(services.readings.newestCurrentScored(sessionId)?.news2 ?? null);
  expect(row?.latestReading).toEqual(services.readings.newestCurrent(sessionId));
  const schedule = services.monitoring.scheduleOf(session);
  expect(services.monitoring.dueChecks(session, now)).toEqual(computeDueChecks(services.sessions.phaseEvents(sessionId), everyReading, now, schedule));
}

function recordOf(twin: Twin, sessionId: number) {
  const services = twin.t.core.services;
  const summary = services.views.list('open', twin.t.clock.now()).find((s) => s.session.id === sessionId);
  return {
    alerts: services.alerts.ofSession(sessionId),
    dueChecks: services.monitoring.dueChecks(services.sessions.get(sessionId)),
    // The patient's MRN differs between the twins (a counter); the rest of the list row must not.
    summary: summary && { ...summary, patient: null, session: null },
  };
}

describe('the incremental per-session state', () => {
  it('equals a recomputation from the stored record after any sequence of readings, corrections, artifact marks, rule changes, sweeps and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 4, maxLength: 20 }), async (commands) => {
        let a: Twin | null = null;
        let b: Twin | null = null;
        try {
          const openedA = await openTwin(dirs.make(), new ManualClock(T0), false);
          const openedB = await openTwin(dirs.make(), new ManualClock(T0), true);
          expect(openedB.sessionId).toBe(openedA.sessionId);
          const sessionId = openedA.sessionId;
          a = openedA;
          b = openedB;
          for (const command of commands) {
            a.t.clock.advance(20_000);
            b.t.clock.advance(20_000);
            if (command.kind === 'restart') {
              a = await reopen(a);
              b = await reopen(b);
              continue;
            }
            expect(await step(a, sessionId, command)).toBe(await step(b, sessionId, command));
            expectStateMatchesRecord(a, sessionId);
            expect(recordOf(a, sessionId)).toEqual(recordOf(b, sessionId));
          }
        } finally {
          a?.t.core.close();
          b?.t.core.close();
        }
      }),
      { numRuns: 6 },
    );
  }, 60_000);
});
