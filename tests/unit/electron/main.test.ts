import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/channels';
import { DATABASE_FILE_NAME, LOG_FILE_NAME } from '../../../src-main/core/vigil-core';

// main.ts against a fake Electron: the lifecycle decisions (data folder, single instance,
// refusing to start on a database it cannot trust) with the real core on a temp folder.

const NODE_BINDING = join(process.cwd(), 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

function makeElectron(options: { lock?: boolean; locale?: string } = {}) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  class FakeContents extends EventEmitter {
    mainFrame = { url: 'app://vigil/index.html', frameTreeNodeId: 1, parent: null };
    send = vi.fn();
    isDestroyed = () => false;
    setWindowOpenHandler = vi.fn();
  }
  class FakeWindow extends EventEmitter {
    static getAllWindows = () => windows;
    webContents = new FakeContents();
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: new Map([['userData', join(tmpdir(), 'vigil-default-user-data-never-used')]]),
    getPath(name: string) {
      return this.paths.get(name) ?? '';
    },
    setPath(name: string, value: string) {
      calls.push(`setPath ${name}`);
      this.paths.set(name, value);
    },
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('requestSingleInstanceLock');
      return options.lock ?? true;
    }),
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    quit: vi.fn(),
    exit: vi.fn(),
    isReady: () => true,
    // The OS language, as Electron reports it once the app is ready.
    getLocale: () => options.locale ?? 'en-US',
  });
  return {
    calls,
    windows,
    module: {
      app,
      BrowserWindow: FakeWindow,
      dialog: { showErrorBox: vi.fn() },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
        handle: vi.fn(() => calls.push('protocol.handle')),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          on: vi.fn(),
        },
      },
      shell: { openExternal: vi.fn() },
      // The OS keystore stand-in: a reversible transform, so the sealed key file differs from the key.
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
        decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
      },
    },
  };
}

const state = vi.hoisted(() => ({ electron: {} as Record<string, unknown>, binding: '' }));

// Mocked modules survive vi.resetModules, so each export reads the current test's fake.
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'protocol', 'session', 'shell', 'safeStorage'];
  const current = (name: string) => state.electron[name] as new (...args: unknown[]) => object;
  const live = (name: string) =>
    new Proxy(function () {}, {
      get: (_target, key) => Reflect.get(current(name), key),
      construct: (_target, args) => Reflect.construct(current(name), args),
    });
  return Object.fromEntries(names.map((name) => [name, live(name)]));
});
vi.mock(import('../../../src-main/electron/native-binding'), async (importOriginal) => ({
  ...(await importOriginal()),
  // The Node build stands in for the Electron one: same SQLite, loadable by this test.
  nativeBindingPath: () => state.binding,
}));

let dataDir: string;
let electron: ReturnType<typeof makeElectron>;
const savedArgv = process.argv;

async function start(args: string[], options: { lock?: boolean; locale?: string } = {}) {
  electron = makeElectron(options);
  state.electron = electron.module as unknown as Record<string, unknown>;
  process.argv = [process.execPath, 'dist/main/main.cjs', ...args];
  vi.resetModules();
  await import('../../../src-main/electron/main');
  // Let the whenReady continuation run.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return electron;
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-main-'));
  state.binding = NODE_BINDING;
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  electron?.module.app.emit('will-quit');
  process.argv = savedArgv;
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('main', () => {
  it('opens core in --data-dir, serves app://, registers the contract and shows the window', async () => {
    const { module, calls, windows } = await start([`--data-dir=${dataDir}`]);
    expect(module.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(module.app.getPath('userData')).toBe(dataDir);
    // Privileged schemes must be registered before ready, and the profile moved before the lock.
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('setPath userData')).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
    expect(module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    // The contract's channels, and the desktop's two file actions for exports (save, print).
    expect(module.ipcMain.handle.mock.calls.map(([name]) => name).sort()).toEqual(
      [...CHANNEL_NAMES.map((name) => `vigil:call:${name}`), 'vigil:desktop:printPdf', 'vigil:desktop:saveFile'].sort(),
    );
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window?.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(window?.loadURL).toHaveBeenCalledWith('app://vigil/index.html');
    expect(readFileSync(join(dataDir, DATABASE_FILE_NAME)).subarray(0, 15).toString()).toBe('SQLite format 3');
    // The audit key is sealed with the OS keystore, never left in a plain key file.
    expect(readFileSync(join(dataDir, 'audit.key.sealed')).toString()).toMatch(/^sealed:/);
    expect(existsSync(join(dataDir, 'audit.key'))).toBe(false);
  });

  it('closes core on quit', async () => {
    const { module } = await start([`--data-dir=${dataDir}`]);
    module.app.emit('will-quit');
    expect(readFileSync(join(dataDir, LOG_FILE_NAME), 'utf8')).toContain('"core closed"');
  });

  it('takes VIGIL_DATA_DIR when there is no --data-dir', async () => {
    vi.stubEnv('VIGIL_DATA_DIR', dataDir);
    try {
      const { windows } = await start([]);
      expect(windows).toHaveLength(1);
      expect(readFileSync(join(dataDir, DATABASE_FILE_NAME)).length).toBeGreaterThan(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('quits at once when another Vigil already runs on this data folder', async () => {
    const { module, windows } = await start([`--data-dir=${dataDir}`], { lock: false });
    expect(module.app.quit).toHaveBeenCalled();
    expect(module.protocol.handle).not.toHaveBeenCalled();
    expect(module.ipcMain.handle).not.toHaveBeenCalled();
    expect(windows).toHaveLength(0);
  });

  describe('never starts on a store it cannot trust', () => {
    function expectRefusedToStart(titlePattern: RegExp, messagePattern: RegExp) {
      const { module, windows } = electron;
      expect(module.dialog.showErrorBox).toHaveBeenCalledOnce();
      const [title, message] = module.dialog.showErrorBox.mock.calls[0] as [string, string];
      expect(title).toMatch(titlePattern);
      expect(message).toMatch(messagePattern);
      expect(module.app.exit).toHaveBeenCalledWith(1);
      expect(module.ipcMain.handle).not.toHaveBeenCalled();
      expect(windows).toHaveLength(0);
    }

    it('a database written by a newer Vigil', async () => {
      const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME));
      db.pragma('user_version = 999');
      db.close();
      await start([`--data-dir=${dataDir}`]);
      expectRefusedToStart(/newer version/, /schema version 999/);
    });

    it('says it in the OS language (Spanish for es-ES)', async () => {
      const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME));
      db.pragma('user_version = 999');
      db.close();
      await start([`--data-dir=${dataDir}`], { locale: 'es-ES' });
      expectRefusedToStart(/base de datos de una versión más nueva/, /versión de esquema 999[\s\S]*Carpeta de datos: /);
    });

    it('a file that is not a SQLite database', async () => {
      writeFileSync(join(dataDir, DATABASE_FILE_NAME), 'x'.repeat(4096));
      await start([`--data-dir=${dataDir}`]);
      expectRefusedToStart(/damaged/, /not a database/);
    });

    it('a data folder that cannot be used at all', async () => {
      const notAFolder = join(dataDir, 'a-file');
      writeFileSync(notAFolder, '');
      await start([`--data-dir=${notAFolder}`]);
      expectRefusedToStart(/could not open its database/, /Data folder: .*a-file$/);
    });

    it('a missing Electron build of SQLite', async () => {
      state.binding = join(dataDir, 'nowhere', 'better_sqlite3.node');
      await start([`--data-dir=${dataDir}`]);
      expectRefusedToStart(/installation incomplete/, /electron-native\.mjs/);
    });

    it('an empty --data-dir', async () => {
      await start(['--data-dir=']);
      expectRefusedToStart(/could not open its database/, /--data-dir=<folder> was given without a folder/);
    });
  });
});
