import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, nextPhase } from '../../../shared/clinical/phase-machine';
import { computeSessionTimer, infusionStartOf, type PhaseChange } from '../../../shared/clinical/session-timer';
import type { Phase } from '../../../shared/domain/phase';
import { SessionTimerSchema } from '../../../shared/domain/session';

const MIN = 60_000;
const START = Date.UTC(2025, 2, 3, 9, 0, 0);
/** A phase change `minutes` after START. */
const at = (toPhase: Phase, minutes: number): PhaseChange => ({ toPhase, at: START + minutes * MIN });
const now = (minutes: number) => START + minutes * MIN;
const PLANNED_40 = 40 * MIN;

describe('computeSessionTimer', () => {
  it('shows nothing elapsed during screening, and the whole plan remaining', () => {
    const timer = computeSessionTimer(7, [at('screening', 0)], now(30), PLANNED_40);
    expect(timer).toEqual({
      sessionId: 7,
      phase: 'screening',
      nowAt: now(30),
      infusionStartedAt: null,
      infusionEndedAt: null,
      infusionElapsedMs: 0,
      infusionRemainingMs: PLANNED_40,
      pausedElapsedMs: 0,
      recoveryStartedAt: null,
      recoveryElapsedMs: 0,
      totalElapsedMs: 0,
    });
  });

  it('counts infusion time from the start, not from session creation', () => {
    const timer = computeSessionTimer(1, [at('screening', 0), at('infusing', 5)], now(20), PLANNED_40);
    expect(timer).toMatchObject({ phase: 'infusing', infusionStartedAt: now(5), infusionElapsedMs: 15 * MIN, infusionRemainingMs: 25 * MIN, totalElapsedMs: 15 * MIN, pausedElapsedMs: 0 });
  });

  it('excludes pauses from infusion time and counts them separately', () => {
    const changes = [at('screening', 0), at('infusing', 0), at('paused', 10), at('infusing', 13)];
    expect(computeSessionTimer(1, changes.slice(0, 3), now(12), PLANNED_40)).toMatchObject({
      phase: 'paused',
      infusionElapsedMs: 10 * MIN,
      pausedElapsedMs: 2 * MIN,
      infusionRemainingMs: 30 * MIN,
      totalElapsedMs: 12 * MIN,
    });
    expect(computeSessionTimer(1, changes, now(20), PLANNED_40)).toMatchObject({
      phase: 'infusing',
      infusionElapsedMs: 17 * MIN,
      pausedElapsedMs: 3 * MIN,
      infusionRemainingMs: 23 * MIN,
      totalElapsedMs: 20 * MIN,
    });
  });

  it('counts several pauses', () => {
    const changes = [at('screening', 0), at('infusing', 0), at('paused', 5), at('infusing', 6), at('paused', 20), at('infusing', 24)];
    expect(computeSessionTimer(1, changes, now(30), null)).toMatchObject({ infusionElapsedMs: 25 * MIN, pausedElapsedMs: 5 * MIN, totalElapsedMs: 30 * MIN });
  });

  it('runs recovery from the end of the infusion and freezes infusion time', () => {
    const changes = [at('screening', 0), at('infusing', 0), at('paused', 10), at('infusing', 12), at('recovery', 42)];
    expect(computeSessionTimer(1, changes, now(72), PLANNED_40)).toMatchObject({
      phase: 'recovery',
      infusionEndedAt: now(42),
      recoveryStartedAt: now(42),
      infusionElapsedMs: 40 * MIN,
      infusionRemainingMs: 0,
      pausedElapsedMs: 2 * MIN,
      recoveryElapsedMs: 30 * MIN,
      totalElapsedMs: 72 * MIN,
    });
  });

  it('stopping while paused ends the pause', () => {
    const changes = [at('screening', 0), at('infusing', 0), at('paused', 30), at('recovery', 35)];
    expect(computeSessionTimer(1, changes, now(60), PLANNED_40)).toMatchObject({ infusionElapsedMs: 30 * MIN, pausedElapsedMs: 5 * MIN, recoveryElapsedMs: 25 * MIN, infusionEndedAt: now(35) });
  });

  it('freezes recovery and the total at discharge (closing is paperwork)', () => {
    const changes = [at('screening', 0), at('infusing', 0), at('recovery', 40), at('discharged', 100), at('closed', 110)];
    expect(computeSessionTimer(1, changes.slice(0, 4), now(105), PLANNED_40)).toMatchObject({ phase: 'discharged', recoveryElapsedMs: 60 * MIN });
    const closed = computeSessionTimer(1, changes, now(500), PLANNED_40);
    expect(closed).toMatchObject({ phase: 'closed', infusionElapsedMs: 40 * MIN, recoveryElapsedMs: 60 * MIN, totalElapsedMs: 100 * MIN });
  });

  it('ends the infusion at an abort and freezes every figure', () => {
    const changes = [at('screening', 0), at('infusing', 5), at('paused', 15), at('aborted', 20)];
    const timer = computeSessionTimer(1, changes, now(300), PLANNED_40);
    expect(timer).toMatchObject({
      phase: 'aborted',
      infusionStartedAt: now(5),
      infusionEndedAt: now(20),
      infusionElapsedMs: 10 * MIN,
      pausedElapsedMs: 5 * MIN,
      recoveryStartedAt: null,
      recoveryElapsedMs: 0,
      totalElapsedMs: 15 * MIN,
    });
  });

  it('an abort during recovery ends the recovery', () => {
    const changes = [at('screening', 0), at('infusing', 0), at('recovery', 40), at('aborted', 50)];
    expect(computeSessionTimer(1, changes, now(90), null)).toMatchObject({ recoveryElapsedMs: 10 * MIN, totalElapsedMs: 50 * MIN, infusionEndedAt: now(40) });
  });

  it('an abort before the start leaves no infusion at all', () => {
    const timer = computeSessionTimer(1, [at('screening', 0), at('aborted', 3)], now(10), PLANNED_40);
    expect(timer).toMatchObject({ infusionStartedAt: null, infusionEndedAt: null, infusionElapsedMs: 0, totalElapsedMs: 0 });
  });

  it('reports an overrun as negative time remaining, and no remaining time without a plan', () => {
    const changes = [at('screening', 0), at('infusing', 0)];
    expect(computeSessionTimer(1, changes, now(45), PLANNED_40).infusionRemainingMs).toBe(-5 * MIN);
    expect(computeSessionTimer(1, changes, now(45), null).infusionRemainingMs).toBeNull();
  });

  it('is restart-safe: it depends only on the stored changes and the time asked', () => {
    const changes = [at('screening', 0), at('infusing', 2), at('paused', 12), at('infusing', 15)];
    const first = computeSessionTimer(3, changes, now(25), PLANNED_40);
    // A "restarted" process with a fresh copy of the stored rows gets the same answer at the same time...
    const again = computeSessionTimer(3, changes.map((c) => ({ ...c })), now(25), PLANNED_40);
    expect(again).toEqual(first);
    // ...and later, the time that passed meanwhile is counted as infusing.
    const later = computeSessionTimer(3, changes, now(65), PLANNED_40);
    expect(later.infusionElapsedMs - first.infusionElapsedMs).toBe(40 * MIN);
  });

  it('never runs backwards when "now" is earlier than the last stored change', () => {
    const changes = [at('screening', 0), at('infusing', 0), at('paused', 10)];
    const timer = computeSessionTimer(1, changes, now(4), PLANNED_40);
    expect(timer.nowAt).toBe(now(10));
    expect(timer).toMatchObject({ infusionElapsedMs: 10 * MIN, pausedElapsedMs: 0, totalElapsedMs: 10 * MIN });
  });
});

/** A valid history: from screening, each step one allowed action after a gap. */
const history = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 120 * MIN })), { maxLength: 12 })
  .map((steps) => {
    const changes: PhaseChange[] = [{ toPhase: 'screening', at: START }];
    let phase: Phase = 'screening';
    let time = START;
    for (const [pick, gap] of steps) {
      const actions = allowedActions(phase);
      const action = actions[pick % Math.max(1, actions.length)];
      if (!action) break;
      const to = nextPhase(phase, action);
      if (!to) break;
      time += gap;
      phase = to;
      changes.push({ toPhase: to, at: time });
    }
    return changes;
  });

describe('computeSessionTimer properties', () => {
  const lastAt = (changes: readonly PhaseChange[]) => changes.at(-1)?.at ?? START;

  it('infusion + paused never exceeds the total, and nothing is negative', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 600 * MIN }), fc.option(fc.integer({ min: MIN, max: 240 * MIN })), (changes, after, planned) => {
        const timer = computeSessionTimer(1, changes, lastAt(changes) + after, planned);
        expect(SessionTimerSchema.safeParse(timer).success).toBe(true);
        expect(timer.infusionElapsedMs + timer.pausedElapsedMs).toBeLessThanOrEqual(timer.totalElapsedMs);
        expect(timer.infusionElapsedMs + timer.pausedElapsedMs + timer.recoveryElapsedMs).toBeLessThanOrEqual(timer.totalElapsedMs);
        if (timer.phase === 'recovery') {
          expect(timer.infusionElapsedMs + timer.pausedElapsedMs + timer.recoveryElapsedMs).toBe(timer.totalElapsedMs);
        }
        expect(timer.phase).toBe(changes.at(-1)?.toPhase);
      }),
    );
  });

  it('infusionStartOf is the clock\'s infusionStartedAt, at any moment', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 600 * MIN }), (changes, after) => {
        expect(infusionStartOf(changes)).toBe(computeSessionTimer(1, changes, lastAt(changes) + after, null).infusionStartedAt);
      }),
    );
  });

  it('every figure only grows as time passes', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 300 * MIN }), fc.integer({ min: 0, max: 300 * MIN }), (changes, a, b) => {
        const earlier = computeSessionTimer(1, changes, lastAt(changes) + Math.min(a, b), null);
        const later = computeSessionTimer(1, changes, lastAt(changes) + Math.max(a, b), null);
        expect(later.infusionElapsedMs).toBeGreaterThanOrEqual(earlier.infusionElapsedMs);
        expect(later.pausedElapsedMs).toBeGreaterThanOrEqual(earlier.pausedElapsedMs);
        expect(later.recoveryElapsedMs).toBeGreaterThanOrEqual(earlier.recoveryElapsedMs);
        expect(later.totalElapsedMs).toBeGreaterThanOrEqual(earlier.totalElapsedMs);
      }),
    );
  });
});
