import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import type { VigilBridge } from '../../shared/contract/api';
import { CHANNEL_NAMES } from '../../shared/contract/channels';
import { findElectronBinary, ROOT } from './electron-binary';

const APP_URL = 'app://vigil/index.html';
const electron = findElectronBinary();

interface Fixtures {
  dataDir: string;
  app: ElectronApplication;
  page: Page;
}

const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring.
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-electron-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use, testInfo) => {
    // No executablePath: Playwright then loads the Electron path from node_modules/electron,
    // which only happens here, after findElectronBinary() found the binary, so it never downloads.
    const app = await _electron.launch({
      args: [join(ROOT, 'dist', 'main', 'main.cjs'), `--data-dir=${dataDir}`],
      cwd: ROOT,
      env: { ...process.env, VIGIL_DATA_DIR: '' },
    });
    await use(app);
    await app.close();
    const log = join(dataDir, 'vigil.log');
    if (testInfo.status !== testInfo.expectedStatus && existsSync(log)) {
      await testInfo.attach('vigil.log', { path: log, contentType: 'text/plain' });
    }
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

// The reason lands in each test's annotations (and reports); global-setup.ts prints it.
test.skip(!electron.available, electron.available ? '' : electron.reason);

function readLog(dataDir: string): string {
  const path = join(dataDir, 'vigil.log');
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

test('opens Vigil from app:// with no Node and no Electron in the page, only window.vigil', async ({ page }) => {
  await expect(page).toHaveURL(APP_URL);
  const seen = await page.evaluate(() => {
    const scope = window as unknown as Record<string, unknown>;
    const vigil = scope.vigil as VigilBridge | undefined;
    return {
      process: typeof scope.process,
      require: typeof scope.require,
      module: typeof scope.module,
      buffer: typeof scope.Buffer,
      electron: typeof scope.electron,
      ipcRenderer: typeof scope.ipcRenderer,
      vigilKeys: vigil ? Object.keys(vigil).sort() : null,
      channels: vigil ? Object.keys(vigil.channels).sort() : null,
    };
  });
  expect(seen).toEqual({
    process: 'undefined',
    require: 'undefined',
    module: 'undefined',
    buffer: 'undefined',
    electron: 'undefined',
    ipcRenderer: 'undefined',
    vigilKeys: ['channels', 'subscribe'],
    channels: [...CHANNEL_NAMES].sort(),
  });
});

test('answers contract calls from the real core (Electron-ABI SQLite in the data folder)', async ({ page, dataDir }) => {
  const result = await page.evaluate(() => (window as unknown as { vigil: VigilBridge }).vigil.channels['auth/status']({}));
  expect(result).toMatchObject({ ok: true, value: { user: null } });
  expect(existsSync(join(dataDir, 'vigil.sqlite3'))).toBe(true);
  const refused = await page.evaluate(() => {
    try {
      (window as unknown as { vigil: { subscribe(name: string, listener: () => void): unknown } }).vigil.subscribe('no/such-event', () => undefined);
      return 'subscribed';
    } catch (error) {
      return String(error);
    }
  });
  expect(refused).toMatch(/no event named/);
});

test('serves every page with the CSP, and the page obeys it', async ({ page }) => {
  const csp = await page.evaluate(async () => (await fetch('app://vigil/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

  const enforced = await page.evaluate(() => {
    let evalResult = 'ran';
    try {
      eval('1 + 1');
    } catch (error) {
      evalResult = (error as Error).name;
    }
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return { evalResult, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(enforced).toEqual({ evalResult: 'EvalError', inlineRan: false });
});

test('refuses to leave app:// by navigation, pop-up or redirect', async ({ app, page, dataDir }) => {
  await expect(page).toHaveURL(APP_URL);

  await page.evaluate(() => {
    window.location.href = 'https://example.invalid/phish';
  });
  await expect.poll(() => readLog(dataDir)).toContain('"navigation blocked"');
  await expect(page).toHaveURL(APP_URL);

  const popup = await page.evaluate(() => window.open('https://example.invalid/popup') === null);
  expect(popup).toBe(true);
  await expect.poll(() => readLog(dataDir)).toContain('"window open blocked"');
  expect(app.windows()).toHaveLength(1);

  // A main-process loadURL skips will-navigate; the redirect guard must still hold.
  const server = createServer((_req, res) => res.writeHead(302, { Location: 'https://example.invalid/redirected' }).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await app.evaluate(async ({ BrowserWindow }, port) => {
      await BrowserWindow.getAllWindows()[0]?.loadURL(`http://127.0.0.1:${port}/`).catch(() => undefined);
    }, port);
    await expect.poll(() => readLog(dataDir)).toContain('"redirect blocked"');
    expect(page.url()).not.toContain('example.invalid');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('grants notifications and nothing else', async ({ page }) => {
  const states = await page.evaluate(async () => {
    const query = async (name: string) => {
      try {
        return (await navigator.permissions.query({ name: name as PermissionName })).state;
      } catch {
        return 'unsupported';
      }
    };
    return { notifications: await query('notifications'), geolocation: await query('geolocation'), camera: await query('camera') };
  });
  expect(states).toEqual({ notifications: 'granted', geolocation: 'denied', camera: 'denied' });
});
