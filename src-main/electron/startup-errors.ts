import { DatabaseCorruptError, DatabaseTooNewError } from '../core/db/errors';
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
        `Restore the most recent backup, or call support.${where}`,
    };
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
