import { z } from 'zod';
import { AldreteScoreSchema } from '../clinical/aldrete';
import { EpochMsSchema, IdSchema } from './common';

export const DischargeAssessmentInputSchema = z
  .object({
    sessionId: IdSchema,
    aldrete: AldreteScoreSchema,
    escortPresent: z.boolean(),
    noDrivingInstructionGiven: z.boolean(),
  })
  .strict();
export type DischargeAssessmentInput = z.infer<typeof DischargeAssessmentInputSchema>;

export const DischargeAssessmentSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  aldrete: AldreteScoreSchema,
  aldreteTotal: z.number().int().min(0).max(10),
  escortPresent: z.boolean(),
  noDrivingInstructionGiven: z.boolean(),
  at: EpochMsSchema,
  userName: z.string(),
});
export type DischargeAssessment = z.infer<typeof DischargeAssessmentSchema>;
