import { z } from 'zod';
import { EpochMsSchema, IdSchema, linesOfText, oneLineText } from './common';

export const MrnSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{3,32}$/, 'An MRN is 3-32 letters, digits or dashes');

export const IsoDateSchema = z.iso.date('Use a date as YYYY-MM-DD');

export const SEXES = ['female', 'male', 'other'] as const;
export const SexSchema = z.enum(SEXES);
/** Heights a person can have, in cm; outside this range it is a typing slip (metres, inches). */
export const HEIGHT_CM_RANGE = { min: 40, max: 250 } as const;
const HeightCmSchema = z.number().min(HEIGHT_CM_RANGE.min, `Height is at least ${HEIGHT_CM_RANGE.min} cm`).max(HEIGHT_CM_RANGE.max, `Height is at most ${HEIGHT_CM_RANGE.max} cm`);
const AllergiesSchema = linesOfText(z.string().trim().max(500));

/** Sex, height and allergies: kept as dated rows beside the patient, the newest one current. */
export const PatientDetailsInputSchema = z.object({
  sex: SexSchema.optional(),
  heightCm: HeightCmSchema.optional(),
  /** Free text as the patient or the referral states it; empty means none known. */
  allergies: AllergiesSchema.optional(),
});
export type PatientDetailsInput = z.infer<typeof PatientDetailsInputSchema>;

export const NewPatientSchema = z.object({
  mrn: MrnSchema,
  familyName: oneLineText(z.string().trim().min(1, 'Enter the family name').max(100)),
  givenName: oneLineText(z.string().trim().min(1, 'Enter the given name').max(100)),
  dateOfBirth: IsoDateSchema,
  weightKg: z.number().finite(),
  ...PatientDetailsInputSchema.shape,
});
export type NewPatient = z.infer<typeof NewPatientSchema>;

export const PatientDetailsSchema = z.object({ sex: SexSchema.nullable(), heightCm: HeightCmSchema.nullable(), allergies: z.string() });
export type PatientDetails = z.infer<typeof PatientDetailsSchema>;

export const PatientSchema = NewPatientSchema.extend({
  id: IdSchema,
  createdAt: EpochMsSchema,
  ...PatientDetailsSchema.shape,
});
export type Patient = z.infer<typeof PatientSchema>;
