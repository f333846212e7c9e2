import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog, type IpcMain } from 'electron';
import type { Logger } from '../core/logger';
import { DESKTOP_PRINT_PDF, DESKTOP_SAVE_FILE } from './ipc-names';
import { refuseSender, type TrustedContents } from './ipc';
import { printablePdf, saveExportedFile, type SaveOutcome } from './save-file';

/**
 * The desktop's two file actions for exports: save through the OS save dialog (written
 * atomically), and print the very PDF main made (loaded in a hidden window's PDF viewer).
 * Only Vigil's own window may ask; the payload is checked again here.
 */
export function registerDesktopFiles(ipcMain: Pick<IpcMain, 'handle'>, trusted: TrustedContents, logger: Logger, documentsFolder: () => string): void {
  ipcMain.handle(DESKTOP_SAVE_FILE, async (event, payload: unknown): Promise<SaveOutcome> => {
    const refused = refuseSender(event, trusted);
    if (refused) {
      logger.error('save refused', { reason: refused });
      return { saved: false, reason: 'invalid' };
    }
    const owner = BrowserWindow.fromWebContents(event.sender);
    const outcome = await saveExportedFile(
      { showSaveDialog: (options) => (owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options)) },
      payload,
      documentsFolder(),
    );
    if (outcome.saved) logger.info('export saved', { path: outcome.path });
    return outcome;
  });

  ipcMain.handle(DESKTOP_PRINT_PDF, async (event, payload: unknown): Promise<{ printed: boolean }> => {
    const refused = refuseSender(event, trusted);
    const bytes = refused ? null : printablePdf(payload);
    if (!bytes) {
      logger.error('print refused', { reason: refused ?? 'not a PDF' });
      return { printed: false };
    }
    const folder = await mkdtemp(join(tmpdir(), 'vigil-print-'));
    const path = join(folder, 'report.pdf');
    await writeFile(path, bytes);
    const printer = new BrowserWindow({ show: false, webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    try {
      await printer.loadURL(pathToFileURL(path).href);
      const printed = await new Promise<boolean>((resolve) => printer.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)));
      return { printed };
    } finally {
      printer.destroy();
      await rm(folder, { recursive: true, force: true });
    }
  });
}
