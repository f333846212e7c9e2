import { BrowserWindow, type WebContents } from 'electron';
import type { TrustedContents } from './ipc';
import { APP_ENTRY_URL } from './trusted-url';
import { windowOptions } from './window-options';

/** The webContents of the windows this shell opened; only they may call core. */
export class WindowRegistry implements TrustedContents {
  private readonly contents = new WeakSet<WebContents>();
  add(contents: WebContents): void {
    this.contents.add(contents);
  }
  has(contents: WebContents): boolean {
    return this.contents.has(contents);
  }
}

export function createMainWindow(registry: WindowRegistry, options: { preloadPath: string; isPackaged: boolean }): BrowserWindow {
  const window = new BrowserWindow(windowOptions(options));
  registry.add(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
