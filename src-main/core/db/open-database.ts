import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { classifyStorageFault, errorCodeOf } from '../storage-fault';
import { DatabaseCorruptError, DatabaseReadOnlyError, DatabaseStorageError, DatabaseTooNewError } from './errors';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { forgetFileCheck, fullCheckNow, lastFullCheckOf, type FullCheckResult } from './file-check';
import { foreignSchema } from './schema-check';

/** SQLite's answer for a file that is not a database, or one with damaged pages. */
const DAMAGED_FILE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** Runs a read of the file, naming a file SQLite finds damaged or not a database as such. */
function readingDamage<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGED_FILE_CODES.has(code)) throw new DatabaseCorruptError(path, [(error as Error).message]);
    throw error;
  }
}

/**
 * The checks before use. Always: the header and the schema (a file that is not a database,
 * or whose schema pages are damaged, fails here; cost does not grow with the record). The
 * full integrity_check only when the last clean close cannot vouch for the file
 * (file-check.ts); a file whose last full check found damage is refused as it was found.
 */
function checkBeforeUse(db: Database, path: string, now: () => number): FileCheckAtStart {
  readingDamage(path, () => db.prepare('SELECT count(*) FROM sqlite_schema').get());
  const vouched = lastFullCheckOf(path);
  if (vouched) {
    if (vouched.problems.length > 0) throw new DatabaseCorruptError(path, vouched.problems);
    return { fullCheckAtStart: false, lastFullCheck: vouched };
  }
  const result = readingDamage(path, () => fullCheckNow(db, now));
  if (result.problems.length > 0) throw new DatabaseCorruptError(path, result.problems);
  return { fullCheckAtStart: true, lastFullCheck: result };
}

export interface FileCheckAtStart {
  /** True when the whole file was checked before use; false when the last clean close vouched for it (check it in the background). */
  fullCheckAtStart: boolean;
  /** The newest full check of this file: the one just run, or the one the last clean close recorded. */
  lastFullCheck: FullCheckResult;
}

/** The folder, the file and its -wal/-shm companions must all be writable (WAL creates and writes all three). */
export function refuseReadOnly(path: string): void {
  const folder = dirname(path);
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new DatabaseReadOnlyError(path, 'folder', `${folder}: ${errorCodeOf(error) ?? String(error)}`);
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    try {
      accessSync(file, constants.W_OK);
    } catch (error) {
      throw new DatabaseReadOnlyError(path, 'file', `${file}: ${errorCodeOf(error) ?? String(error)}`);
    }
  }
}

/**
 * Writes the header's user_version back unchanged: the one sure way to learn that the file
 * takes writes (SQLite opens a file it cannot write read-only without a word, and root
 * passes every permission check an immutable file or a read-only mount still refuses).
 */
function probeWrite(db: Database, path: string, version: number): void {
  try {
    db.pragma(`user_version = ${version}`);
  } catch (error) {
    const fault = classifyStorageFault(error);
    const detail = `${errorCodeOf(error) ?? ''} ${(error as Error).message}`.trim();
    if (fault === 'storage_read_only') throw new DatabaseReadOnlyError(path, 'file', detail);
    if (fault === 'storage_full' || fault === 'storage_io' || fault === 'storage_busy') throw new DatabaseStorageError(path, fault, detail);
    throw error;
  }
}

export interface OpenDatabaseOptions {
  /** Path of an Electron-ABI build of better-sqlite3 (the desktop app); Node's own build otherwise. */
  nativeBinding?: string;
  /** Wall time for the check's record (default Date.now). */
  now?: () => number;
}

/**
 * Opens (or creates) the session log: refuses a file or folder it cannot write, checks it
 * (checkBeforeUse), its version and its schema (foreignSchema), then WAL with
 * synchronous=FULL so a committed reading survives a power cut, foreign keys on,
 * migrations applied.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  return openCheckedDatabase(path, options).db;
}

/** openDatabase, saying how the file was checked before use (the core then checks it in the background if need be). */
export function openCheckedDatabase(path: string, options: OpenDatabaseOptions = {}): { db: Database; fileCheck: FileCheckAtStart } {
  refuseReadOnly(path);
  const db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const fileCheck = checkBeforeUse(db, path, options.now ?? Date.now);
    // Refuse a newer file before any pragma below can rewrite its header.
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(version, LATEST_SCHEMA_VERSION, path);
    // Before any write (the migrations' included): code planted in the file would run inside them.
    const planted = foreignSchema(db, version, options.nativeBinding);
    if (planted.length > 0) throw new DatabaseCorruptError(path, planted);
    probeWrite(db, path, version);
    // From the first write on, the record no longer describes the file: only the next clean close writes it again.
    forgetFileCheck(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The file's own triggers, views and defaults may not call Vigil's functions (the audit capture's): only its TEMP triggers do.
    db.pragma('trusted_schema = OFF');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
    return { db, fileCheck };
  } catch (error) {
    db.close();
    throw error;
  }
}
