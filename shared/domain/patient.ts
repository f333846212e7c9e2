import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';

export const MrnSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{3,32}$/, 'An MRN is 3-32 letters, digits or dashes');

export const IsoDateSchema = z.iso.date('Use a date as YYYY-MM-DD');

export const NewPatientSchema = z.object({
  mrn: MrnSchema,
  familyName: z.string().trim().min(1, 'Enter the family name').max(100),
  givenName: z.string().trim().min(1, 'Enter the given name').max(100),
  dateOfBirth: IsoDateSchema,
  weightKg: z.number().finite(),
});
export type NewPatient = z.infer<typeof NewPatientSchema>;

export const PatientSchema = NewPatientSchema.extend({
  id: IdSchema,
  createdAt: EpochMsSchema,
});
export type Patient = z.infer<typeof PatientSchema>;
