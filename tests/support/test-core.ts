import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { AldreteScore } from '../../shared/clinical/aldrete';
import { CONTRAINDICATIONS } from '../../shared/clinical/screening-checklist';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/contract/channels';
import type { NewPatient } from '../../shared/domain/patient';
import type { Protocol, ProtocolFields } from '../../shared/domain/protocol';
import type { Reading, ReadingValues } from '../../shared/domain/reading';
import type { ContraindicationAnswers, ScreeningInput } from '../../shared/domain/screening';
import type { Session } from '../../shared/domain/session';
import type { Patient } from '../../shared/domain/patient';
import type { Role, User } from '../../shared/domain/user';
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
  // The test PIN cost keeps a thousand sign-ins quick; the production cost has its own test (pin-hash.test.ts).
  const core = openVigilCore({ dataDir, clock, logger, checkResponses: true, pinCost: 'test' });
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

/** The chairs every test clinic has (its registry): numbered ones and the lettered ones some tests name. */
export const TEST_CHAIRS: readonly string[] = [...Array.from({ length: 30 }, (_, index) => `Chair ${index + 1}`), 'Chair A', 'Chair R', 'Chair Y', 'Chair Z'];

/**
 * Runs first-time setup on a fresh connection, which leaves it signed in as the admin, and
 * (unless `chairs` is false) gives the clinic its chairs, as an administrator does first.
 */
export async function setUpAdmin(core: VigilCore, options: { chairs?: boolean } = {}): Promise<{ connection: CoreConnection; user: User }> {
  const connection = core.connect();
  const user = await callOk(connection, 'auth/setup', { ...ADMIN });
  if (options.chairs !== false) {
    await callOk(connection, 'clinic/setChairs', { chairs: TEST_CHAIRS.map((name, index) => ({ id: index + 1, name })), reason: 'The chairs of the test clinic' });
  }
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

/** The seeded protocol every test session runs under unless it says otherwise. */
export const STANDARD_PROTOCOL = 'Depression — standard';

/** The current version of a protocol, by name, from protocol/list (retired ones included). */
export async function findProtocol(connection: CoreConnection, name: string = STANDARD_PROTOCOL): Promise<Protocol> {
  const protocol = (await callOk(connection, 'protocol/list', { includeRetired: true })).find((p) => p.name === name);
  if (!protocol) throw new Error(`no protocol named ${name}`);
  return protocol;
}

/** The fields of a protocol, without its identity (to copy it into a new one or a revision). */
export function fieldsOf(protocol: Protocol): ProtocolFields {
  const { id: _id, familyId: _familyId, version: _version, retired: _retired, createdAt: _createdAt, ...fields } = protocol;
  return fields;
}

/** A new protocol (by a physician or admin connection): a copy of the standard one with the given changes. */
export async function createProtocol(connection: CoreConnection, changes: Partial<ProtocolFields> & { name: string }): Promise<Protocol> {
  const standard = await findProtocol(connection);
  return callOk(connection, 'protocol/create', { ...fieldsOf(standard), ...changes });
}

/** The first chair of the clinic with no open session. */
export async function freeChair(connection: CoreConnection): Promise<string> {
  const taken = new Set((await callOk(connection, 'session/list', { scope: 'open' })).map((row) => row.session.chair));
  const chair = (await callOk(connection, 'chair/list', {})).find((name) => !taken.has(name));
  if (!chair) throw new Error('every chair of the test clinic has an open session');
  return chair;
}

/**
 * A new patient and an open session for them in their own chair (phase: screening), under
 * the standard protocol unless `protocolId` names another (`null`: no protocol at all).
 * With a protocol, session/create has already ordered its standing dose.
 */
export async function openSession(
  connection: CoreConnection,
  options: { protocolId?: number | null; patient?: Partial<NewPatient> } = {},
): Promise<{ patient: Patient; session: Session }> {
  const protocolId = options.protocolId === undefined ? (await findProtocol(connection)).id : options.protocolId;
  const patient = await callOk(connection, 'patient/create', newPatient(options.patient));
  const session = await callOk(connection, 'session/create', {
    patientId: patient.id,
    chair: await freeChair(connection),
    ...(protocolId === null ? { plannedInfusionMinutes: 40 } : { protocolId }),
  });
  return { patient, session };
}

/** Every contraindication answered "no". */
export function noContraindications(): ContraindicationAnswers {
  return Object.fromEntries(CONTRAINDICATIONS.map((key) => [key, false])) as ContraindicationAnswers;
}

/** A complete negative screening: nothing contraindicated, no co-medication, consent given, escort arranged. */
export function negativeScreening(sessionId: number, changes: Partial<Omit<ScreeningInput, 'sessionId'>> = {}): ScreeningInput {
  return { sessionId, contraindications: noContraindications(), coMedications: [], consentGiven: true, escortArranged: true, ...changes };
}

/** The values a baseline must carry (HR, SBP/DBP, SpO2), unremarkable. */
export const BASELINE_VITALS = { heartRateBpm: 72, systolicMmHg: 124, diastolicMmHg: 78, spo2Pct: 98 } as const satisfies ReadingValues;

/**
 * What startInfusion needs besides the protocol's dose order: a complete negative screening
 * and a baseline reading (HR, SBP/DBP, SpO2), charted now. `baseline` replaces any of the
 * default values, so a test sets the baseline its rise rules need.
 */
export async function readyToStart(connection: CoreConnection, sessionId: number, baseline: ReadingValues = {}): Promise<Reading> {
  await callOk(connection, 'screening/record', negativeScreening(sessionId));
  const { reading } = await callOk(connection, 'reading/add', { sessionId, values: { ...BASELINE_VITALS, ...baseline } });
  return reading;
}

/** A modified Aldrete score: 2 on every item (10) unless changed. */
export function aldrete(changes: Partial<AldreteScore> = {}): AldreteScore {
  return { activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2, ...changes };
}

/** A discharge assessment that meets every criterion but the time: Aldrete 10, escort present, no-driving instruction given. */
export function passingAssessment(sessionId: number, changes: Partial<Omit<RequestOf<'discharge/assess'>, 'sessionId'>> = {}): RequestOf<'discharge/assess'> {
  return { sessionId, aldrete: aldrete(), escortPresent: true, noDrivingInstructionGiven: true, ...changes };
}

/**
 * Creates a user through the admin's connection (a clinical role co-signed by the first
 * account, a physician), then, as the new user on a new connection, signs in with the
 * one-time code and chooses `account.pin`.
 */
export async function addUser(
  core: VigilCore,
  admin: CoreConnection,
  account: { username: string; displayName: string; pin: string },
  roles: Role[],
  cosign: { username: string; pin: string } = ADMIN,
): Promise<{ connection: CoreConnection; user: User }> {
  const clinical = roles.some((role) => role !== 'admin');
  const { user, oneTimeCode } = await callOk(admin, 'user/create', { username: account.username, displayName: account.displayName, roles, ...(clinical ? { cosign: { username: cosign.username, pin: cosign.pin } } : {}) });
  const connection = core.connect();
  expect(await callOk(connection, 'auth/signIn', { username: account.username, pin: oneTimeCode })).toMatchObject({ mustChoosePin: true });
  await callOk(connection, 'auth/choosePin', { pin: account.pin });
  const { active: _active, mustChoosePin: _mustChoosePin, ...plain } = user;
  return { connection, user: plain };
}

/**
 * Holds the ticker's once-a-second interval for the test file: `setInterval` is faked, so
 * the monitoring sweep runs only when the test asks for it (`core.services.monitoring.sweep`)
 * or when the ticker starts and ticks at once. Without this, a real tick that lands while
 * the ManualClock is far ahead would raise technical alerts at a moment the test does not
 * control. Call at the top level of a test file, before the hooks that open a core.
 */
export function holdTickerInterval(): void {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });
}

/** A separate plain connection to the database file, as an auditor would open it. Close it after use. */
export function openRaw(databasePath: string): Database {
  return new BetterSqlite3(databasePath, { fileMustExist: true });
}

/** Rows in a table, counted on a separate connection to the file (not through core). */
export function countRows(databasePath: string, table: string, where = '1 = 1'): number {
  if (!/^[a-z0-9_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const db = openRaw(databasePath);
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Lets the event loop turn once: what a commit leaves for the next turn (its `session/updated`) has then been sent. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What openVigilCore threw for this folder (it must throw). */
export function openError(dataDir: string): Error {
  try {
    openVigilCore({ dataDir, logger: createMemoryLogger(), checkResponses: true }).close();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('the database was opened');
}
