import { z } from 'zod';
import { CO_MEDICATION_CLASSES, CONTRAINDICATIONS } from '../clinical/screening-checklist';
import { EpochMsSchema, IdSchema, oneLineText, ReasonSchema } from './common';

export const ContraindicationAnswersSchema = z.object(
  Object.fromEntries(CONTRAINDICATIONS.map((key) => [key, z.boolean()])) as Record<(typeof CONTRAINDICATIONS)[number], z.ZodBoolean>,
);
export type ContraindicationAnswers = z.infer<typeof ContraindicationAnswersSchema>;

export const CoMedicationSchema = z.object({
  name: oneLineText(z.string().trim().min(1, 'Name the medication').max(100)),
  medicationClass: z.enum(CO_MEDICATION_CLASSES),
});
export type CoMedication = z.infer<typeof CoMedicationSchema>;

export const ScreeningInputSchema = z.object({
  sessionId: IdSchema,
  contraindications: ContraindicationAnswersSchema,
  coMedications: z.array(CoMedicationSchema).max(30),
  consentGiven: z.boolean(),
  escortArranged: z.boolean(),
});
export type ScreeningInput = z.infer<typeof ScreeningInputSchema>;

export const ScreeningSchema = ScreeningInputSchema.extend({
  id: IdSchema,
  at: EpochMsSchema,
  userName: z.string(),
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const OverrideKindSchema = z.enum(['contraindication', 'minimumRecovery']);
export type OverrideKind = z.infer<typeof OverrideKindSchema>;

export const OverrideSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  kind: OverrideKindSchema,
  reason: z.string(),
  at: EpochMsSchema,
  userName: z.string(),
});
export type Override = z.infer<typeof OverrideSchema>;

export const NewOverrideSchema = z.object({ sessionId: IdSchema, kind: OverrideKindSchema, reason: ReasonSchema });
