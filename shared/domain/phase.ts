import { z } from 'zod';

import { PHASES } from './phase-names';

export { OPEN_PHASES, PHASES, RUNNING_PHASES, type Phase } from './phase-names';
export const PhaseSchema = z.enum(PHASES);

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
