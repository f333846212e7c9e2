import { z } from 'zod';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../clinical/parameters';
import { EpochMsSchema, IdSchema } from './common';
import { ReadingSchema } from './reading';
import { ALERT_PAGE_MAX_ROWS, READING_PAGE_MAX_ROWS } from './reading-limits';

/**
 * A session's readings in pieces, so opening a long session never ships all of it: pages
 * of the table (newest first) and the trend as a min/max per time bucket.
 */

export { ALERT_PAGE_MAX_ROWS, READING_PAGE_MAX_ROWS, SESSION_GET_ALERTS_MAX, SESSION_GET_READINGS_MAX } from './reading-limits';
export const AlertPageRequestSchema = z
  .object({
    sessionId: IdSchema,
    /** Alerts raised before this one (ids rise with raising). */
    beforeId: IdSchema,
    limit: z.number().int().min(1).max(ALERT_PAGE_MAX_ROWS),
  })
  .strict();
/** Most buckets one trend may ask for (about a screen's width in pixels). */
export const TREND_MAX_BUCKETS = 2_000;

export const ReadingPageRequestSchema = z
  .object({
    sessionId: IdSchema,
    /** Rows observed before this one (exclusive), in the table's order; absent: from the newest. */
    before: z.object({ observedAt: EpochMsSchema, id: IdSchema }).strict().optional(),
    limit: z.number().int().min(1).max(READING_PAGE_MAX_ROWS),
  })
  .strict();
export type ReadingPageRequest = z.infer<typeof ReadingPageRequestSchema>;

export const ReadingPageSchema = z.object({
  /** Every row (history and artifacts included), newest observation first. */
  readings: z.array(ReadingSchema),
  /** Rows in the whole session. */
  total: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});
export type ReadingPage = z.infer<typeof ReadingPageSchema>;

export const TrendRequestSchema = z
  .object({
    sessionId: IdSchema,
    /** The visible range; absent: the session's first to last current reading. */
    fromAt: EpochMsSchema.optional(),
    toAt: EpochMsSchema.optional(),
    buckets: z.number().int().min(1).max(TREND_MAX_BUCKETS),
  })
  .strict()
  .refine((r) => r.fromAt === undefined || r.toAt === undefined || r.fromAt <= r.toAt, { message: 'fromAt must not be after toAt', path: ['fromAt'] });
export type TrendRequest = z.infer<typeof TrendRequestSchema>;

const RangeSchema = z.object({ min: z.number(), max: z.number() });
export const TrendBucketSchema = z.object({
  /** Start of the bucket. */
  at: EpochMsSchema,
  /** Current readings (no history, no artifacts) in the bucket. */
  count: z.number().int().positive(),
  values: z.partialRecord(z.enum(VITAL_PARAMETER_KEYS), RangeSchema),
});
export type TrendBucket = z.infer<typeof TrendBucketSchema>;

export const TrendSchema = z.object({
  fromAt: EpochMsSchema.nullable(),
  toAt: EpochMsSchema.nullable(),
  bucketMs: z.number().int().positive(),
  /** Only buckets with readings, in time order. */
  buckets: z.array(TrendBucketSchema),
});
export type Trend = z.infer<typeof TrendSchema>;

export type TrendValues = Partial<Record<VitalParameter, { min: number; max: number }>>;
