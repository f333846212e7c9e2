import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH, windowOptions } from '../../../src-main/electron/window-options';

describe('windowOptions', () => {
  const packaged = windowOptions({ preloadPath: '/app/dist/main/preload.cjs', isPackaged: true });
  const dev = windowOptions({ preloadPath: '/repo/dist/main/preload.cjs', isPackaged: false });

  it('isolates and sandboxes the page, with no Node anywhere', () => {
    expect(packaged.webPreferences).toMatchObject({
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
    });
  });

  it('loads the given preload', () => {
    expect(packaged.webPreferences?.preload).toBe('/app/dist/main/preload.cjs');
  });

  it('offers DevTools only to unpackaged builds', () => {
    expect(packaged.webPreferences?.devTools).toBe(false);
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('is a Vigil window of a usable size, hidden until its first paint', () => {
    expect(packaged.title).toBe('Vigil');
    expect(packaged.show).toBe(false);
    expect(packaged.minWidth).toBe(MIN_WIDTH);
    expect(packaged.minHeight).toBe(MIN_HEIGHT);
    expect(MIN_WIDTH).toBeGreaterThanOrEqual(1100);
    expect(MIN_HEIGHT).toBeGreaterThanOrEqual(700);
    expect(packaged.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(packaged.height).toBeGreaterThanOrEqual(MIN_HEIGHT);
    expect(packaged.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('switches on nothing that weakens isolation', () => {
    // Keys such as these re-open the page to Node or remote content; none may appear.
    const prefs = packaged.webPreferences as Record<string, unknown>;
    for (const key of ['enableRemoteModule', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(prefs[key] === undefined || prefs[key] === false).toBe(true);
    }
  });
});
