import { DatabaseCorruptError, DatabaseReadOnlyError, DatabaseStorageError, DatabaseTooNewError } from '../core/db/errors';
import { NativeBindingMissingError } from './native-binding';

export interface StartupFailure {
  title: string;
  message: string;
}

/** What the nurse (or the IT person they call) reads when Vigil refuses to start. */
export function describeStartupFailure(error: unknown, dataDir: string): StartupFailure {
  const where = `\n\nData folder: ${dataDir}`;
  if (error instanceof DatabaseTooNewError) {
    return {
      title: 'Vigil: database from a newer version',
      message:
        `This database was written by a newer Vigil (schema version ${error.fileVersion}; this Vigil understands up to ${error.codeVersion}). ` +
        `Install the newer Vigil to open it. The file was not changed.${where}`,
    };
  }
  if (error instanceof DatabaseCorruptError) {
    return {
      title: 'Vigil: database damaged',
      message:
        `The database failed its integrity check, so Vigil will not write into it: ${error.problems.slice(0, 3).join('; ')}. ` +
        `Restore the most recent backup (IT: node dist/host/vigil-backup.cjs restore, see the README, Backups and recovery); the damaged file is kept aside, not overwritten. Or call support.${where}`,
    };
  }
  if (error instanceof DatabaseReadOnlyError) {
    const what = error.part === 'folder' ? 'The data folder' : 'The database file (or its -wal/-shm companion)';
    return {
      title: error.part === 'folder' ? 'Vigil: data folder is read-only' : 'Vigil: database file is read-only',
      message:
        `${what} cannot be written (${error.detail}), so Vigil could not save what the nurse charts. ` +
        `Nothing was changed. Ask IT to make it writable again (permissions, a read-only disk or share), then start Vigil.${where}`,
    };
  }
  if (error instanceof DatabaseStorageError) {
    const reason: Record<DatabaseStorageError['fault'], StartupFailure> = {
      storage_full: { title: 'Vigil: disk full', message: 'The disk holding the database is full. Free some space (old files, the backups folder on another disk), then start Vigil.' },
      storage_io: { title: 'Vigil: disk error', message: 'The disk reported an error reading or writing the database: it may be failing. Call IT; keep the backups folder safe.' },
      storage_busy: { title: 'Vigil: database in use', message: 'Another program holds the database locked (a second Vigil, a backup or sync tool). Close it, then start Vigil.' },
    };
    const { title, message } = reason[error.fault];
    return { title, message: `${message} Nothing was changed. (${error.detail})${where}` };
  }
  if (error instanceof NativeBindingMissingError) {
    return { title: 'Vigil: installation incomplete', message: `${error.message}${where}` };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title: 'Vigil could not open its database',
    message: `Vigil stopped rather than run without a working database. Reason: ${detail}${where}`,
  };
}
