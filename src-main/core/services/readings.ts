import { checkReadingValues } from '../../../shared/clinical/validate-reading';
import { meanArterialPressureMmHg } from '../../../shared/clinical/map';
import { VITAL_PARAMETER_KEYS, type VitalParameter } from '../../../shared/clinical/parameters';
import type { Reading, ReadingValues } from '../../../shared/domain/reading';
import { fail } from '../../../shared/result';
import type { CoreDeps } from '../deps';
import { READING_COLUMNS } from './reading-columns';

type ReadingRow = Record<string, number | string | null> & {
  id: number;
  session_id: number;
  observed_at: number;
  recorded_at: number;
  recorded_by: number;
  recorded_by_name: string;
  map_source: 'computed' | 'measured' | null;
};

export function createReadingMapper(lateEntryAfterMs: number) {
  return (row: ReadingRow): Reading => {
    const values: ReadingValues = {};
    for (const key of VITAL_PARAMETER_KEYS) {
      const stored = row[READING_COLUMNS[key]];
      if (typeof stored === 'number') values[key] = stored;
    }
    return {
      id: row.id,
      sessionId: row.session_id,
      observedAt: row.observed_at,
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
      recordedByName: row.recorded_by_name,
      values,
      mapSource: row.map_source,
      late: row.recorded_at - row.observed_at > lateEntryAfterMs,
    };
  };
}

const READING_SELECT = `SELECT r.*, u.display_name AS recorded_by_name FROM readings r JOIN users u ON u.id = r.recorded_by`;

export interface StoreReadingInput {
  sessionId: number;
  sessionCreatedAt: number;
  observedAt: number | undefined;
  values: ReadingValues;
  confirmed: readonly VitalParameter[];
  userId: number;
}

/** Validates and stores readings; callers run it inside their transaction. */
export function createReadingService({ db, clock, settings }: CoreDeps) {
  const toReading = createReadingMapper(settings.lateEntryAfterMinutes * 60_000);
  const columns = VITAL_PARAMETER_KEYS.map((key) => READING_COLUMNS[key]);
  const insert = db.prepare(
    `INSERT INTO readings (session_id, observed_at, recorded_at, recorded_by, map_source, ${columns.join(', ')})
     VALUES (:sessionId, :observedAt, :recordedAt, :recordedBy, :mapSource, ${columns.map((c) => `:${c}`).join(', ')})`,
  );
  const byId = db.prepare<[number], ReadingRow>(`${READING_SELECT} WHERE r.id = ?`);
  const ofSession = db.prepare<[number], ReadingRow>(`${READING_SELECT} WHERE r.session_id = ? ORDER BY r.observed_at, r.id`);
  const latestOfSession = db.prepare<[number], ReadingRow>(`${READING_SELECT} WHERE r.session_id = ? ORDER BY r.observed_at DESC, r.id DESC LIMIT 1`);

  return {
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
      const values: ReadingValues = { ...input.values };
      let mapSource: Reading['mapSource'] = null;
      if (values.systolicMmHg !== undefined && values.diastolicMmHg !== undefined) {
        mapSource = values.meanArterialMmHg === undefined ? 'computed' : 'measured';
        values.meanArterialMmHg ??= meanArterialPressureMmHg(values.systolicMmHg, values.diastolicMmHg);
      }
      const row: Record<string, number | string | null> = {
        sessionId: input.sessionId,
        observedAt,
        recordedAt: now,
        recordedBy: input.userId,
        mapSource,
      };
      for (const key of VITAL_PARAMETER_KEYS) row[READING_COLUMNS[key]] = values[key] ?? null;
      const { lastInsertRowid } = insert.run(row);
      return toReading(byId.get(Number(lastInsertRowid)) as ReadingRow);
    },

    ofSession: (sessionId: number): Reading[] => ofSession.all(sessionId).map(toReading),

    latestOfSession(sessionId: number): Reading | null {
      const row = latestOfSession.get(sessionId);
      return row ? toReading(row) : null;
    },
  };
}

export type ReadingService = ReturnType<typeof createReadingService>;
