import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { BackupFileNameSchema } from '../../../shared/domain/backup';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { fullCheckInWorker } from '../db/file-check';
import { highWaterMarks, highWaterQueries, type HighWaterMarks } from './high-water';
import { retainedBackups } from './retention';

export type BackupReason = 'session_close' | 'daily' | 'manual' | 'before_restore' | 'after_restore';

/** One backup file and what its check after writing found. Kept beside it as `<file>.json`. */
export interface BackupEntry {
  file: string;
  at: number;
  reason: BackupReason;
  sizeBytes: number;
  /** 'ok' once integrity_check passed on the written copy; otherwise what it found. */
  check: string;
  marks: HighWaterMarks;
}


function stamp(at: number): string {
  const iso = new Date(at).toISOString(); // 2025-03-03T09:00:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}

/**
 * integrity_check on a file, opened read-only on its own connection. A file SQLite cannot
 * even read as a database fails its check (it is the backup that is damaged, not the record).
 */
export function checkBackupFile(path: string, nativeBinding?: string): { check: string; marks: HighWaterMarks; auditSeq: number } {
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const check = rows.length === 1 && rows[0]?.integrity_check === 'ok' ? 'ok' : rows.map((row) => row.integrity_check).slice(0, 3).join('; ');
    const marks = check === 'ok' ? highWaterMarks(db) : {};
    return { check, marks, auditSeq: marks.audit_log?.maxId ?? 0 };
  } catch (error) {
    return { check: error instanceof Error ? error.message : String(error), marks: {}, auditSeq: 0 };
  } finally {
    db?.close();
  }
}

/**
 * checkBackupFile off the main thread, for a backup just written from `source`: the check's
 * worker (db/file-check.ts) runs integrity_check on the copy and, if it is whole, counts its
 * rows with `source`'s tables (the copy has the same schema). The same answer as
 * checkBackupFile; charting does not wait while a large copy is read.
 */
export async function checkBackupInWorker(path: string, source: Database, nativeBinding?: string): Promise<{ check: string; marks: HighWaterMarks }> {
  try {
    const { problems, answers } = await fullCheckInWorker(path, Date.now, nativeBinding, highWaterQueries(source)).result;
    return problems.length === 0 ? { check: 'ok', marks: answers as HighWaterMarks } : { check: problems.slice(0, 3).join('; '), marks: {} };
  } catch (error) {
    return { check: error instanceof Error ? error.message : String(error), marks: {} };
  }
}

export function listBackups(folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(folder)) {
    if (!BackupFileNameSchema.safeParse(name).success || !existsSync(join(folder, `${name}.json`))) continue;
    try {
      entries.push(JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as BackupEntry);
    } catch {
      // A sidecar cut short (a crash while writing it) leaves its backup unlisted, never trusted.
    }
  }
  return entries.sort((a, b) => b.at - a.at);
}

export interface BackupServiceOptions {
  db: Database;
  folder: string;
  clock: Clock;
  logger: Logger;
  nativeBinding?: string;
}

/**
 * Online backups with better-sqlite3's `backup()` (page by page, WAL-safe, while Vigil keeps
 * charting), each written under a temporary name, checked with integrity_check on a worker
 * thread, then named
 * for its time and reason, with its size, check and high-water marks beside it; older ones
 * thinned to 14 daily and 12 monthly.
 */
export function createBackupService({ db, folder, clock, logger, nativeBinding }: BackupServiceOptions) {
  let running: Promise<BackupEntry> | null = null;

  async function write(reason: BackupReason): Promise<BackupEntry> {
    mkdirSync(folder, { recursive: true });
    const at = clock.now();
    const file = `vigil-${stamp(at)}-${reason}.sqlite3`;
    const partial = join(folder, `${file}.partial`);
    try {
      await db.backup(partial);
      const { check, marks } = await checkBackupInWorker(partial, db, nativeBinding);
      renameSync(partial, join(folder, file));
      const entry: BackupEntry = { file, at, reason, sizeBytes: statSync(join(folder, file)).size, check, marks };
      writeFileSync(join(folder, `${file}.json`), JSON.stringify(entry, null, 1));
      if (check === 'ok') logger.info('backup written', { file, sizeBytes: entry.sizeBytes });
      else logger.error('backup failed its check', { file, check });
      thin();
      return entry;
    } catch (error) {
      rmSync(partial, { force: true });
      logger.error('backup failed', { reason, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  function thin() {
    const all = listBackups(folder);
    const keep = new Set(retainedBackups(all).map((entry) => entry.file));
    for (const entry of all) {
      if (keep.has(entry.file)) continue;
      rmSync(join(folder, entry.file), { force: true });
      rmSync(join(folder, `${entry.file}.json`), { force: true });
      logger.info('backup retired', { file: entry.file });
    }
  }

  return {
    folder,
    /** One backup at a time; a second request while one runs gets the same one. */
    backupNow(reason: BackupReason): Promise<BackupEntry> {
      running ??= write(reason).finally(() => {
        running = null;
      });
      return running;
    },
    /** Resolves once no backup is being written (before the file is closed or replaced). */
    idle: async (): Promise<void> => {
      await running?.catch(() => undefined);
    },
    list: () => listBackups(folder),
    newest: (): BackupEntry | undefined => listBackups(folder).find((entry) => entry.check === 'ok'),
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
