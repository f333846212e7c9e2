import { join } from 'node:path';

// better-sqlite3 in node_modules is built for Node (the tests use it). The app loads a
// separate build for Electron's ABI through better-sqlite3's `nativeBinding` option:
// in development from .native/ (made by scripts/electron-native.mjs), packaged from the
// resources folder (electron-builder.yml copies it there as native/better_sqlite3.node).

export const NATIVE_BINDING_FILE = 'better_sqlite3.node';
export const NATIVE_DIR = '.native';

/** Same naming as scripts/electron-native.mjs; a unit test keeps the two in step. */
export function electronNativeFolderName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export interface NativeBindingInput {
  isPackaged: boolean;
  /** `process.resourcesPath` */
  resourcesPath: string;
  /** The repository root in development. */
  projectRoot: string;
  /** `process.versions.electron` */
  electronVersion: string;
  platform: string;
  arch: string;
}

export function nativeBindingPath(input: NativeBindingInput): string {
  if (input.isPackaged) return join(input.resourcesPath, 'native', NATIVE_BINDING_FILE);
  return join(input.projectRoot, NATIVE_DIR, electronNativeFolderName(input.electronVersion, input.platform, input.arch), NATIVE_BINDING_FILE);
}

/** The Electron build of SQLite is not where the app expects it. */
export class NativeBindingMissingError extends Error {
  constructor(
    readonly path: string,
    readonly isPackaged: boolean,
  ) {
    super(
      isPackaged
        ? `The SQLite engine for this Vigil build is missing (${path}). Reinstall Vigil.`
        : `The SQLite engine built for Electron is missing (${path}). Run \`node scripts/electron-native.mjs\` (npm start does this).`,
    );
    this.name = 'NativeBindingMissingError';
  }
}
