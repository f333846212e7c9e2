import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { classifyStorageFault, errorCodeOf } from '../storage-fault';
import { DatabaseCorruptError, DatabaseReadOnlyError, DatabaseStorageError, DatabaseTooNewError } from './errors';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION } from './migrations';

/** SQLite's answer for a file that is not a database, or one with damaged pages. */
const DAMAGED_FILE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function integrityProblems(db: Database, path: string): string[] {
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGED_FILE_CODES.has(code)) throw new DatabaseCorruptError(path, [(error as Error).message]);
    throw error;
  }
}

/** The folder, the file and its -wal/-shm companions must all be writable (WAL creates and writes all three). */
function refuseReadOnly(path: string): void {
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
}

/**
 * Opens (or creates) the session log: refuses a file or folder it cannot write, checks its
 * integrity and version, then WAL with
 * synchronous=FULL so a committed reading survives a power cut, foreign keys on,
 * migrations applied.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  refuseReadOnly(path);
  const db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const problems = integrityProblems(db, path);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new DatabaseCorruptError(path, problems);
    // Refuse a newer file before any pragma below can rewrite its header.
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(version, LATEST_SCHEMA_VERSION, path);
    probeWrite(db, path, version);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
