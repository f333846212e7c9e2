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
