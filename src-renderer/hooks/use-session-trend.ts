import { useEffect, useState } from 'react';
import type { Trend } from '../../shared/domain/reading-views';
import type { Result } from '../../shared/result';
import { call } from '../transport/client';

/** About one point per pixel of the chart's width. */
const TREND_BUCKETS = 600;

const asked = new Map<number, Promise<Result<Trend>>>();

function askTrend(sessionId: number): Promise<Result<Trend>> {
  return call('reading/trend', { sessionId, buckets: TREND_BUCKETS });
}

/**
 * Asks main for a session's trend as the screen opens, side by side with `session/get`
 * (whether it is needed is known only from that answer); `useSessionTrend` takes it up.
 */
export function prefetchSessionTrend(sessionId: number): void {
  asked.set(sessionId, askTrend(sessionId));
}

/**
 * Main's downsampled trend (min/max per time bucket) of a session whose readings are not
 * all loaded (a long session opens with its newest rows only); null otherwise, and while
 * it is on its way.
 */
export function useSessionTrend(sessionId: number, needed: boolean): Trend | null {
  const [trend, setTrend] = useState<Trend | null>(null);
  useEffect(() => {
    if (!needed) {
      asked.delete(sessionId);
      return;
    }
    let cancelled = false;
    const request = asked.get(sessionId) ?? askTrend(sessionId);
    asked.delete(sessionId);
    void request.then((result) => {
      if (!cancelled && result.ok) setTrend(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [sessionId, needed]);
  return needed ? trend : null;
}
