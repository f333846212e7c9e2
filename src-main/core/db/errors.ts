/** The file was written by a newer Vigil; opening it with older code could damage it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly codeVersion: number,
    readonly path: string,
  ) {
    super(
      `The database ${path} is at schema version ${fileVersion}, but this Vigil understands up to version ${codeVersion}. ` +
        'Install the newer Vigil that wrote it; the file was not changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** SQLite's integrity_check found damage; Vigil refuses to write into a damaged file. */
export class DatabaseCorruptError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`The database ${path} failed its integrity check: ${problems.slice(0, 3).join('; ')}. Restore it from a backup.`);
    this.name = 'DatabaseCorruptError';
  }
}

/** What of the data folder cannot be written: the database file, its -wal/-shm companions, or the folder. */
export type ReadOnlyPart = 'file' | 'folder';

/**
 * The database cannot be written. SQLite would open such a file read-only without a word
 * and fail at the first reading charted; Vigil refuses at start instead.
 */
export class DatabaseReadOnlyError extends Error {
  constructor(
    readonly path: string,
    readonly part: ReadOnlyPart,
    readonly detail: string,
  ) {
    super(`The database ${part === 'folder' ? 'folder of ' : ''}${path} cannot be written (${detail}). Make it writable; nothing was changed.`);
    this.name = 'DatabaseReadOnlyError';
  }
}

/** The disk refused the database at start for another reason (full, failing). */
export class DatabaseStorageError extends Error {
  constructor(
    readonly path: string,
    readonly fault: 'storage_full' | 'storage_io' | 'storage_busy',
    readonly detail: string,
  ) {
    super(`The database ${path} could not be opened: ${detail}`);
    this.name = 'DatabaseStorageError';
  }
}
