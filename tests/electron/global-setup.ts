import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary, ROOT } from './electron-binary';

/**
 * Says plainly, once, when the suite cannot run here. Where it can, makes sure the app is
 * built and its Electron-ABI SQLite exists (a no-op when it already does).
 */
export default function globalSetup(): void {
  const electron = findElectronBinary();
  if (!electron.available) {
    process.stdout.write(`\n[electron suite] SKIPPED: ${electron.reason}\n\n`);
    return;
  }
  for (const built of ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run build before npm run test:electron`);
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'electron-native.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
