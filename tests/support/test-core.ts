import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import type { NewPatient } from '../../shared/domain/patient';
import type { Session } from '../../shared/domain/session';
import type { Patient } from '../../shared/domain/patient';
import type { User } from '../../shared/domain/user';
import type { AppError, Result } from '../../shared/result';
import { ManualClock } from '../../src-main/core/clock';
import { DATABASE_FILE_NAME, openVigilCore, type CoreConnection, type VigilCore } from '../../src-main/core/vigil-core';
import { createMemoryLogger } from './memory-logger';

/** A fixed Monday morning (2025-03-03 09:00 UTC): every integration test's clock starts here. */
export const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
export const MINUTE = 60_000;

/** The first account (auth/setup makes it admin + physician). */
export const ADMIN = { username: 'ada.admin', displayName: 'Dr Ada Admin', pin: '246810' } as const;
export const NURSE = { username: 'nina.nurse', displayName: 'Nina Nurse', pin: '135790' } as const;

export interface TestCore {
  core: VigilCore;
  clock: ManualClock;
  logger: ReturnType<typeof createMemoryLogger>;
  dataDir: string;
  databasePath: string;
}

/** The real core on a real SQLite file in `dataDir`, with a hand-moved clock and response checking on. */
export function openTestCore(dataDir: string, clock: ManualClock = new ManualClock(T0)): TestCore {
  const logger = createMemoryLogger();
  const core = openVigilCore({ dataDir, clock, logger, checkResponses: true });
  return { core, clock, logger, dataDir, databasePath: core.databasePath };
}

export function databasePathIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/**
 * A typed call through the connection. The core was opened with `checkResponses: true`, so
 * the dispatcher has already checked every ok value against the channel's response schema;
 * the cast only restores the static type the contract guarantees.
 */
export async function call<C extends ChannelName>(connection: CoreConnection, channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  return (await connection.call(channel, request)) as Result<ResponseOf<C>>;
}

/** The value of a call that must succeed; a failure throws with the error value in the message. */
export async function callOk<C extends ChannelName>(connection: CoreConnection, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(connection, channel, request);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The error of a call that must fail. `request` is unknown so tests can send payloads the contract refuses. */
export async function callErr(connection: CoreConnection, channel: string, request: unknown): Promise<AppError> {
  const result = await connection.call(channel, request);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Runs first-time setup on a fresh connection, which leaves it signed in as the admin. */
export async function setUpAdmin(core: VigilCore): Promise<{ connection: CoreConnection; user: User }> {
  const connection = core.connect();
  const user = await callOk(connection, 'auth/setup', { ...ADMIN });
  return { connection, user };
}

export async function signIn(core: VigilCore, username: string, pin: string): Promise<CoreConnection> {
  const connection = core.connect();
  await callOk(connection, 'auth/signIn', { username, pin });
  return connection;
}

let patientCounter = 0;

/** A valid new patient with a unique MRN (override any field). */
export function newPatient(overrides: Partial<NewPatient> = {}): NewPatient {
  patientCounter += 1;
  return {
    mrn: `MRN-${String(patientCounter).padStart(5, '0')}`,
    familyName: 'Okafor',
    givenName: 'Chidi',
    dateOfBirth: '1980-05-17',
    weightKg: 80,
    ...overrides,
  };
}

/** A new patient and an open session for them in their own chair (phase: screening). */
export async function openSession(
  connection: CoreConnection,
  options: { plannedInfusionMinutes?: number; patient?: Partial<NewPatient> } = {},
): Promise<{ patient: Patient; session: Session }> {
  const patient = await callOk(connection, 'patient/create', newPatient(options.patient));
  const session = await callOk(connection, 'session/create', {
    patientId: patient.id,
    chair: `Chair ${patient.mrn}`,
    plannedInfusionMinutes: options.plannedInfusionMinutes ?? 40,
  });
  return { patient, session };
}

/** A separate plain connection to the database file, as an auditor would open it. Close it after use. */
export function openRaw(databasePath: string): Database {
  return new BetterSqlite3(databasePath, { fileMustExist: true });
}

/** Rows in a table, counted on a separate connection to the file (not through core). */
export function countRows(databasePath: string, table: string, where = '1 = 1'): number {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const db = openRaw(databasePath);
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
