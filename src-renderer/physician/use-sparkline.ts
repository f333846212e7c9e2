import { useEffect, useState } from 'react';
import { isCurrentReading } from '../../shared/domain/reading';
import { bridge, call } from '../transport/client';

/** About the tile's width in points: main's downsample gives one bucket per point. */
const SPARK_BUCKETS = 40;
/** What the tile keeps as readings arrive (older points drop off the left). */
const SPARK_POINTS_MAX = 80;

export interface SparkPoint {
  key: string;
  t: number;
  systolicMmHg?: number;
  spo2Pct?: number;
}

/**
 * A session's SBP and SpO2 over time for the physician's tile: main's trend (the highest SBP
 * and lowest SpO2 per bucket, so no peak or dip is smoothed away) once, then each reading as
 * it is pushed; a correction or an artifact takes its reading out.
 */
export function useSparkline(sessionId: number): SparkPoint[] {
  const [points, setPoints] = useState<SparkPoint[]>([]);
  useEffect(() => {
    let cancelled = false;
    void call('reading/trend', { sessionId, buckets: SPARK_BUCKETS }).then((result) => {
      if (cancelled || !result.ok) return;
      const fromTrend = result.value.buckets.map((bucket) => ({ key: `b${bucket.at}`, t: bucket.at, systolicMmHg: bucket.values.systolicMmHg?.max, spo2Pct: bucket.values.spo2Pct?.min }));
      setPoints((pushed) => [...fromTrend.filter((p) => !pushed.some((q) => q.t <= p.t)), ...pushed].slice(-SPARK_POINTS_MAX));
    });
    const unsubscribe = bridge().subscribe('reading/added', (reading) => {
      if (reading.sessionId !== sessionId) return;
      setPoints((current) => {
        const gone = new Set([`r${reading.id}`, ...(reading.supersedesId === null ? [] : [`r${reading.supersedesId}`])]);
        const kept = current.filter((p) => !gone.has(p.key));
        if (!isCurrentReading(reading) || (reading.values.systolicMmHg === undefined && reading.values.spo2Pct === undefined)) return kept;
        const point = { key: `r${reading.id}`, t: reading.observedAt, systolicMmHg: reading.values.systolicMmHg, spo2Pct: reading.values.spo2Pct };
        return [...kept, point].sort((a, b) => a.t - b.t).slice(-SPARK_POINTS_MAX);
      });
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [sessionId]);
  return points;
}
