import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import scheme from 'app-builder-lib/scheme.json';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../../src-main/electron/native-binding';

const ROOT = process.cwd();
let config: Configuration;

interface BeforePackModule {
  default(context: unknown): Promise<void>;
  stagedBindingPath(os: string, builderArch: string): string;
}

beforeAll(async () => {
  // electron-builder's own loader, so this reads the file exactly as `electron-builder` would.
  config = await getConfig(ROOT, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be rejected with a misspelt key (the check is live)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });

  it('flips the fuses that stop the binary being used as a plain Node or debugged into', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const key of Object.keys(config.electronFuses ?? {})) expect(known).toContain(key);
  });

  it('never rebuilds node_modules in place (the tests need its Node build)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('ships the app in an asar with native modules unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('ships the built main and renderer, not the web host, sources or the Node-ABI SQLite', () => {
    const files = JSON.stringify(config.files);
    expect(files).toContain('dist/main/**');
    expect(files).toContain('dist/renderer/**');
    expect(files).not.toMatch(/"dist\/\*\*"|dist\/host|src-main|tests\//);
    expect(files).toContain('!node_modules/better-sqlite3/{deps,src,build}/**');
  });

  it('puts the Electron-ABI SQLite where the packaged app looks for it', () => {
    expect(config.extraResources).toEqual([{ from: '.native/stage/${os}-${arch}/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
    const resourcesPath = join('/opt', 'Vigil', 'resources');
    const [resource] = config.extraResources as { to: string }[];
    expect(nativeBindingPath({ isPackaged: true, resourcesPath, projectRoot: ROOT, electronVersion: '0', platform: 'linux', arch: 'x64' })).toBe(
      join(resourcesPath, resource?.to ?? ''),
    );
  });

  it('stages the binary where extraResources expands to, per platform and arch', async () => {
    const hook = (await import(pathToFileURL(join(ROOT, 'scripts', 'before-pack.mjs')).href)) as BeforePackModule;
    expect(config.beforePack).toBe('./scripts/before-pack.mjs');
    const [resource] = config.extraResources as { from: string }[];
    const appInfo = {} as Parameters<typeof expandMacro>[2];
    for (const [os, arch] of [['linux', 'x64'], ['win', 'ia32'], ['mac', 'arm64']] as const) {
      const expanded = expandMacro(resource?.from ?? '', arch, appInfo, { os });
      expect(hook.stagedBindingPath(os, arch)).toBe(join(ROOT, expanded));
    }
  });

  it('names the app and its outputs', () => {
    expect(config.appId).toBe('org.vigil.console');
    expect(config.productName).toBe('Vigil');
    expect(config.directories?.output).toBe('release');
  });

  it('builds AppImage and deb (with a maintainer and homepage), NSIS, and a medical-category dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toMatch(/^.+ <.+@.+>$/);
    expect(config.linux?.category).toContain('MedicalSoftware');
    expect((config.extraMetadata as { homepage?: string } | undefined)?.homepage).toMatch(/^https:\/\//);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.mac?.category).toBe('public.app-category.medical');
  });
});

describe('scripts/before-pack.mjs', () => {
  async function hook() {
    return (await import(pathToFileURL(join(ROOT, 'scripts', 'before-pack.mjs')).href)) as BeforePackModule;
  }
  const context = (arch: number, electronVersion: string) => ({
    arch,
    electronPlatformName: 'darwin',
    packager: { platform: { buildConfigurationKey: 'mac' }, info: { framework: { version: electronVersion } } },
  });

  it('refuses a universal build instead of shipping one arch’s SQLite in it', async () => {
    const universal = 4;
    await expect((await hook()).default(context(universal, '45.5.0'))).rejects.toThrow(/universal/);
  });

  it('refuses to pack an Electron other than the one the binary is made for', async () => {
    const x64 = 1;
    await expect((await hook()).default(context(x64, '1.2.3'))).rejects.toThrow(/Electron 1\.2\.3/);
  });
});
