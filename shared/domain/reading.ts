import { z } from 'zod';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../clinical/parameters';
import { EpochMsSchema, IdSchema } from './common';

const optionalValue = z.number().finite().optional();

/** The values of one reading; every parameter is optional, at least one is required. */
export const ReadingValuesSchema = z.object({
  heartRateBpm: optionalValue,
  systolicMmHg: optionalValue,
  diastolicMmHg: optionalValue,
  meanArterialMmHg: optionalValue,
  spo2Pct: optionalValue,
  respiratoryRatePerMin: optionalValue,
  etco2MmHg: optionalValue,
  temperatureC: optionalValue,
  moaasScore: optionalValue,
  dissociationLevel: optionalValue,
}) satisfies z.ZodType<Partial<Record<VitalParameter, number>>>;
export type ReadingValues = z.infer<typeof ReadingValuesSchema>;

export const VitalParameterSchema = z.enum(VITAL_PARAMETER_KEYS);

export const NewReadingSchema = z.object({
  sessionId: IdSchema,
  /** When the values were observed at the chair; defaults to now. Older than the grace period marks the entry late. */
  observedAt: EpochMsSchema.optional(),
  values: ReadingValuesSchema,
  /** Parameters whose unusual-but-possible values the nurse has confirmed. */
  confirmed: z.array(VitalParameterSchema).default([]),
});
export type NewReading = z.input<typeof NewReadingSchema>;

export const ReadingSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  observedAt: EpochMsSchema,
  recordedAt: EpochMsSchema,
  recordedBy: IdSchema,
  recordedByName: z.string(),
  values: ReadingValuesSchema,
  mapSource: z.enum(['computed', 'measured']).nullable(),
  /** Recorded long enough after it was observed to be labelled a late entry. */
  late: z.boolean(),
});
export type Reading = z.infer<typeof ReadingSchema>;
