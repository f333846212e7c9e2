import { useEffect, useRef } from 'react';
import { isCurrentReading } from '../../shared/domain/reading';
import type { SessionDetail } from '../../shared/domain/views';
import { loadSession } from '../store/sync';

/**
 * A pushed reading lands in the store without main's start blockers, which depend on the
 * baseline vitals. When the set of current readings changes, read the screen again so the
 * list the nurse sees is main's, not one from before the baseline (or its correction).
 */
export function useFreshStartBlockers(detail: SessionDetail): void {
  const sessionId = detail.session.id;
  const readingsKey = detail.readings.map((reading) => `${reading.id}:${isCurrentReading(reading) ? 1 : 0}`).join(',');
  const loadedKey = useRef(readingsKey);
  useEffect(() => {
    if (loadedKey.current === readingsKey) return;
    loadedKey.current = readingsKey;
    void loadSession(sessionId);
  }, [readingsKey, sessionId]);
}
