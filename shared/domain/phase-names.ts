// No zod here: the renderer's first screen reads these (issue 10); phase.ts adds the schemas.

/** A session's phases, kept by main (CLINICAL.md section 1). */
export const PHASES = ['screening', 'infusing', 'paused', 'recovery', 'discharged', 'closed', 'aborted'] as const;
export type Phase = (typeof PHASES)[number];

/** Phases in which the session is still under way (a chair is occupied). */
export const OPEN_PHASES: readonly Phase[] = ['screening', 'infusing', 'paused', 'recovery', 'discharged'];
/** Phases in which the timer runs and ticks are pushed. */
export const RUNNING_PHASES: readonly Phase[] = ['infusing', 'paused', 'recovery'];
