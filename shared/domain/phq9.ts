import { z } from 'zod';
import { PHQ9_BAND_IDS, PHQ9_MAX_TOTAL, Phq9AnswersSchema } from '../clinical/phq9';
import { EpochMsSchema, IdSchema } from './common';

export const Phq9InputSchema = z.object({ sessionId: IdSchema, answers: Phq9AnswersSchema }).strict();
export type Phq9Input = z.infer<typeof Phq9InputSchema>;

/** One PHQ-9 as recorded before a session: the answers, and the score main computed from them. */
export const Phq9RecordSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  answers: Phq9AnswersSchema,
  total: z.number().int().min(0).max(PHQ9_MAX_TOTAL),
  band: z.enum(PHQ9_BAND_IDS),
  selfHarmFlag: z.boolean(),
  at: EpochMsSchema,
  userName: z.string(),
});
export type Phq9Record = z.infer<typeof Phq9RecordSchema>;
