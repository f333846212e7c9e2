import type { ErrorCode } from '../../shared/result';
import { DatabaseCorruptError } from './db/errors';

/** The storage faults Vigil names for what they are, each with its own error code. */
export type StorageFault = Extract<ErrorCode, 'storage_full' | 'storage_read_only' | 'storage_io' | 'storage_busy' | 'storage_damaged'>;

/** SQLite primary result codes (an extended code such as SQLITE_IOERR_WRITE starts with its primary one). */
const SQLITE_FAULTS: readonly (readonly [string, StorageFault])[] = [
  ['SQLITE_FULL', 'storage_full'],
  ['SQLITE_READONLY', 'storage_read_only'],
  ['SQLITE_PERM', 'storage_read_only'],
  ['SQLITE_AUTH', 'storage_read_only'],
  ['SQLITE_CANTOPEN', 'storage_io'],
  ['SQLITE_IOERR', 'storage_io'],
  ['SQLITE_BUSY', 'storage_busy'],
  ['SQLITE_LOCKED', 'storage_busy'],
  ['SQLITE_CORRUPT', 'storage_damaged'],
  ['SQLITE_NOTADB', 'storage_damaged'],
];

/** Node's errno codes for the same faults (the log, backups, and files Vigil writes itself). */
const ERRNO_FAULTS: Readonly<Record<string, StorageFault>> = {
  ENOSPC: 'storage_full',
  EDQUOT: 'storage_full',
  EROFS: 'storage_read_only',
  EACCES: 'storage_read_only',
  EPERM: 'storage_read_only',
  EIO: 'storage_io',
  EBUSY: 'storage_busy',
};

/** The storage fault behind an error thrown by better-sqlite3 or node:fs, or null for any other error. */
export function classifyStorageFault(error: unknown): StorageFault | null {
  // Vigil's own finding (a failed check, a trigger planted in the file), not SQLite's.
  if (error instanceof DatabaseCorruptError) return 'storage_damaged';
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const errno = ERRNO_FAULTS[code];
  if (errno) return errno;
  const match = SQLITE_FAULTS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  return match ? match[1] : null;
}

/** The raw code behind a fault, for the log (never shown to the nurse). */
export function errorCodeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
