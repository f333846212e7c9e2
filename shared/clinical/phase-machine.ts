import type { Phase, PhaseAction } from '../domain/phase';

/** Which action moves a session from which phase to which (CLINICAL.md section 1). */
export const PHASE_TRANSITIONS: Readonly<Record<PhaseAction, { from: readonly Phase[]; to: Phase }>> = {
  startInfusion: { from: ['screening'], to: 'infusing' },
  pauseInfusion: { from: ['infusing'], to: 'paused' },
  resumeInfusion: { from: ['paused'], to: 'infusing' },
  stopInfusion: { from: ['infusing', 'paused'], to: 'recovery' },
  discharge: { from: ['recovery'], to: 'discharged' },
  close: { from: ['discharged'], to: 'closed' },
  abort: { from: ['screening', 'infusing', 'paused', 'recovery'], to: 'aborted' },
};

/** Actions that must carry a reason. */
export const ACTIONS_NEEDING_REASON: readonly PhaseAction[] = ['abort'];

export function nextPhase(current: Phase, action: PhaseAction): Phase | null {
  const transition = PHASE_TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

export function allowedActions(current: Phase): PhaseAction[] {
  return (Object.keys(PHASE_TRANSITIONS) as PhaseAction[]).filter((action) => nextPhase(current, action) !== null);
}
