// Makes the Electron-ABI build of better-sqlite3 that the desktop app loads through its
// `nativeBinding` option, next to (never instead of) the Node build in node_modules that
// the tests use:
//
//   .native/electron-<electronVersion>-<platform>-<arch>/better_sqlite3.node
//
// A copy of node_modules/better-sqlite3 in a temporary folder gets a prebuilt binary from
// the better-sqlite3 releases (prebuild-install), or, failing that, is compiled against
// Electron's headers (node-gyp). node_modules itself is never written to.
//
//   node scripts/electron-native.mjs [--platform=linux|darwin|win32] [--arch=x64|arm64|ia32]
//                                    [--print-path] [--quiet]
//
// Environment: VIGIL_NATIVE_PLATFORM, VIGIL_NATIVE_ARCH (cross-packaging),
// VIGIL_NATIVE_DIR (instead of <repo>/.native), VIGIL_NATIVE_DOWNLOAD_TIMEOUT_MS (each
// download step; default 30000, so an offline machine fails within about a minute).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BINARY = 'better_sqlite3.node';
const INFO = 'build-info.json';
const ELECTRON_HEADERS = 'https://electronjs.org/headers';
const COMPILE_TIMEOUT_MS = 20 * 60 * 1000;

class Failure extends Error {}

function option(args, name) {
  const prefix = `--${name}=`;
  const found = args.find((arg) => arg.startsWith(prefix));
  return found === undefined ? undefined : found.slice(prefix.length);
}

function readVersion(packageName) {
  const path = join(ROOT, 'node_modules', packageName, 'package.json');
  if (!existsSync(path)) throw new Failure(`${packageName} is not installed (${path} is missing). Run npm install first.`);
  return JSON.parse(readFileSync(path, 'utf8')).version;
}

function firstExisting(paths) {
  return paths.find((path) => path && existsSync(path));
}

function nodeGypBin() {
  const npmCli = process.env.npm_execpath;
  return firstExisting([
    join(ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    npmCli ? join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : undefined,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]);
}

/** Runs `node <script> ...args`; returns null on success, else a one-line reason. */
function run(script, args, { cwd, timeoutMs, quiet }) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    stdio: quiet ? 'pipe' : ['ignore', 'inherit', 'inherit'],
    encoding: 'utf8',
  });
  if (result.error?.code === 'ETIMEDOUT') return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  if (result.error) return result.error.message;
  if (result.status !== 0) {
    const tail = `${result.stderr ?? ''}`.trim().split('\n').slice(-1)[0];
    return `exit code ${result.status ?? result.signal}${tail ? ` (${tail.trim()})` : ''}`;
  }
  return null;
}

function main(args) {
  const platform = option(args, 'platform') ?? process.env.VIGIL_NATIVE_PLATFORM ?? process.platform;
  const arch = option(args, 'arch') ?? process.env.VIGIL_NATIVE_ARCH ?? process.arch;
  const nativeDir = resolve(process.env.VIGIL_NATIVE_DIR ?? join(ROOT, '.native'));
  const downloadTimeoutMs = Number(process.env.VIGIL_NATIVE_DOWNLOAD_TIMEOUT_MS ?? 30_000);
  const quiet = args.includes('--quiet');
  const electronVersion = readVersion('electron');
  const sqliteVersion = readVersion('better-sqlite3');
  const targetDir = join(nativeDir, `electron-${electronVersion}-${platform}-${arch}`);
  const target = join(targetDir, BINARY);
  const describe = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})`;

  if (args.includes('--print-path')) {
    console.log(target);
    return;
  }

  // The folder name carries Electron's version; build-info.json carries better-sqlite3's,
  // whose JavaScript must match the binary it loads.
  const infoPath = join(targetDir, INFO);
  if (existsSync(target) && existsSync(infoPath)) {
    const info = JSON.parse(readFileSync(infoPath, 'utf8'));
    if (info.betterSqlite3 === sqliteVersion) {
      console.log(`electron-native: ${describe} is already built: ${relative(process.cwd(), target) || target}`);
      return;
    }
    console.log(`electron-native: ${target} was built for better-sqlite3 ${info.betterSqlite3}; rebuilding for ${sqliteVersion}.`);
  }

  const source = join(ROOT, 'node_modules', 'better-sqlite3');
  const work = mkdtempSync(join(tmpdir(), 'vigil-native-'));
  const copy = join(work, 'better-sqlite3');
  const reasons = [];
  let method = null;
  try {
    // The Node build (build/) stays behind: the copy must not pass it off as Electron's.
    const skipped = [join(source, 'build'), join(source, 'node_modules')];
    const keep = (path) => !skipped.some((folder) => path === folder || path.startsWith(folder + sep));
    cpSync(source, copy, { recursive: true, filter: keep });
    const built = join(copy, 'build', 'Release', BINARY);
    const options = { cwd: copy, timeoutMs: downloadTimeoutMs, quiet };

    const prebuildInstall = firstExisting([
      join(source, 'node_modules', 'prebuild-install', 'bin.js'),
      join(ROOT, 'node_modules', 'prebuild-install', 'bin.js'),
    ]);
    if (!prebuildInstall) {
      reasons.push('prebuild-install: not installed');
    } else {
      console.log(`electron-native: downloading a prebuilt ${describe} ...`);
      const reason = run(prebuildInstall, ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose'], options);
      if (reason === null && existsSync(built)) method = 'prebuild-install';
      else reasons.push(`prebuild-install (binary from github.com): ${reason ?? 'finished without a binary'}`);
    }

    if (!method) {
      const nodeGyp = nodeGypBin();
      if (platform !== process.platform) {
        reasons.push(`node-gyp: cannot compile for ${platform} on ${process.platform}`);
      } else if (!nodeGyp) {
        reasons.push('node-gyp: not found (neither in node_modules nor bundled with npm)');
      } else {
        const gypArgs = [`--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS}`];
        console.log(`electron-native: compiling ${describe} from source ...`);
        // Headers first, with the short timeout; the compile itself then needs no network.
        const headers = run(nodeGyp, ['install', ...gypArgs], options);
        if (headers !== null) {
          reasons.push(`node-gyp (Electron headers from ${ELECTRON_HEADERS}): ${headers}`);
        } else {
          const compiled = run(nodeGyp, ['rebuild', '--release', '--runtime=electron', ...gypArgs], { ...options, timeoutMs: COMPILE_TIMEOUT_MS });
          if (compiled === null && existsSync(built)) method = 'node-gyp';
          else reasons.push(`node-gyp rebuild: ${compiled ?? 'finished without a binary'}`);
        }
      }
    }

    if (!method) {
      throw new Failure(
        [
          `could not make ${describe}.`,
          ...reasons.map((reason) => `  - ${reason}`),
          'node_modules was not changed. To fix, either:',
          '  - run `node scripts/electron-native.mjs` on a machine that can reach github.com (or electronjs.org and a C++ toolchain), or',
          `  - copy a better_sqlite3.node built for Electron ${electronVersion} ${platform}-${arch} to ${target}`,
          `    with ${INFO} {"betterSqlite3": "${sqliteVersion}"} beside it.`,
        ].join('\n'),
      );
    }

    mkdirSync(targetDir, { recursive: true });
    copyFileSync(built, target);
    const info = { betterSqlite3: sqliteVersion, electron: electronVersion, platform, arch, method, builtAt: new Date().toISOString() };
    writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
    console.log(`electron-native: ${describe} ready (${method}, ${statSync(target).size} bytes): ${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(`electron-native: ${error instanceof Failure ? error.message : (error?.stack ?? String(error))}`);
  process.exitCode = 1;
}
