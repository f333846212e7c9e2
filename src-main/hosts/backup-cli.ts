import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listBackups } from '../core/backup/backups';
import { databaseInUse, restoreBackup } from '../core/backup/restore';
import { DatabaseStorageError } from '../core/db/errors';
import { lockDataFolder } from '../core/db/folder-lock';
import { BACKUP_FOLDER_NAME, DATABASE_FILE_NAME } from '../core/vigil-core';

const USAGE = `Vigil backups, for clinic IT (run with Vigil closed):
  node dist/host/vigil-backup.cjs list    --data-dir DIR [--backup-dir DIR]
  node dist/host/vigil-backup.cjs restore --data-dir DIR --from FILE [--backup-dir DIR]
FILE is a backup file name from "list" (or a path). Restore checks the backup first, keeps
the current database aside as vigil.sqlite3.before-restore-<time>, and never overwrites it.`;

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'data-dir': { type: 'string' }, 'backup-dir': { type: 'string' }, from: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  const command = positionals[0];
  const dataDir = values['data-dir'] ?? process.env.VIGIL_DATA_DIR;
  if (values.help || !command || !dataDir) {
    console.warn(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const folder = resolve(values['backup-dir'] ?? join(dataDir, BACKUP_FOLDER_NAME));
  if (command === 'list') {
    const backups = listBackups(folder);
    process.stdout.write(`${backups.length} backup(s) in ${folder}\n`);
    for (const entry of backups) {
      process.stdout.write(`${new Date(entry.at).toISOString()}  ${String(entry.sizeBytes).padStart(10)} B  ${entry.check === 'ok' ? 'ok  ' : 'FAILED'}  ${entry.reason.padEnd(14)} ${entry.file}\n`);
    }
    return;
  }
  if (command === 'restore') {
    if (!values.from) throw new Error('restore needs --from FILE');
    const backupPath = isAbsolute(values.from) || values.from.includes('/') ? resolve(values.from) : join(folder, values.from);
    const dataFolder = resolve(dataDir);
    const databasePath = join(dataFolder, DATABASE_FILE_NAME);
    const vigilIsRunning = new Error(
      `Vigil is running on ${dataFolder} (its database is open), so nothing was changed: its windows would not know of the restore and it would go on writing into the file set aside. ` +
        'Restore from the Backups screen (an administrator; every window is told and signed out), or close Vigil and run this again.',
    );
    // Held for the whole restore, as a running Vigil holds it: a Vigil started meanwhile is refused instead of opening a file being replaced.
    let folderLock: { release(): void };
    try {
      mkdirSync(dataFolder, { recursive: true });
      folderLock = lockDataFolder(dataFolder, databasePath);
    } catch (error) {
      if (error instanceof DatabaseStorageError && error.fault === 'storage_busy') throw vigilIsRunning;
      throw error;
    }
    try {
      if (databaseInUse(databasePath)) throw vigilIsRunning;
      const result = restoreBackup(databasePath, backupPath);
      process.stdout.write(`Restored from ${result.restoredFrom}\n${result.keptAsideAs ? `The replaced database is kept as ${result.keptAsideAs}\n` : ''}`);
    } finally {
      folderLock.release();
    }
    return;
  }
  throw new Error(`Unknown command ${command}\n${USAGE}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
