import { describe, expect, it } from 'vitest';
import { ACTIONS_NEEDING_REASON, allowedActions, nextPhase, PHASE_TRANSITIONS } from '../../../shared/clinical/phase-machine';
import { OPEN_PHASES, PHASE_ACTIONS, PHASES, RUNNING_PHASES, type Phase, type PhaseAction } from '../../../shared/domain/phase';

/**
 * The session's life from CLINICAL.md section 1, written out independently of the code's
 * table: screening -> infusing <-> paused -> recovery -> discharged -> closed, and abort
 * from any phase before discharge. Anything not listed is refused.
 */
const EXPECTED: Record<Phase, Partial<Record<PhaseAction, Phase>>> = {
  screening: { startInfusion: 'infusing', abort: 'aborted' },
  infusing: { pauseInfusion: 'paused', stopInfusion: 'recovery', abort: 'aborted' },
  paused: { resumeInfusion: 'infusing', stopInfusion: 'recovery', abort: 'aborted' },
  recovery: { discharge: 'discharged', abort: 'aborted' },
  discharged: { close: 'closed' },
  closed: {},
  aborted: {},
};

const allPairs = PHASES.flatMap((phase) => PHASE_ACTIONS.map((action) => [phase, action] as const));

describe('phase machine', () => {
  it.each(allPairs)('from %s, %s goes where CLINICAL.md says (or is refused)', (phase, action) => {
    expect(nextPhase(phase, action)).toBe(EXPECTED[phase][action] ?? null);
  });

  it.each(PHASES)('allowedActions(%s) lists exactly the permitted actions', (phase) => {
    expect([...allowedActions(phase)].sort()).toEqual(Object.keys(EXPECTED[phase]).sort());
  });

  it('has no way out of closed or aborted', () => {
    expect(allowedActions('closed')).toEqual([]);
    expect(allowedActions('aborted')).toEqual([]);
  });

  it('cannot discharge during the infusion nor restart a stopped infusion', () => {
    expect(nextPhase('infusing', 'discharge')).toBeNull();
    expect(nextPhase('recovery', 'startInfusion')).toBeNull();
    expect(nextPhase('recovery', 'resumeInfusion')).toBeNull();
  });

  it('needs a reason to abort and only to abort', () => {
    expect([...ACTIONS_NEEDING_REASON]).toEqual(['abort']);
  });

  it('defines a transition for every action', () => {
    expect(Object.keys(PHASE_TRANSITIONS).sort()).toEqual([...PHASE_ACTIONS].sort());
  });

  it('counts a session as open until it is closed or aborted, and running only while infusing, paused or in recovery', () => {
    expect([...OPEN_PHASES].sort()).toEqual(['discharged', 'infusing', 'paused', 'recovery', 'screening']);
    expect([...RUNNING_PHASES].sort()).toEqual(['infusing', 'paused', 'recovery']);
  });
});
