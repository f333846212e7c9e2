import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export type ElectronBinary = { available: true; executablePath: string } | { available: false; reason: string };

/**
 * Finds the Electron binary the way node_modules/electron/index.js does, without loading
 * that file: requiring it downloads Electron when the binary is missing.
 */
export function findElectronBinary(): ElectronBinary {
  const packageDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executablePath = join(override, relative ?? 'electron');
    return existsSync(executablePath)
      ? { available: true, executablePath }
      : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${executablePath} does not exist` };
  }
  if (relative === null) {
    return { available: false, reason: `Electron binary not installed (${pathFile} is missing): run npm install on a machine with internet` };
  }
  const executablePath = join(packageDir, 'dist', relative);
  if (!existsSync(executablePath)) {
    return { available: false, reason: `Electron binary not installed (${executablePath} is missing): run npm install on a machine with internet` };
  }
  return { available: true, executablePath };
}
