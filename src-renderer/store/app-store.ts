import { create } from 'zustand';
import type { Alert } from '../../shared/domain/alert';
import type { Reading } from '../../shared/domain/reading';
import type { SessionTimer } from '../../shared/domain/session';
import type { User } from '../../shared/domain/user';
import type { AuthStatus, SessionDetail, SessionLive, SessionSummary } from '../../shared/domain/views';
import { compareChairs } from '../../shared/domain/chair-order';
import { OPEN_PHASES } from '../../shared/domain/phase-names';
import type { LinkState } from '../transport/websocket-bridge';
import { keepIfEqual } from './keep-equal';

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
  | { kind: 'backups' }
  | { kind: 'protocols' }
  | { kind: 'patientHistory'; patientId: number }
  | { kind: 'records' }
  | { kind: 'record'; sessionId: number }
  | { kind: 'clinicReport' }
  | { kind: 'clinicSettings' }
  | { kind: 'monitors' };

/**
 * The renderer's mirror of main. It never computes a clinical fact main does not store:
 * it only holds what calls returned and what events pushed.
 */
export interface AppState {
  link: LinkState;
  auth: AuthState;
  /** Main has locked this workstation: the lock screen shows, patient data is dropped, the view is kept for the unlock. */
  locked: boolean;
  /** After a quick switch: who "Hand back" returns the window to. */
  handBackTo: AuthStatus['handBackTo'];
  view: View;
  openSessions: SessionSummary[];
  details: Record<number, SessionDetail>;
  /**
   * Per session, the id older alerts are paged before (`alert/page`): the oldest ended one held.
   * null once there are none older. session/get carries every active alert and the newest others only.
   */
  alertsPagedBefore: Record<number, number | null>;
  timers: Record<number, SessionTimer>;
  /** Main's clock minus this window's clock, from the latest tick; main's "now" is the one that counts. */
  serverClockOffsetMs: number;
  setLink(link: LinkState): void;
  setAuth(auth: AuthState): void;
  setLock(locked: boolean, handBackTo: AuthStatus['handBackTo']): void;
  /** Forgets every patient's data (the lock, or a switch to someone without a clinical role); keeps the view. */
  hidePatientData(): void;
  show(view: View): void;
  setOpenSessions(list: SessionSummary[]): void;
  setDetail(detail: SessionDetail): void;
  applyTimers(timers: SessionTimer[], serverNowAt?: number): void;
  applyReading(reading: Reading): void;
  applyAlert(alert: Alert): void;
  /** A session's list row and the live parts of its screen, pushed after each commit. */
  applyLive(live: SessionLive): void;
  /** Older alerts, a page from `alert/page` (newest first) of at most `limit`; a shorter page was the last. */
  addOlderAlerts(sessionId: number, newestFirst: Alert[], limit: number): void;
  /** Older rows of the table, a page from `reading/page` (newest first), placed before the loaded ones. */
  addOlderReadings(sessionId: number, newestFirst: Reading[]): void;
  reset(): void;
}

/** Observation order, the order main sends a session's readings in. */
/** A chair opened later still takes its place in the header's counting order. */
const byChairOf = (a: SessionSummary, b: SessionSummary) => compareChairs(a.session.chair, b.session.chair) || a.session.id - b.session.id;
const byObservation = (a: Reading, b: Reading) => a.observedAt - b.observedAt || a.id - b.id;

/**
 * Merges one pushed reading into a session's rows: a new newest reading is appended (the
 * usual case, no copy-and-sort of the session); a late entry or a changed row is placed in
 * order; a correction marks the reading it replaced as superseded.
 */
export function mergeReading(readings: readonly Reading[], reading: Reading): Reading[] {
  const last = readings.at(-1);
  let merged: Reading[];
  if (!last || byObservation(last, reading) < 0) merged = [...readings, reading];
  else merged = upsert(readings, reading).sort(byObservation);
  if (reading.supersedesId !== null) {
    const index = merged.findIndex((r) => r.id === reading.supersedesId);
    const original = merged[index];
    if (original && original.supersededById !== reading.id) merged[index] = { ...original, supersededById: reading.id };
  }
  return merged;
}

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

/** The oldest ended alert of a list: where paging older ones goes on from. */
function oldestEnded(alerts: readonly Alert[]): number | null {
  const ended = alerts.filter((alert) => alert.state !== 'active').map((alert) => alert.id);
  return ended.length === 0 ? null : Math.min(...ended);
}

/**
 * A session's screen as main sent it, keeping the older alerts this window had already paged in
 * (a phase change reloads the screen; the timeline the nurse opened up stays open).
 */
function withPagedAlerts(detail: SessionDetail, held: SessionDetail | undefined, heldBefore: number | null | undefined): { detail: SessionDetail; before: number | null } {
  const before = oldestEnded(detail.alerts);
  if (!held || heldBefore === undefined || before === null || heldBefore === null || heldBefore >= before) return { detail, before };
  const known = new Set(detail.alerts.map((alert) => alert.id));
  const older = held.alerts.filter((alert) => alert.id < before && !known.has(alert.id));
  return { detail: { ...detail, alerts: [...older, ...detail.alerts].sort(byId) }, before: heldBefore };
}

function upsert<T extends { id: number }>(list: readonly T[], item: T): T[] {
  const index = list.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...list, item];
  const copy = [...list];
  copy[index] = item;
  return copy;
}

/** The screen with a pushed update applied; every part main sent unchanged keeps its reference (nothing showing it re-renders). */
function liveDetail(detail: SessionDetail, summary: SessionSummary, screen: Omit<SessionLive, 'summary'>): SessionDetail {
  return {
    ...detail,
    session: keepIfEqual(detail.session, summary.session),
    patient: keepIfEqual(detail.patient, summary.patient),
    timer: summary.timer,
    dueChecks: keepIfEqual(detail.dueChecks, screen.dueChecks),
    startBlockers: keepIfEqual(detail.startBlockers, screen.startBlockers),
    dischargeBlockers: keepIfEqual(detail.dischargeBlockers, screen.dischargeBlockers),
    delivered: keepIfEqual(detail.delivered, screen.delivered),
  };
}

export const useAppStore = create<AppState>()((set) => ({
  link: 'connecting',
  auth: { kind: 'loading' },
  locked: false,
  handBackTo: null,
  view: { kind: 'patients' },
  openSessions: [],
  details: {},
  alertsPagedBefore: {},
  timers: {},
  serverClockOffsetMs: 0,
  setLink: (link) => set({ link }),
  setAuth: (auth) => set({ auth }),
  setLock: (locked, handBackTo) => set({ locked, handBackTo }),
  hidePatientData: () => set({ openSessions: [], details: {}, alertsPagedBefore: {} }),
  show: (view) => set({ view }),
  setOpenSessions: (openSessions) =>
    set((state) => ({
      openSessions,
      timers: { ...state.timers, ...Object.fromEntries(openSessions.map((summary) => [summary.session.id, summary.timer])) },
    })),
  setDetail: (sent) =>
    set((state) => {
      const id = sent.session.id;
      const { detail, before } = withPagedAlerts(sent, state.details[id], state.alertsPagedBefore[id]);
      return {
        details: { ...state.details, [id]: detail },
        alertsPagedBefore: { ...state.alertsPagedBefore, [id]: before },
        timers: { ...state.timers, [id]: detail.timer },
        serverClockOffsetMs: detail.timer.nowAt - Date.now(),
      };
    }),
  applyTimers: (timers, serverNowAt) =>
    set((state) => ({
      timers: { ...state.timers, ...Object.fromEntries(timers.map((timer) => [timer.sessionId, timer])) },
      ...(serverNowAt === undefined ? {} : { serverClockOffsetMs: serverNowAt - Date.now() }),
    })),
  applyReading: (reading) =>
    set((state) => {
      const detail = state.details[reading.sessionId];
      if (!detail) return {};
      const isNew = !detail.readings.some((r) => r.id === reading.id);
      const merged = { ...detail, readings: mergeReading(detail.readings, reading), readingCount: detail.readingCount + (isNew ? 1 : 0) };
      return { details: { ...state.details, [reading.sessionId]: merged } };
    }),
  applyAlert: (alert) =>
    set((state) => {
      const detail = state.details[alert.sessionId];
      if (!detail) return {};
      const alertCount = detail.alerts.some((shown) => shown.id === alert.id) ? detail.alertCount : detail.alertCount + 1;
      return { details: { ...state.details, [alert.sessionId]: { ...detail, alerts: upsert(detail.alerts, alert), alertCount } } };
    }),
  addOlderAlerts: (sessionId, newestFirst, limit) =>
    set((state) => {
      const detail = state.details[sessionId];
      if (!detail) return {};
      // An active alert session/get carried may come again: the one held is as new or newer (events update it).
      const known = new Set(detail.alerts.map((alert) => alert.id));
      const alerts = [...newestFirst.filter((alert) => !known.has(alert.id)), ...detail.alerts].sort(byId);
      const before = newestFirst.length < limit ? null : (newestFirst.at(-1)?.id ?? null);
      return { details: { ...state.details, [sessionId]: { ...detail, alerts } }, alertsPagedBefore: { ...state.alertsPagedBefore, [sessionId]: before } };
    }),
  addOlderReadings: (sessionId, newestFirst) =>
    set((state) => {
      const detail = state.details[sessionId];
      if (!detail) return {};
      const known = new Set(detail.readings.map((r) => r.id));
      const older = newestFirst.filter((r) => !known.has(r.id)).reverse();
      return { details: { ...state.details, [sessionId]: { ...detail, readings: [...older, ...detail.readings] } } };
    }),
  applyLive: ({ summary, ...screen }) =>
    set((state) => {
      const id = summary.session.id;
      const open = OPEN_PHASES.includes(summary.session.phase);
      const index = state.openSessions.findIndex((s) => s.session.id === id);
      const held = state.openSessions[index];
      const row = held ? { ...summary, session: keepIfEqual(held.session, summary.session), patient: keepIfEqual(held.patient, summary.patient) } : summary;
      const openSessions = open
        ? held
          ? state.openSessions.map((s, i) => (i === index ? row : s))
          : [...state.openSessions, row].sort(byChairOf)
        : state.openSessions.filter((s) => s.session.id !== id);
      const detail = state.details[id];
      return {
        openSessions,
        timers: { ...state.timers, [id]: summary.timer },
        ...(detail ? { details: { ...state.details, [id]: liveDetail(detail, summary, screen) } } : {}),
      };
    }),
  reset: () => set({ view: { kind: 'patients' }, openSessions: [], details: {}, alertsPagedBefore: {}, timers: {}, locked: false, handBackTo: null }),
}));
