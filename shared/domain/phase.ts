import { z } from 'zod';

/** A session's phases, kept by main (CLINICAL.md section 1). */
export const PHASES = ['screening', 'infusing', 'paused', 'recovery', 'discharged', 'closed', 'aborted'] as const;
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;

export const PHASE_ACTIONS = [
  'startInfusion',
  'pauseInfusion',
  'resumeInfusion',
  'stopInfusion',
  'discharge',
  'close',
  'abort',
] as const;
export const PhaseActionSchema = z.enum(PHASE_ACTIONS);
export type PhaseAction = z.infer<typeof PhaseActionSchema>;

/** Phases in which the session is still under way (a chair is occupied). */
export const OPEN_PHASES: readonly Phase[] = ['screening', 'infusing', 'paused', 'recovery', 'discharged'];
/** Phases in which the timer runs and ticks are pushed. */
export const RUNNING_PHASES: readonly Phase[] = ['infusing', 'paused', 'recovery'];
