import { useEffect, useState } from 'react';
import type { Trend } from '../../shared/domain/reading-views';
import { call } from '../transport/client';

/** About one point per pixel of the chart's width. */
const TREND_BUCKETS = 600;

/**
 * Main's downsampled trend (min/max per time bucket) of a session whose readings are not
 * all loaded (a long session opens with its newest rows only); null otherwise.
 */
export function useSessionTrend(sessionId: number, needed: boolean): Trend | null {
  const [trend, setTrend] = useState<Trend | null>(null);
  useEffect(() => {
    if (!needed) return;
    let cancelled = false;
    void call('reading/trend', { sessionId, buckets: TREND_BUCKETS }).then((result) => {
      if (!cancelled && result.ok) setTrend(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [sessionId, needed]);
  return needed ? trend : null;
}
