import { create } from 'zustand';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import type { SessionTimer } from '../../shared/domain/session';
import type { User } from '../../shared/domain/user';
import type { SessionDetail, SessionSummary } from '../../shared/domain/views';
import type { LinkState } from '../transport/websocket-bridge';

export type AuthState =
  | { kind: 'loading' }
  | { kind: 'setup' }
  | { kind: 'signedOut' }
  /** Signed in with a one-time code: main allows nothing but choosing a PIN. */
  | { kind: 'choosePin'; user: User }
  | { kind: 'signedIn'; user: User };
export type View =
  | { kind: 'physician' }
  | { kind: 'rules' }
  | { kind: 'patients' }
  | { kind: 'session'; sessionId: number }
  | { kind: 'users' }
  | { kind: 'audit' }
  | { kind: 'protocols' }
  | { kind: 'patientHistory'; patientId: number }
  | { kind: 'records' }
  | { kind: 'record'; sessionId: number }
  | { kind: 'clinicReport' };

/**
 * The renderer's mirror of main. It never computes a clinical fact main does not store:
 * it only holds what calls returned and what events pushed.
 */
export interface AppState {
  link: LinkState;
  auth: AuthState;
  view: View;
  openSessions: SessionSummary[];
  details: Record<number, SessionDetail>;
  timers: Record<number, SessionTimer>;
  /** Main's clock minus this window's clock, from the latest tick; main's "now" is the one that counts. */
  serverClockOffsetMs: number;
  setLink(link: LinkState): void;
  setAuth(auth: AuthState): void;
  show(view: View): void;
  setOpenSessions(list: SessionSummary[]): void;
  setDetail(detail: SessionDetail): void;
  applyTimers(timers: SessionTimer[], serverNowAt?: number): void;
  applyReading(reading: Reading): void;
  applyAlert(alert: Alert): void;
  reset(): void;
}

function upsert<T extends { id: number }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...list, item];
  const copy = [...list];
  copy[index] = item;
  return copy;
}

export const useAppStore = create<AppState>()((set) => ({
  link: 'connecting',
  auth: { kind: 'loading' },
  view: { kind: 'patients' },
  openSessions: [],
  details: {},
  timers: {},
  serverClockOffsetMs: 0,
  setLink: (link) => set({ link }),
  setAuth: (auth) => set({ auth }),
  show: (view) => set({ view }),
  setOpenSessions: (openSessions) =>
    set((state) => ({
      openSessions,
      timers: { ...state.timers, ...Object.fromEntries(openSessions.map((summary) => [summary.session.id, summary.timer])) },
    })),
  setDetail: (detail) =>
    set((state) => ({
      details: { ...state.details, [detail.session.id]: detail },
      timers: { ...state.timers, [detail.session.id]: detail.timer },
      serverClockOffsetMs: detail.timer.nowAt - Date.now(),
    })),
  applyTimers: (timers, serverNowAt) =>
    set((state) => ({
      timers: { ...state.timers, ...Object.fromEntries(timers.map((timer) => [timer.sessionId, timer])) },
      ...(serverNowAt === undefined ? {} : { serverClockOffsetMs: serverNowAt - Date.now() }),
    })),
  applyReading: (reading) =>
    set((state) => {
      const detail = state.details[reading.sessionId];
      if (!detail) return {};
      const readings = upsert(detail.readings, reading).sort((a, b) => a.observedAt - b.observedAt || a.id - b.id);
      return { details: { ...state.details, [reading.sessionId]: { ...detail, readings } } };
    }),
  applyAlert: (alert) =>
    set((state) => {
      const detail = state.details[alert.sessionId];
      if (!detail) return {};
      return { details: { ...state.details, [alert.sessionId]: { ...detail, alerts: upsert(detail.alerts, alert) } } };
    }),
  reset: () => set({ view: { kind: 'patients' }, openSessions: [], details: {}, timers: {} }),
}));
