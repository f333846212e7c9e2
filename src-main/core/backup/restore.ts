import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { openDatabase } from '../db/open-database';
import { checkBackupFile } from './backups';

export interface RestoreResult {
  restoredFrom: string;
  /** Where the file that was replaced now lies (null when there was none). */
  keptAsideAs: string | null;
}

/**
 * Replaces the database at `databasePath` with a backup. Vigil must not be running on it.
 * The backup is checked first (integrity_check) and refused if damaged; the current file,
 * with its -wal and -shm, is renamed aside (never deleted, never overwritten); the copy is
 * written under a temporary name and renamed into place, then opened as Vigil opens it.
 */
export function restoreBackup(databasePath: string, backupPath: string, now: number = Date.now(), nativeBinding?: string): RestoreResult {
  if (!existsSync(backupPath)) throw new Error(`No backup at ${backupPath}`);
  const { check } = checkBackupFile(backupPath, nativeBinding);
  if (check !== 'ok') throw new Error(`The backup ${backupPath} failed its check (${check}); nothing was changed.`);

  let keptAsideAs: string | null = null;
  if (existsSync(databasePath)) {
    keptAsideAs = `${databasePath}.before-restore-${new Date(now).toISOString().replaceAll(':', '').replace('.', '-')}`;
    if (existsSync(keptAsideAs)) throw new Error(`${keptAsideAs} already exists; nothing was changed.`);
    // The side files go with it, so the file set aside opens with every commit it had.
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, keptAsideAs + suffix);
    }
    renameSync(databasePath, keptAsideAs);
  }
  const incoming = `${databasePath}.restoring`;
  try {
    copyFileSync(backupPath, incoming);
    renameSync(incoming, databasePath);
    // Opened as Vigil opens it: integrity, version, migrations up to this Vigil's schema.
    openDatabase(databasePath, nativeBinding ? { nativeBinding } : {}).close();
  } catch (error) {
    rmSync(incoming, { force: true });
    putBack(databasePath, keptAsideAs);
    throw error;
  }
  return { restoredFrom: backupPath, keptAsideAs };
}

/** Puts the file set aside back in place, exactly as it was (the restored copy, if any, is dropped: it is still in the backups folder). */
export function putBack(databasePath: string, keptAsideAs: string | null): void {
  if (!keptAsideAs) return;
  for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
  renameSync(keptAsideAs, databasePath);
  for (const suffix of ['-wal', '-shm']) if (existsSync(keptAsideAs + suffix)) renameSync(keptAsideAs + suffix, databasePath + suffix);
}

/**
 * Whether another connection (a running Vigil, web host or desktop) has the database open: a
 * running Vigil keeps its connection for its whole life, which holds a shared lock that an
 * exclusive-mode transaction cannot pass (answered at once, no waiting). The command-line
 * restore refuses then: it could not tell that Vigil's windows, and Vigil would go on writing
 * into the file set aside. Any other failure to open (a damaged or unreadable file, the
 * reason to restore) is not "in use".
 */
export function databaseInUse(databasePath: string, nativeBinding?: string): boolean {
  if (!existsSync(databasePath)) return false;
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(databasePath, { fileMustExist: true, timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  } finally {
    db?.close();
  }
}
