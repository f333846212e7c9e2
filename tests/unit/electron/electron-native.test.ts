import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../../src-main/electron/native-binding';

const ROOT = process.cwd();
const SCRIPT = join(ROOT, 'scripts', 'electron-native.mjs');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const SQLITE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
const NODE_BUILD = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

let nativeDir: string;

beforeEach(() => {
  nativeDir = mkdtempSync(join(tmpdir(), 'vigil-native-test-'));
});

afterEach(() => rmSync(nativeDir, { recursive: true, force: true }));

/** Runs the script with its output folder redirected, so the real .native is never written. */
function run(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, VIGIL_NATIVE_DIR: nativeDir, VIGIL_NATIVE_DOWNLOAD_TIMEOUT_MS: '25000', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
}

function nodeBuildFingerprint() {
  const stat = statSync(NODE_BUILD);
  return { size: stat.size, mtimeMs: stat.mtimeMs, entries: readdirSync(dirname(NODE_BUILD)).sort() };
}

describe('scripts/electron-native.mjs', () => {
  it('names the same file the app loads in development', () => {
    const { status, stdout } = run(['--print-path'], { VIGIL_NATIVE_DIR: join(ROOT, '.native') });
    expect(status).toBe(0);
    const expected = nativeBindingPath({
      isPackaged: false,
      resourcesPath: '',
      projectRoot: ROOT,
      electronVersion: ELECTRON_VERSION,
      platform: process.platform,
      arch: process.arch,
    });
    expect(stdout.trim()).toBe(expected);
  });

  it('takes the target platform and arch from arguments or the environment', () => {
    expect(run(['--print-path', '--platform=win32', '--arch=arm64']).stdout.trim()).toBe(
      join(nativeDir, `electron-${ELECTRON_VERSION}-win32-arm64`, 'better_sqlite3.node'),
    );
    expect(run(['--print-path'], { VIGIL_NATIVE_PLATFORM: 'darwin', VIGIL_NATIVE_ARCH: 'x64' }).stdout.trim()).toBe(
      join(nativeDir, `electron-${ELECTRON_VERSION}-darwin-x64`, 'better_sqlite3.node'),
    );
  });

  it('does nothing when the binary for this better-sqlite3 is already there', () => {
    const target = join(nativeDir, `electron-${ELECTRON_VERSION}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, 'already built');
    writeFileSync(join(dirname(target), 'build-info.json'), JSON.stringify({ betterSqlite3: SQLITE_VERSION }));
    const { status, stdout, stderr, seconds } = run([]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/already built/);
    expect(stdout + stderr).not.toMatch(/prebuild-install|node-gyp/);
    expect(readFileSync(target, 'utf8')).toBe('already built');
    expect(seconds).toBeLessThan(10);
  });

  it('fails fast and says what to do when no binary can be had (a platform with no prebuilt, not compilable here)', () => {
    const before = nodeBuildFingerprint();
    const target = join(nativeDir, `electron-${ELECTRON_VERSION}-vigil-test-os-x64`, 'better_sqlite3.node');
    // A stale binary from another better-sqlite3 version must be rebuilt, not trusted.
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, 'stale');
    writeFileSync(join(dirname(target), 'build-info.json'), JSON.stringify({ betterSqlite3: '1.0.0' }));

    const { status, stdout, stderr, seconds } = run(['--platform=vigil-test-os', '--arch=x64']);
    expect(status).toBe(1);
    expect(stdout).toMatch(/built for better-sqlite3 1\.0\.0; rebuilding/);
    expect(stderr).toContain(`electron-native: could not make better-sqlite3 ${SQLITE_VERSION} for Electron ${ELECTRON_VERSION} (vigil-test-os-x64)`);
    expect(stderr).toMatch(/prebuild-install .*: /);
    expect(stderr).toContain('node-gyp: cannot compile for vigil-test-os');
    expect(stderr).toContain('node_modules was not changed');
    expect(stderr).toContain(target);
    expect(seconds).toBeLessThan(60);
    expect(nodeBuildFingerprint()).toEqual(before);
  });

  it(
    'for this machine either makes the binary or fails within a minute with a clear message, leaving node_modules alone',
    () => {
      const before = nodeBuildFingerprint();
      const target = join(nativeDir, `electron-${ELECTRON_VERSION}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
      const { status, stderr, seconds } = run([]);
      if (status === 0) {
        // A machine that can reach github.com: the binary and its build record are there.
        expect(existsSync(target)).toBe(true);
        expect(JSON.parse(readFileSync(join(dirname(target), 'build-info.json'), 'utf8'))).toMatchObject({ betterSqlite3: SQLITE_VERSION });
      } else {
        expect(status).toBe(1);
        expect(seconds).toBeLessThan(60);
        expect(stderr).toContain(`could not make better-sqlite3 ${SQLITE_VERSION} for Electron ${ELECTRON_VERSION}`);
        expect(stderr).toContain('To fix, either:');
        expect(existsSync(target)).toBe(false);
      }
      expect(nodeBuildFingerprint()).toEqual(before);
    },
    150_000,
  );
});
