// electron-builder `beforePack` hook (see electron-builder.yml). For each platform and
// arch being packed it makes the Electron-ABI better-sqlite3 with electron-native.mjs and
// stages it at .native/stage/<os>-<arch>/, where `extraResources` picks it up as
// resources/native/better_sqlite3.node. node_modules is never rebuilt (npmRebuild: false),
// so the Node build the tests use survives packaging.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_SCRIPT = join(ROOT, 'scripts', 'electron-native.mjs');

// electron-builder's names -> Node's (process.platform / process.arch), which prebuilt
// binaries and the app's own lookup use.
const PLATFORMS = { darwin: 'darwin', mas: 'darwin', linux: 'linux', win32: 'win32' };
const ARCHES = { ia32: 'ia32', x64: 'x64', armv7l: 'arm', arm64: 'arm64' };
// builder-util's Arch enum, by number.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** Where extraResources' `.native/stage/${os}-${arch}/better_sqlite3.node` points. */
export function stagedBindingPath(os, builderArch) {
  return join(ROOT, '.native', 'stage', `${os}-${builderArch}`, 'better_sqlite3.node');
}

export default async function beforePack(context) {
  const builderArch = ARCH_NAMES[context.arch];
  const os = context.packager.platform.buildConfigurationKey;
  const platform = PLATFORMS[context.electronPlatformName];
  const arch = ARCHES[builderArch];
  if (!platform || !arch) {
    throw new Error(`before-pack: no better-sqlite3 build for ${context.electronPlatformName}/${builderArch}; pack x64 and arm64 separately instead of universal.`);
  }
  const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const packing = context.packager.info.framework.version;
  if (packing !== installed) {
    throw new Error(`before-pack: packing Electron ${packing} but node_modules has Electron ${installed}; the SQLite binding would not load.`);
  }
  const args = [NATIVE_SCRIPT, `--platform=${platform}`, `--arch=${arch}`];
  execFileSync(process.execPath, args, { stdio: 'inherit' });
  const built = execFileSync(process.execPath, [...args, '--print-path'], { encoding: 'utf8' }).trim();
  const staged = stagedBindingPath(os, builderArch);
  mkdirSync(dirname(staged), { recursive: true });
  copyFileSync(built, staged);
  console.log(`before-pack: staged ${built} -> ${staged}`);
}
