import { checkReadingValues } from '../../../shared/clinical/validate-reading';
import { NEWS2_MINIMUM_PARAMETERS, news2ForReading } from '../../../shared/clinical/news2-reading';
import { meanArterialPressureMmHg } from '../../../shared/clinical/map';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../../../shared/clinical/parameters';
import { isCurrentReading, type Reading, type ReadingValues } from '../../../shared/domain/reading';
import { fail } from '../../../shared/result';
import type { ReadingPage, ReadingPageRequest } from '../../../shared/domain/reading-views';
import type { CoreDeps } from '../deps';
import { READING_COLUMNS } from './reading-columns';
import { createReadingStates, entryOf } from './reading-state';

type ReadingRow = Record<string, number | string | null> & {
  id: number;
  session_id: number;
  observed_at: number;
  recorded_at: number;
  recorded_by: number;
  recorded_by_name: string;
  map_source: 'computed' | 'measured' | null;
  supplemental_oxygen: number | null;
  supersedes_id: number | null;
  correction_reason: string | null;
  superseded_by_id: number | null;
  annotation_kind: 'artifact' | 'artifactCleared' | null;
  annotation_reason: string | null;
  annotation_at: number | null;
  annotation_user_name: string | null;
  news2_json: string | null;
  derived_version: number | null;
  source: 'manual' | 'monitor';
  device_id: string | null;
  validated_at: number | null;
  validated_by_name: string | null;
};

/** Bumped when what is derived at commit changes; rows with an older (or no) version are derived when read. */
const DERIVED_VERSION = 1;

function createReadingMapper(lateEntryAfterMs: number) {
  return (row: ReadingRow): Reading => {
    const values: ReadingValues = {};
    for (const key of VITAL_PARAMETER_KEYS) {
      const stored = row[READING_COLUMNS[key]];
      if (typeof stored === 'number') values[key] = stored;
    }
    const artifact =
      row.annotation_kind === 'artifact'
        ? { reason: row.annotation_reason ?? '', at: row.annotation_at ?? 0, userName: row.annotation_user_name ?? '' }
        : null;
    return {
      id: row.id,
      sessionId: row.session_id,
      observedAt: row.observed_at,
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
      recordedByName: row.recorded_by_name,
      values,
      mapSource: row.map_source,
      onSupplementalOxygen: row.supplemental_oxygen === null ? null : row.supplemental_oxygen === 1,
      news2:
        row.derived_version === DERIVED_VERSION
          ? row.news2_json === null
            ? null
            : (JSON.parse(row.news2_json) as Reading['news2'])
          : news2ForReading(values, row.supplemental_oxygen === null ? null : row.supplemental_oxygen === 1),
      late: row.recorded_at - row.observed_at > lateEntryAfterMs,
      supersedesId: row.supersedes_id,
      correctionReason: row.correction_reason,
      supersededById: row.superseded_by_id,
      artifact,
      source: row.source,
      deviceId: row.device_id,
      validation: row.validated_at === null ? null : { at: row.validated_at, userName: row.validated_by_name ?? '' },
    };
  };
}

// The newest annotation decides whether a reading is currently an artifact. Only a monitor
// reading can have a validation: a typed one (most rows, read on every charting call) skips the look-up.
const READING_SELECT = `
  SELECT r.*, u.display_name AS recorded_by_name,
    (SELECT c.id FROM readings c WHERE c.supersedes_id = r.id) AS superseded_by_id,
    an.kind AS annotation_kind, an.reason AS annotation_reason, an.at AS annotation_at, au.display_name AS annotation_user_name,
    CASE WHEN r.source = 'monitor' THEN (SELECT v.at FROM reading_validations v WHERE v.reading_id = r.id) END AS validated_at,
    CASE WHEN r.source = 'monitor' THEN (SELECT vu.display_name FROM reading_validations v JOIN users vu ON vu.id = v.user_id WHERE v.reading_id = r.id) END AS validated_by_name
  FROM readings r
  JOIN users u ON u.id = r.recorded_by
  LEFT JOIN reading_annotations an ON an.id = (SELECT MAX(id) FROM reading_annotations WHERE reading_id = r.id)
  LEFT JOIN users au ON au.id = an.user_id`;

/** Not replaced by a correction and not (now) marked an artifact. */
const CURRENT = `NOT EXISTS (SELECT 1 FROM readings c WHERE c.supersedes_id = r.id) AND an.kind IS NOT 'artifact'`;

export interface StoreReadingInput {
  sessionId: number;
  sessionCreatedAt: number;
  observedAt: number | undefined;
  values: ReadingValues;
  onSupplementalOxygen: boolean | undefined;
  confirmed: readonly VitalParameter[];
  userId: number;
  correction?: { supersedesId: number; reason: string };
  /** A bedside monitor's value: which device, from which stored message. Absent: typed by the user. */
  monitor?: { deviceId: string; messageId: number };
}

/** Validates and stores readings, corrections and artifact marks; callers run it inside their transaction. */
export function createReadingService({ db, clock, settings, caches }: CoreDeps) {
  const lateEntryAfterMs = settings.lateEntryAfterMinutes * 60_000;
  const toReading = createReadingMapper(lateEntryAfterMs);
  /**
   * A READING_SELECT statement read raw, its rows named here from the statement's own column
   * names (the same keys, values and order as better-sqlite3's row objects): better-sqlite3
   * builds a 32-field row object ~2 µs slower than this (session views, pages, state rebuilds).
   */
  const readingQuery = <P extends unknown[]>(where: string) => {
    const statement = db.prepare<P, unknown[]>(`${READING_SELECT} ${where}`).raw(true);
    const names = statement.columns().map((column) => column.name);
    const named = (columns: unknown[]): ReadingRow => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i] as string] = columns[i];
      return row as ReadingRow;
    };
    return {
      get: (...params: P): ReadingRow | undefined => {
        const columns = statement.get(...params);
        return columns === undefined ? undefined : named(columns);
      },
      all: (...params: P): ReadingRow[] => statement.all(...params).map(named),
    };
  };
  const columns = VITAL_PARAMETER_KEYS.map((key) => READING_COLUMNS[key]);
  // Positional parameters: better-sqlite3 binds 23 of them in about half the time of as many named ones (once per reading).
  const insert = db.prepare<(number | string | null)[]>(
    `INSERT INTO readings (session_id, observed_at, recorded_at, recorded_by, map_source, supplemental_oxygen, supersedes_id, correction_reason, news2_json, derived_version, source, device_id, monitor_message_id, ${columns.join(', ')})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${DERIVED_VERSION}, ?, ?, ?, ${columns.map(() => '?').join(', ')})`,
  );
  const insertAnnotation = db.prepare(
    'INSERT INTO reading_annotations (reading_id, kind, reason, at, user_id) VALUES (:readingId, :kind, :reason, :at, :userId)',
  );
  const byId = readingQuery<[number]>('WHERE r.id = ?');
  const userName = db.prepare<[number], { display_name: string }>('SELECT display_name FROM users WHERE id = ?');
  const insertValidation = db.prepare('INSERT INTO reading_validations (reading_id, at, user_id) VALUES (?, ?, ?)');
  const ofSession = readingQuery<[number]>(`WHERE r.session_id = ? ORDER BY r.observed_at, r.id`);
  const currentOfSession = readingQuery<[number]>(`WHERE r.session_id = ? AND ${CURRENT} ORDER BY r.observed_at, r.id`);
  // Newest first along the (session_id, observed_at, rowid) index; stops at the first current row.
  const newestCurrent = readingQuery<[number]>(`WHERE r.session_id = ? AND ${CURRENT} ORDER BY r.observed_at DESC, r.id DESC LIMIT 1`);
  const newestCurrentScored = readingQuery<[number]>(
    `WHERE r.session_id = ? AND ${CURRENT} AND ${NEWS2_MINIMUM_PARAMETERS.map((p) => `r.${READING_COLUMNS[p]} IS NOT NULL`).join(' AND ')}
     ORDER BY r.observed_at DESC, r.id DESC LIMIT 1`,
  );
  const pageFromNewest = readingQuery<[number, number]>(`WHERE r.session_id = ? ORDER BY r.observed_at DESC, r.id DESC LIMIT ?`);
  const pageBefore = readingQuery<[number, number, number, number]>(`WHERE r.session_id = ? AND (r.observed_at, r.id) < (?, ?) ORDER BY r.observed_at DESC, r.id DESC LIMIT ?`);
  const countOfSession = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM readings WHERE session_id = ?');
  const userNames = caches.memo(['users'], (userId: number) => userName.get(userId)?.display_name ?? '');
  const states = createReadingStates((sessionId) => currentOfSession.all(sessionId).map((row) => entryOf(toReading(row))));

  function get(id: number): Reading {
    const row = byId.get(id);
    if (!row) fail({ code: 'not_found', message: `No reading ${id}`, field: 'readingId' });
    return toReading(row);
  }

  return {
    get,

    store(input: StoreReadingInput): Reading {
      const problem = checkReadingValues(input.values, input.confirmed);
      if (problem) fail(problem);
      const now = clock.now();
      const observedAt = input.observedAt ?? now;
      if (observedAt > now + settings.futureObservationToleranceSeconds * 1000) {
        fail({ code: 'invalid_request', message: 'The observed time is in the future', field: 'observedAt', reason: 'observed_in_future' });
      }
      if (observedAt < input.sessionCreatedAt) {
        fail({ code: 'invalid_request', message: 'The observed time is before the session began', field: 'observedAt', reason: 'observed_before_session' });
      }
      // Copied key by key, not spread: V8 (Node 20) adds MAP to a spread copy on its slow path.
      const values: ReadingValues = {};
      for (const key of VITAL_PARAMETER_KEYS) if (input.values[key] !== undefined) values[key] = input.values[key];
      let mapSource: Reading['mapSource'] = null;
      if (values.systolicMmHg !== undefined && values.diastolicMmHg !== undefined) {
        mapSource = values.meanArterialMmHg === undefined ? 'computed' : 'measured';
        values.meanArterialMmHg ??= meanArterialPressureMmHg(values.systolicMmHg, values.diastolicMmHg);
      }
      const news2 = news2ForReading(values, input.onSupplementalOxygen ?? null);
      const news2Json = news2 === null ? null : JSON.stringify(news2);
      // In the INSERT's order: the fixed columns, then one per vital parameter.
      const row: (number | string | null)[] = [
        input.sessionId,
        observedAt,
        now,
        input.userId,
        mapSource,
        input.onSupplementalOxygen === undefined ? null : input.onSupplementalOxygen ? 1 : 0,
        input.correction?.supersedesId ?? null,
        input.correction?.reason ?? null,
        news2Json,
        input.monitor ? 'monitor' : 'manual',
        input.monitor?.deviceId ?? null,
        input.monitor?.messageId ?? null,
      ];
      for (const key of VITAL_PARAMETER_KEYS) row.push(values[key] ?? null);
      const { lastInsertRowid } = insert.run(...row);
      // The row as it now stands, from what was just written rather than read back: a new row has
      // no correction, annotation or validation yet (the same fields as toReading gives).
      const storedValues: ReadingValues = {};
      for (const key of VITAL_PARAMETER_KEYS) if (typeof values[key] === 'number') storedValues[key] = values[key];
      const stored: Reading = {
        id: Number(lastInsertRowid),
        sessionId: input.sessionId,
        observedAt,
        recordedAt: now,
        recordedBy: input.userId,
        recordedByName: userNames.get(input.userId),
        values: storedValues,
        mapSource,
        onSupplementalOxygen: input.onSupplementalOxygen ?? null,
        // The object just stored as news2_json (JSON-safe: numbers, strings, booleans), as toReading parses it back.
        news2,
        late: now - observedAt > lateEntryAfterMs,
        supersedesId: input.correction?.supersedesId ?? null,
        correctionReason: input.correction?.reason ?? null,
        supersededById: null,
        artifact: null,
        source: input.monitor ? 'monitor' : 'manual',
        deviceId: input.monitor?.deviceId ?? null,
        validation: null,
      };
      const state = states.ifLoaded(input.sessionId);
      if (input.correction) state?.remove(input.correction.supersedesId);
      state?.add(entryOf(stored));
      return stored;
    },

    /** A reading that may still be corrected or annotated: the newest version, not history. */
    requireCurrentVersion(readingId: number): Reading {
      const reading = get(readingId);
      if (reading.supersededById !== null) {
        fail({
          code: 'conflict',
          message: `Reading ${readingId} was already corrected by reading ${reading.supersededById}; work on the newest version`,
          field: 'readingId',
          reason: 'already_corrected',
        });
      }
      return reading;
    },

    annotate(readingId: number, kind: 'artifact' | 'artifactCleared', reason: string, userId: number): Reading {
      const reading = get(readingId);
      if (kind === 'artifact' && reading.artifact) {
        fail({ code: 'conflict', message: 'This reading is already marked as an artifact', field: 'readingId', reason: 'already_artifact' });
      }
      if (kind === 'artifactCleared' && !reading.artifact) {
        fail({ code: 'conflict', message: 'This reading is not marked as an artifact', field: 'readingId', reason: 'not_artifact' });
      }
      insertAnnotation.run({ readingId, kind, reason, at: clock.now(), userId });
      const annotated = get(readingId);
      const state = states.ifLoaded(annotated.sessionId);
      if (kind === 'artifact') state?.remove(readingId);
      else if (annotated.supersededById === null) state?.add(entryOf(annotated));
      return annotated;
    },

    /**
     * The nurse vouches for monitor values: each must be a monitor reading's current version.
     * Rows already validated (by her or a colleague) are left as they are; the others are
     * marked with who and when. Returns the rows that changed.
     */
    validate(readingIds: readonly number[], userId: number): Reading[] {
      const changed: Reading[] = [];
      for (const readingId of new Set(readingIds)) {
        const reading = get(readingId);
        if (reading.source !== 'monitor') {
          fail({ code: 'invalid_request', message: `Reading ${readingId} was typed by ${reading.recordedByName}, not taken from a monitor`, field: 'readingIds', reason: 'not_monitor_reading' });
        }
        if (reading.validation !== null || reading.supersededById !== null) continue;
        insertValidation.run(readingId, clock.now(), userId);
        changed.push(get(readingId));
      }
      return changed;
    },

    /** Every row, history included, oldest observation first. */
    ofSession: (sessionId: number): Reading[] => ofSession.all(sessionId).map(toReading),

    /** The newest `limit` rows of a session (history included) in observation order, and how many rows it has. */
    newestRows(sessionId: number, limit: number): { readings: Reading[]; readingCount: number } {
      return { readings: pageFromNewest.all(sessionId, limit).map(toReading).reverse(), readingCount: countOfSession.get(sessionId)?.n ?? 0 };
    },

    /** A page of the readings table, newest first; `limit + 1` rows are read to know whether more follow. */
    page(request: ReadingPageRequest): ReadingPage {
      const rows = request.before
        ? pageBefore.all(request.sessionId, request.before.observedAt, request.before.id, request.limit + 1)
        : pageFromNewest.all(request.sessionId, request.limit + 1);
      return {
        readings: rows.slice(0, request.limit).map(toReading),
        total: countOfSession.get(request.sessionId)?.n ?? 0,
        hasMore: rows.length > request.limit,
      };
    },

    /** Current versions, no artifacts, oldest first: a full load (reports, and the reference the incremental state is tested against). */
    currentOfSession: (sessionId: number): Reading[] => currentOfSession.all(sessionId).map(toReading).filter(isCurrentReading),

    /** The newest current reading, and the newest one complete enough for NEWS2: indexed, constant cost. */
    newestCurrent: (sessionId: number): Reading | null => {
      const row = newestCurrent.get(sessionId);
      return row ? toReading(row) : null;
    },
    newestCurrentScored: (sessionId: number): Reading | null => {
      const row = newestCurrentScored.get(sessionId);
      return row ? toReading(row) : null;
    },

    /**
     * The incremental per-session state the alert engine and the schedule read (see
     * reading-state.ts). `store` and `annotate` keep it current inside the caller's
     * transaction; a caller whose transaction fails must call `invalidateState`.
     */
    state: (sessionId: number) => states.of(sessionId),
    invalidateState: (sessionId?: number) => states.invalidate(sessionId),
  };
}

export type ReadingService = ReturnType<typeof createReadingService>;
