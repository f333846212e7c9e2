import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { classifyStorageFault, errorCodeOf } from '../storage-fault';
import { DatabaseReadOnlyError, DatabaseStorageError } from './errors';
import { refuseReadOnly } from './open-database';

/** The file whose lock says a Vigil has this data folder open (beside vigil.sqlite3). */
export const FOLDER_LOCK_FILE_NAME = 'vigil.instance-lock';

/**
 * Holds the data folder for this process: a second Vigil on the same folder (a second web
 * host, or one beside the desktop app) would keep its own in-memory session state and alert
 * engine, miss the first one's readings in its alerts, and fork the audit chain's head. The
 * lock is SQLite's own file lock on a small file of its own, held in exclusive locking mode
 * until release: the operating system drops it when the process ends, however it ends, so a
 * crash never leaves the folder locked. The desktop app's single-instance lock covers only
 * the desktop app.
 */
export function lockDataFolder(dataDir: string, databasePath: string, nativeBinding?: string): { release(): void } {
  // A read-only folder or file is named as such (the lock file could not be written either).
  refuseReadOnly(databasePath);
  const lockPath = join(dataDir, FOLDER_LOCK_FILE_NAME);
  const lock = new BetterSqlite3(lockPath, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    lock.pragma('journal_mode = OFF');
    lock.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in exclusive locking mode it is kept until close.
    lock.exec('CREATE TABLE IF NOT EXISTS held_by (pid INTEGER NOT NULL); DELETE FROM held_by;');
    lock.prepare('INSERT INTO held_by (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    lock.close();
    const fault = classifyStorageFault(error);
    if (fault === 'storage_busy') throw new DatabaseStorageError(databasePath, 'storage_busy', `another Vigil has the data folder ${dataDir} open`);
    const detail = `${lockPath}: ${errorCodeOf(error) ?? (error as Error).message}`;
    if (fault === 'storage_read_only') throw new DatabaseReadOnlyError(databasePath, 'folder', detail);
    if (fault === 'storage_full' || fault === 'storage_io') throw new DatabaseStorageError(databasePath, fault, detail);
    throw error;
  }
  return { release: () => lock.close() };
}
