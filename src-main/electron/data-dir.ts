import { resolve } from 'node:path';

export const DATA_DIR_ARG = '--data-dir=';
export const DATA_DIR_ENV = 'VIGIL_DATA_DIR';

export interface DataDirChoice {
  dataDir: string;
  /** Whether it came from the command line or the environment rather than Electron's default. */
  overridden: boolean;
}

/**
 * The folder that holds the database: `--data-dir=<path>`, else VIGIL_DATA_DIR, else
 * Electron's userData folder. An empty value is an error, not a silent fall-back to the
 * default folder, which may hold another clinic's (or the real) data.
 */
export function resolveDataDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, defaultDir: () => string): DataDirChoice {
  const arg = [...argv].reverse().find((value) => value.startsWith(DATA_DIR_ARG));
  if (arg !== undefined) {
    const value = arg.slice(DATA_DIR_ARG.length).trim();
    if (value === '') throw new Error(`${DATA_DIR_ARG}<folder> was given without a folder.`);
    return { dataDir: resolve(value), overridden: true };
  }
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv !== undefined) {
    if (fromEnv.trim() === '') throw new Error(`${DATA_DIR_ENV} is set but empty.`);
    return { dataDir: resolve(fromEnv.trim()), overridden: true };
  }
  return { dataDir: defaultDir(), overridden: false };
}
