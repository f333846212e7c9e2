import { VITAL_PARAMETER_KEYS } from '../../../shared/clinical/parameters';
import type { Trend, TrendBucket, TrendRequest, TrendValues } from '../../../shared/domain/reading-views';
import type { CoreDeps } from '../deps';
import { READING_COLUMNS } from './reading-columns';
import type { SessionService } from './sessions';

/** Current readings only: not replaced by a correction, not (now) marked an artifact. */
const CURRENT_READINGS = `
  FROM readings r
  LEFT JOIN reading_annotations an ON an.id = (SELECT MAX(id) FROM reading_annotations WHERE reading_id = r.id)
  WHERE r.session_id = :sessionId AND NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id) AND an.kind IS NOT 'artifact'`;

type BucketRow = Record<string, number | null> & { bucket: number; n: number };

/**
 * The trend the chart draws: a session's current readings over a time range, as the min and
 * max of each parameter per time bucket (so a spike is never averaged away). The database
 * does the grouping; the reply has at most `buckets` rows whatever the session's length.
 */
export function createTrendService({ db }: CoreDeps, sessions: SessionService) {
  const columns = VITAL_PARAMETER_KEYS.map((key) => READING_COLUMNS[key]);
  const range = db.prepare<{ sessionId: number }, { first: number | null; last: number | null }>(
    `SELECT MIN(r.observed_at) AS first, MAX(r.observed_at) AS last ${CURRENT_READINGS}`,
  );
  const grouped = db.prepare<{ sessionId: number; fromAt: number; toAt: number; bucketMs: number }, BucketRow>(
    `SELECT CAST((r.observed_at - :fromAt) / :bucketMs AS INTEGER) AS bucket, COUNT(*) AS n,
       ${columns.map((c) => `MIN(r.${c}) AS ${c}_min, MAX(r.${c}) AS ${c}_max`).join(', ')}
     ${CURRENT_READINGS} AND r.observed_at BETWEEN :fromAt AND :toAt
     GROUP BY bucket ORDER BY bucket`,
  );

  return {
    trend(request: TrendRequest): Trend {
      sessions.get(request.sessionId);
      const whole = request.fromAt === undefined || request.toAt === undefined ? range.get({ sessionId: request.sessionId }) : undefined;
      const fromAt = request.fromAt ?? whole?.first ?? null;
      const toAt = request.toAt ?? whole?.last ?? null;
      if (fromAt === null || toAt === null || fromAt > toAt) return { fromAt, toAt, bucketMs: 1, buckets: [] };
      const bucketMs = Math.max(1, Math.ceil((toAt - fromAt + 1) / request.buckets));
      const buckets: TrendBucket[] = grouped.all({ sessionId: request.sessionId, fromAt, toAt, bucketMs }).map((row) => {
        const values: TrendValues = {};
        for (const key of VITAL_PARAMETER_KEYS) {
          const min = row[`${READING_COLUMNS[key]}_min`];
          const max = row[`${READING_COLUMNS[key]}_max`];
          if (typeof min === 'number' && typeof max === 'number') values[key] = { min, max };
        }
        return { at: fromAt + row.bucket * bucketMs, count: row.n, values };
      });
      return { fromAt, toAt, bucketMs, buckets };
    },
  };
}

export type TrendService = ReturnType<typeof createTrendService>;
