import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VITAL_PARAMETERS, type VitalParameter } from '../shared/clinical/parameters';
import { CONTRAINDICATIONS } from '../shared/clinical/screening-checklist';
import type { ReadingValues } from '../shared/domain/reading';
import { ManualClock } from '../src-main/core/clock';
import { openVigilCore, type CoreConnection, type VigilCore } from '../src-main/core/vigil-core';
import { readNumerics } from '../tests/support/wfdb-numerics';

export const BENCH_START_AT = Date.UTC(2026, 0, 5, 8, 0, 0);
const quiet = { info: () => undefined, error: (message: string, detail?: unknown) => console.error(message, detail) };

/** A monitor sample as a reading: drop-outs (0, missing) and values Vigil would refuse are left out. */
export function toValues(sample: (number | null)[], channels: string[]): ReadingValues {
  const pick = (name: string) => {
    const index = channels.indexOf(name);
    return index === -1 ? null : (sample[index] ?? null);
  };
  const values: ReadingValues = {};
  const put = (key: VitalParameter, value: number | null) => {
    if (value === null || value <= 0) return;
    const spec = VITAL_PARAMETERS[key];
    const rounded = Math.round(value * 10 ** spec.decimals) / 10 ** spec.decimals;
    if (rounded >= spec.hardMin && rounded <= spec.hardMax) values[key] = rounded;
  };
  put('heartRateBpm', pick('HR'));
  put('respiratoryRatePerMin', pick('RESP'));
  put('spo2Pct', pick('SpO2'));
  const sbp = pick('NBPSys');
  const dbp = pick('NBPDias');
  if (sbp !== null && dbp !== null && sbp > dbp) {
    put('systolicMmHg', sbp);
    put('diastolicMmHg', dbp);
  }
  return values;
}

/** Recorded ICU numerics (../shared/data/icu-numerics) as an endless stream of readings, one a second. */
export function icuReadings(): () => ReadingValues {
  const record = readNumerics('s00001-2896-10-10-00-31n.hea');
  const usable = record.samples.map((sample) => toValues(sample, record.channels)).filter((values) => Object.keys(values).length > 0);
  let next = 0;
  return () => usable[next++ % usable.length] as ReadingValues;
}

/** The bench's first account (admin + physician). */
export const BENCH_ACCOUNT = { username: 'bench', pin: '9182736' };

export interface BenchCore {
  core: VigilCore;
  clock: ManualClock;
  staff: CoreConnection;
  userId: number;
  dataDir: string;
  ok<T>(channel: string, request: unknown): Promise<T>;
}

export async function openBenchCore(dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-')), startAt = BENCH_START_AT): Promise<BenchCore> {
  const clock = new ManualClock(startAt);
  const core = openVigilCore({ dataDir, clock, logger: quiet });
  const staff = core.connect();
  const ok = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await staff.call(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  const user = await ok<{ id: number }>('auth/setup', { username: BENCH_ACCOUNT.username, displayName: 'Bench Physician', pin: BENCH_ACCOUNT.pin });
  await ok('clinic/setChairs', { chairs: BENCH_CHAIRS.map((name, index) => ({ id: index + 1, name })), reason: 'The bench clinic\'s chairs' });
  return { core, clock, staff, userId: user.id, dataDir, ok };
}

const NO_CONTRAINDICATIONS = Object.fromEntries(CONTRAINDICATIONS.map((k) => [k, false]));

/** Every chair a bench opens a session in (the clinic's registry refuses any other). */
export const BENCH_CHAIRS: readonly string[] = ['Chair warm-up', 'Chair growth', ...Array.from({ length: 20 }, (_, index) => `Chair ${index + 1}`)];

let mrn = 0;

/** A session through the contract: patient, screening, baseline, infusion started. */
export async function infusingSession(bench: BenchCore, chair: string): Promise<number> {
  mrn += 1;
  const patient = await bench.ok<{ id: number }>('patient/create', { mrn: `BENCH-${mrn}`, familyName: 'Bench', givenName: 'Mark', dateOfBirth: '1970-01-01', weightKg: 80 });
  const [protocol] = await bench.ok<{ id: number }[]>('protocol/list', {});
  const session = await bench.ok<{ id: number }>('session/create', { patientId: patient.id, chair, protocolId: protocol?.id });
  await bench.ok('screening/record', { sessionId: session.id, contraindications: NO_CONTRAINDICATIONS, coMedications: [], consentGiven: true, escortArranged: true });
  await bench.ok('reading/add', { sessionId: session.id, values: { heartRateBpm: 70, systolicMmHg: 120, diastolicMmHg: 80, spo2Pct: 98, respiratoryRatePerMin: 14 } });
  await bench.ok('session/transition', { sessionId: session.id, action: 'startInfusion' });
  return session.id;
}

/**
 * Adds `count` readings one second apart through the real store code (validation, derived
 * values, the incremental state) in batched transactions: the same rows `reading/add` writes,
 * without the alert evaluation and fsync per reading, so an 8-hour session seeds in seconds.
 */
export function seedReadings(bench: BenchCore, sessionId: number, count: number, next: () => ReadingValues): void {
  const { db, readings, sessions } = bench.core.services;
  const session = sessions.get(sessionId);
  const confirmed = Object.keys(VITAL_PARAMETERS) as VitalParameter[];
  const BATCH = 2_000;
  for (let done = 0; done < count; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        bench.clock.advance(1_000);
        readings.store({ sessionId, sessionCreatedAt: session.createdAt, observedAt: undefined, values: next(), onSupplementalOxygen: undefined, confirmed, userId: bench.userId });
      }
    })();
  }
}
