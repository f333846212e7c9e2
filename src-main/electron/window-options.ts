import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  /** Packaged builds have no DevTools; development builds do. */
  isPackaged: boolean;
}

export const MIN_WIDTH = 1100;
export const MIN_HEIGHT = 700;

/**
 * The one BrowserWindow Vigil opens. The page gets no Node, no Electron, its own JS world
 * (contextIsolation) in a sandboxed process; only the preload's `window.vigil` reaches main.
 */
export function windowOptions({ preloadPath, isPackaged }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Vigil',
    width: 1440,
    height: 900,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    backgroundColor: '#0f172a',
    // Shown on ready-to-show, so a nurse never sees a white flash or a half-drawn console.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !isPackaged,
      safeDialogs: true,
      // An alarm must sound even if nobody has clicked in the window since it opened.
      autoplayPolicy: 'no-user-gesture-required',
      // A console behind another window must keep its timers and sounds running.
      backgroundThrottling: false,
    },
  };
}
