import { z } from 'zod';
import { News2ScoreSchema } from '../clinical/news2';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../clinical/parameters';
import { EpochMsSchema, IdSchema, ReasonSchema } from './common';

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
})
  // An unknown key would otherwise be dropped silently: a value the nurse typed, lost.
  .strict() satisfies z.ZodType<Partial<Record<VitalParameter, number>>>;
export type ReadingValues = z.infer<typeof ReadingValuesSchema>;

export const VitalParameterSchema = z.enum(VITAL_PARAMETER_KEYS);

/** Main parses a plainly valid request without zod (src-main/core/fast-requests.ts, held to this schema by a property test): change both together. */
export const NewReadingSchema = z.object({
  sessionId: IdSchema,
  /** When the values were observed at the chair; defaults to now. Older than the grace period marks the entry late. */
  observedAt: EpochMsSchema.optional(),
  values: ReadingValuesSchema,
  /** Breathing supplemental oxygen (NEWS2 scores it); left out means not recorded. */
  onSupplementalOxygen: z.boolean().optional(),
  /** Parameters whose unusual-but-possible values the nurse has confirmed. */
  confirmed: z.array(VitalParameterSchema).default([]),
});
export type NewReading = z.input<typeof NewReadingSchema>;

export const ReadingSourceSchema = z.enum(['manual', 'monitor']);
export type ReadingSource = z.infer<typeof ReadingSourceSchema>;

export const ReadingSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  observedAt: EpochMsSchema,
  recordedAt: EpochMsSchema,
  recordedBy: IdSchema,
  recordedByName: z.string(),
  values: ReadingValuesSchema,
  mapSource: z.enum(['computed', 'measured']).nullable(),
  onSupplementalOxygen: z.boolean().nullable(),
  /** NEWS2 computed by main for a reading complete enough to score (null otherwise). */
  news2: News2ScoreSchema.nullable(),
  /** Recorded long enough after it was observed to be labelled a late entry. */
  late: z.boolean(),
  /** A correction names the reading it replaces and why; the original row stays as it was. */
  supersedesId: IdSchema.nullable(),
  correctionReason: z.string().nullable(),
  /** Set when a later correction replaced this reading: it is history, not the current value. */
  supersededById: IdSchema.nullable(),
  /** Marked as an artifact: kept in the record, left out of the trend and the alert engine. */
  artifact: z.object({ reason: z.string(), at: EpochMsSchema, userName: z.string() }).nullable(),
  /** Typed by a nurse, or taken from a bedside monitor (its equipment id in deviceId). */
  source: ReadingSourceSchema,
  deviceId: z.string().nullable(),
  /** A monitor value is unvalidated until a nurse validates it (or marks it as an artifact). */
  validation: z.object({ at: EpochMsSchema, userName: z.string() }).nullable(),
});
export type Reading = z.infer<typeof ReadingSchema>;

/** Current and trusted: not replaced by a correction, not marked as an artifact. */
export function isCurrentReading(reading: Reading): boolean {
  return reading.supersededById === null && reading.artifact === null;
}

export const ReadingCorrectionSchema = z.object({
  readingId: IdSchema,
  values: ReadingValuesSchema,
  onSupplementalOxygen: z.boolean().optional(),
  reason: ReasonSchema,
  confirmed: z.array(VitalParameterSchema).default([]),
});
export type ReadingCorrection = z.input<typeof ReadingCorrectionSchema>;

export const ReadingAnnotationSchema = z.object({
  readingId: IdSchema,
  kind: z.enum(['artifact', 'artifactCleared']),
  reason: ReasonSchema,
});
export type ReadingAnnotation = z.infer<typeof ReadingAnnotationSchema>;
