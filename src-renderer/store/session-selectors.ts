import { startTransition, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import type { SessionTimer } from '../../shared/domain/session';
import type { SessionDetail } from '../../shared/domain/views';
import { useAppStore } from './app-store';

/**
 * A session's screen without its rows (readings, alerts) and its clock (`useSessionTimer`):
 * what the header and the side panels show. A pushed reading or alert, or the tick, leaves
 * it as it was, so they do not re-render.
 */
export type SessionPanels = Omit<SessionDetail, 'readings' | 'readingCount' | 'alerts' | 'alertCount' | 'timer'>;

const NO_ALERTS: readonly Alert[] = [];
const NO_READINGS: readonly Reading[] = [];

function panelsOf(detail: SessionDetail | undefined): SessionPanels | undefined {
  if (!detail) return undefined;
  const { readings: _readings, readingCount: _count, alerts: _alerts, alertCount: _alertCount, timer: _timer, ...panels } = detail;
  return panels;
}

/** The screen's panels; the same object until one of its parts changes. */
export function useSessionPanels(sessionId: number): SessionPanels | undefined {
  return useAppStore(useShallow((state) => panelsOf(state.details[sessionId])));
}

/** The session's clock as of the latest tick (or its load). */
export function useSessionTimer(sessionId: number): SessionTimer | undefined {
  return useAppStore((state) => state.timers[sessionId] ?? state.details[sessionId]?.timer);
}

export function useSessionAlerts(sessionId: number): readonly Alert[] {
  return useAppStore((state) => state.details[sessionId]?.alerts ?? NO_ALERTS);
}

/** What the screen does not hold of a session's alerts: how many, raised before when (null: it holds them all). */
export interface EarlierAlerts {
  missing: number;
  raisedBefore: number;
}

export function useEarlierAlerts(sessionId: number): EarlierAlerts | null {
  return useAppStore(
    useShallow((state) => {
      const detail = state.details[sessionId];
      const before = state.alertsPagedBefore[sessionId];
      const missing = detail ? detail.alertCount - detail.alerts.length : 0;
      const oldest = before === null || before === undefined ? undefined : detail?.alerts.find((alert) => alert.id === before);
      return missing > 0 && oldest ? { missing, raisedBefore: oldest.raisedAt } : null;
    }),
  );
}

/** The loaded rows (observation order) and how many the session has in all. */
export function useSessionReadings(sessionId: number): { readings: readonly Reading[]; readingCount: number } {
  return useAppStore(useShallow((state) => ({ readings: state.details[sessionId]?.readings ?? NO_READINGS, readingCount: state.details[sessionId]?.readingCount ?? 0 })));
}

/**
 * `value`, but a change reaches the caller only after the next frame is painted, as a
 * transition (interruptible). For what is slow to draw (the trend, the table): an alert
 * pushed with the same reading paints first, and a chart render never delays it.
 */
export function useAfterPaint<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    return afterNextPaint(() => startTransition(() => setSettled(value)));
  }, [settled, value]);
  return settled;
}

/**
 * False until the frame after the first render: a part that is slow to draw (the trend, the
 * table) waits for it, so a session opens with its header, alerts and latest values painted first.
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (painted ? undefined : afterNextPaint(() => setPainted(true))), [painted]);
  return painted;
}

/** Runs `task` in a task of its own after the next frame is painted; returns the cancel. */
function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
