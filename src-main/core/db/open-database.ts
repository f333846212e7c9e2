import BetterSqlite3, { type Database } from 'better-sqlite3';
import { DatabaseCorruptError } from './errors';
import { migrate } from './migrate';

export interface OpenDatabaseOptions {
  /** Path of an Electron-ABI build of better-sqlite3 (the desktop app); Node's own build otherwise. */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the session log: checks its integrity, then WAL with
 * synchronous=FULL so a committed reading survives a power cut, foreign keys on,
 * migrations applied.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new DatabaseCorruptError(path, problems);
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
