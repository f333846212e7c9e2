import { NEWS2_ALERT_PARAMETERS, type AlertParameter, type EvaluationValues } from '../../../shared/clinical/alert-rules';
import { news2AlertValues } from '../../../shared/clinical/news2-reading';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../../../shared/clinical/parameters';
import { VITALS_CHECK_REQUIRED_PARAMETERS } from '../../../shared/clinical/screening-checklist';
import type { MonitoringReading } from '../../../shared/clinical/due-checks';
import type { Reading } from '../../../shared/domain/reading';

/** What the alert engine and the schedule need from one current reading. */
export interface StateEntry {
  id: number;
  observedAt: number;
  recordedAt: number;
  /** Vital values and the NEWS2 figures rules can watch. */
  values: EvaluationValues;
  hasVitals: boolean;
  hasBloodPressure: boolean;
  /** Taken from a bedside monitor (its alerts wait for the clinic's monitor confirmation). */
  fromMonitor: boolean;
}

export const ALERT_PARAMETERS: readonly AlertParameter[] = [...VITAL_PARAMETER_KEYS, 'news2Total', 'news2HighestSingle', 'news2HighestSingleExceptConsciousness'];

function hasEvery(values: Reading['values'], keys: readonly (keyof Reading['values'])[]): boolean {
  for (const key of keys) if (values[key] === undefined) return false;
  return true;
}

export function entryOf(reading: Reading): StateEntry {
  // Built key by key: V8 (Node 20) adds keys to a spread copy on its slow path, ~0.6 µs a key (once per reading).
  const values: EvaluationValues = {};
  for (const key of VITAL_PARAMETER_KEYS) if (reading.values[key] !== undefined) values[key] = reading.values[key];
  if (reading.news2) {
    const news2 = news2AlertValues(reading.news2);
    for (const key of NEWS2_ALERT_PARAMETERS) values[key] = news2[key];
  }
  return {
    id: reading.id,
    observedAt: reading.observedAt,
    recordedAt: reading.recordedAt,
    values,
    hasVitals: hasEvery(reading.values, VITALS_CHECK_REQUIRED_PARAMETERS),
    hasBloodPressure: reading.values.systolicMmHg !== undefined && reading.values.diastolicMmHg !== undefined,
    fromMonitor: reading.source === 'monitor',
  };
}

/** Observation order, the order every rule reads readings in: observed time, then id. */
const before = (a: StateEntry, observedAt: number, id: number) => a.observedAt < observedAt || (a.observedAt === observedAt && a.id < id);

/** Entries kept sorted by (observedAt, id). Readings arrive in order, so adding is a push; a late entry is a binary search. */
export class SortedEntries {
  readonly items: StateEntry[] = [];

  /** Index of the first entry not before (observedAt, id). */
  private lowerBound(observedAt: number, id: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.items[mid] as StateEntry, observedAt, id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(entry: StateEntry): void {
    const last = this.items.at(-1);
    if (!last || before(last, entry.observedAt, entry.id)) this.items.push(entry);
    else this.items.splice(this.lowerBound(entry.observedAt, entry.id), 0, entry);
  }

  remove(entry: StateEntry): void {
    const at = this.lowerBound(entry.observedAt, entry.id);
    if (this.items[at]?.id === entry.id) this.items.splice(at, 1);
  }

  first = (): StateEntry | undefined => this.items[0];
  last = (): StateEntry | undefined => this.items.at(-1);
  /** The newest entry observed at or before `at`. */
  atOrBefore = (at: number): StateEntry | undefined => this.items[this.lowerBound(at, Number.POSITIVE_INFINITY) - 1];
  /** The oldest entry observed at or after `at`. */
  atOrAfter = (at: number): StateEntry | undefined => this.items[this.lowerBound(at, Number.NEGATIVE_INFINITY)];
  /** Newest first, stopping when `visit` returns false: cost is what the caller reads, not the session length. */
  walkBack(visit: (entry: StateEntry) => boolean): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (!visit(this.items[i] as StateEntry)) return;
  }
}

/**
 * One session's current readings (no history, no artifacts) indexed for the questions the
 * alert engine and the schedule ask: the newest value of a parameter, the baseline, the run
 * of violating values, the newest vitals check, the BPs near a checkpoint. Every answer
 * costs O(log n) or what the caller walks, never a pass over the session.
 */
export class SessionReadingState {
  private readonly byId = new Map<number, StateEntry>();
  private readonly byParameter = new Map<AlertParameter, SortedEntries>(ALERT_PARAMETERS.map((p) => [p, new SortedEntries()]));
  /** The same lists in ALERT_PARAMETERS order, walked per reading without a [key, value] pair per parameter. */
  private readonly lists: readonly SortedEntries[] = ALERT_PARAMETERS.map((p) => this.byParameter.get(p) as SortedEntries);
  private readonly vitals = new SortedEntries();
  private readonly bloodPressure = new SortedEntries();

  constructor(entries: Iterable<StateEntry> = []) {
    for (const entry of entries) this.add(entry);
  }

  get size(): number {
    return this.byId.size;
  }

  has = (readingId: number): boolean => this.byId.has(readingId);

  add(entry: StateEntry): void {
    if (this.byId.has(entry.id)) return;
    this.byId.set(entry.id, entry);
    for (let i = 0; i < ALERT_PARAMETERS.length; i++) if (entry.values[ALERT_PARAMETERS[i] as AlertParameter] !== undefined) (this.lists[i] as SortedEntries).add(entry);
    if (entry.hasVitals) this.vitals.add(entry);
    if (entry.hasBloodPressure) this.bloodPressure.add(entry);
  }

  /** A reading stopped being current (corrected or marked an artifact). */
  remove(readingId: number): void {
    const entry = this.byId.get(readingId);
    if (!entry) return;
    this.byId.delete(readingId);
    for (let i = 0; i < ALERT_PARAMETERS.length; i++) if (entry.values[ALERT_PARAMETERS[i] as AlertParameter] !== undefined) (this.lists[i] as SortedEntries).remove(entry);
    if (entry.hasVitals) this.vitals.remove(entry);
    if (entry.hasBloodPressure) this.bloodPressure.remove(entry);
  }

  of = (parameter: AlertParameter): SortedEntries => this.byParameter.get(parameter) as SortedEntries;

  /** Each parameter's newest value and the reading it came from. */
  latest(): { values: EvaluationValues; sources: Partial<Record<AlertParameter, StateEntry>> } {
    const values: EvaluationValues = {};
    const sources: Partial<Record<AlertParameter, StateEntry>> = {};
    for (let i = 0; i < ALERT_PARAMETERS.length; i++) {
      const entry = (this.lists[i] as SortedEntries).last();
      if (!entry) continue;
      const parameter = ALERT_PARAMETERS[i] as AlertParameter;
      values[parameter] = entry.values[parameter];
      sources[parameter] = entry;
    }
    return { values, sources };
  }

  /** The last value observed at or before the infusion start, else the first value charted. */
  baseline(infusionStartedAt: number | null): EvaluationValues {
    const baseline: EvaluationValues = {};
    for (const key of VITAL_PARAMETER_KEYS) {
      const value = this.baselineOf(key, infusionStartedAt);
      if (value !== undefined) baseline[key] = value;
    }
    return baseline;
  }

  /** One vital parameter's baseline (as `baseline` gives it). */
  baselineOf(parameter: VitalParameter, infusionStartedAt: number | null): number | undefined {
    const list = this.of(parameter);
    const chosen = (infusionStartedAt === null ? undefined : list.atOrBefore(infusionStartedAt)) ?? list.first();
    return chosen?.values[parameter];
  }

  /** The newest current reading of any kind. */
  newestId(): number | null {
    let newest: StateEntry | undefined;
    for (const list of this.byParameter.values()) {
      const last = list.last();
      if (last && (!newest || before(newest, last.observedAt, last.id))) newest = last;
    }
    return newest?.id ?? null;
  }

  /**
   * The few readings `computeDueChecks` can pick from: the newest vitals check, and around
   * each moment a checkpoint hangs on the BPs nearest to it. Gives the same result as
   * passing every reading (a property test holds it to that).
   */
  monitoringReadings(moments: readonly (number | null)[]): MonitoringReading[] {
    const picked = new Map<number, StateEntry>();
    const pick = (entry: StateEntry | undefined) => entry && picked.set(entry.id, entry);
    pick(this.vitals.last());
    pick(this.bloodPressure.last());
    for (const at of moments) {
      if (at === null) continue;
      pick(this.bloodPressure.atOrBefore(at));
      pick(this.bloodPressure.atOrAfter(at));
    }
    return [...picked.values()].map((e) => ({ observedAt: e.observedAt, hasVitals: e.hasVitals, hasBloodPressure: e.hasBloodPressure }));
  }
}

/**
 * The per-session states, each built once from the stored record on first use and then kept
 * up to date by the code that commits readings. Bounded: the least recently used state is
 * dropped past `capacity` (rebuilt if needed again). After a failed transaction the caller
 * drops what it touched (`invalidate`), since the state may hold rows that were rolled back.
 */
export function createReadingStates(loadCurrent: (sessionId: number) => Iterable<StateEntry>, capacity = 64) {
  const states = new Map<number, SessionReadingState>();
  return {
    of(sessionId: number): SessionReadingState {
      let state = states.get(sessionId);
      if (state) {
        states.delete(sessionId);
      } else {
        state = new SessionReadingState(loadCurrent(sessionId));
        if (states.size >= capacity) states.delete(states.keys().next().value as number);
      }
      states.set(sessionId, state);
      return state;
    },
    /** The state if it is already built; a session nobody looked at is built from the record later. */
    ifLoaded: (sessionId: number): SessionReadingState | undefined => states.get(sessionId),
    invalidate(sessionId?: number): void {
      if (sessionId === undefined) states.clear();
      else states.delete(sessionId);
    },
  };
}

export type ReadingStates = ReturnType<typeof createReadingStates>;
