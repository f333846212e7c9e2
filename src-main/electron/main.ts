// The Electron shell's entry: app lifecycle only. Everything Vigil does lives in core;
// this file opens it, shows one window, and closes it on quit.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { createFileLogger, type Logger } from '../core/logger';
import { mllpPortFromArgv } from '../core/monitor/mllp-port-arg';
import { LOG_FILE_NAME, openVigilCore, START_CHECKS_DELAY_MS, type VigilCore } from '../core/vigil-core';
import { resolveDataDir } from './data-dir';
import { registerDesktopFiles } from './desktop-files';
import { registerIpc } from './ipc';
import { createMainWindow, WindowRegistry } from './main-window';
import { NativeBindingMissingError, nativeBindingPath } from './native-binding';
import { hardenAllWebContents, hardenSession, registerAppScheme, serveAppProtocol } from './security';
import { loadSealedAuditKey } from './sealed-audit-key';
import { describeStartupFailure } from './startup-errors';

// dist/main/main.cjs: the renderer is dist/renderer, the repository root two levels up.
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const PDF_WORKER_PATH = join(__dirname, 'pdf-worker.cjs');
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PROJECT_ROOT = join(__dirname, '..', '..');

function fatal(error: unknown, dataDir: string): void {
  // The OS language (app.getLocale() is ready once the app is; before that it may be empty: English).
  const { title, message } = describeStartupFailure(error, dataDir, app.isReady() ? app.getLocale() : undefined);
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function openCore(dataDir: string, logger: Logger): VigilCore {
  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    projectRoot: PROJECT_ROOT,
    electronVersion: process.versions.electron ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
  });
  if (!existsSync(nativeBinding)) throw new NativeBindingMissingError(nativeBinding, app.isPackaged);
  const auditKey = loadSealedAuditKey(dataDir, safeStorage, (message) => logger.error(message));
  const mllpPort = mllpPortFromArgv(process.argv);
  // Packaged, the worker script is unpacked beside the asar (electron-builder.yml asarUnpack): a worker thread loads it from disk.
  const pdfWorkerScript = PDF_WORKER_PATH.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  return openVigilCore({ dataDir, nativeBinding, auditKey, pdfWorkerScript, auditCheckDelayMs: START_CHECKS_DELAY_MS, ...(mllpPort === undefined ? {} : { mllpPort }) });
}

function main(): void {
  let dataDir: string;
  try {
    const choice = resolveDataDir(process.argv, process.env, () => app.getPath('userData'));
    dataDir = choice.dataDir;
    // Chromium's profile and the single-instance lock follow the data folder, so two
    // Vigils never share one database while test runs with their own folders can coexist.
    if (choice.overridden) app.setPath('userData', dataDir);
  } catch (error) {
    void app.whenReady().then(() => fatal(error, '(not chosen)'));
    return;
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const logger = createFileLogger(join(dataDir, LOG_FILE_NAME));
  registerAppScheme(protocol);
  hardenAllWebContents(app, logger, shell);

  const registry = new WindowRegistry();
  let core: VigilCore | null = null;
  let mainWindow: BrowserWindow | null = null;

  const showWindow = () => {
    mainWindow = createMainWindow(registry, { preloadPath: PRELOAD_PATH, isPackaged: app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  const start = () => {
    hardenSession(session.defaultSession, logger);
    serveAppProtocol(protocol, RENDERER_DIR);
    core = openCore(dataDir, logger);
    registerIpc(ipcMain, core, registry, logger);
    registerDesktopFiles(ipcMain, registry, logger, () => app.getPath('documents'));
    showWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow();
    });
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('startup failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      core?.close();
      core = null;
      fatal(error, dataDir);
    });
}

main();
