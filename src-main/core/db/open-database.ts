import BetterSqlite3, { type Database } from 'better-sqlite3';
import { DatabaseCorruptError, DatabaseTooNewError } from './errors';
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

export interface OpenDatabaseOptions {
  /** Path of an Electron-ABI build of better-sqlite3 (the desktop app); Node's own build otherwise. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the session log: checks its integrity and version, then WAL with
 * synchronous=FULL so a committed reading survives a power cut, foreign keys on,
 * migrations applied.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const problems = integrityProblems(db, path);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new DatabaseCorruptError(path, problems);
    // Refuse a newer file before any pragma below can rewrite its header.
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(version, LATEST_SCHEMA_VERSION, path);
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
