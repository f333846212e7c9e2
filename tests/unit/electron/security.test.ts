import { EventEmitter } from 'node:events';
import type { App, HandlerDetails, Protocol, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../src-main/core/logger';
import { hardenAllWebContents, hardenSession, hardenWebContents, registerAppScheme, serveAppProtocol } from '../../../src-main/electron/security';

// security.ts only type-imports electron; the mock makes sure no test ever loads the real one.
vi.mock('electron', () => ({}));

const logger: Logger = { info: vi.fn(), error: vi.fn() };

class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function hardened() {
  const contents = new FakeContents();
  const shell = { openExternal: vi.fn(async () => undefined) };
  hardenWebContents(contents as unknown as WebContents, logger, shell);
  return { contents, shell };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks other origins, lets Vigil pages through', (name) => {
    const { contents } = hardened();
    const evil = navigationEvent(new URL('https://evil.example/login').href);
    contents.emit(name, evil);
    expect(evil.preventDefault).toHaveBeenCalledOnce();

    const file = navigationEvent('file:///etc/passwd');
    contents.emit(name, file);
    expect(file.preventDefault).toHaveBeenCalledOnce();

    const ours = navigationEvent(new URL('app://vigil/index.html').href);
    contents.emit(name, ours);
    expect(ours.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window and hands nothing to the system browser', () => {
    const { contents, shell } = hardened();
    for (const url of ['https://evil.example/', 'app://vigil/index.html', 'about:blank']) {
      expect(contents.openHandler?.({ url } as HandlerDetails)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('applies to every webContents the app creates', () => {
    const app = new EventEmitter();
    hardenAllWebContents(app as unknown as App, logger, { openExternal: vi.fn() });
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    const evil = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', evil);
    expect(evil.preventDefault).toHaveBeenCalledOnce();
    expect(contents.openHandler?.({ url: 'https://evil.example/' } as HandlerDetails)).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

  function hardenedSession() {
    let request: RequestHandler | undefined;
    let check: CheckHandler | undefined;
    let device: (() => boolean) | undefined;
    const emitter = new EventEmitter();
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (check = handler),
      setDevicePermissionHandler: (handler: () => boolean) => (device = handler),
      on: emitter.on.bind(emitter),
    };
    hardenSession(session as unknown as Session, logger);
    if (!request || !check || !device) throw new Error('handlers not installed');
    return { request, check, device, emitter };
  }

  const ask = (handler: RequestHandler, permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    handler(null, permission, callback, { requestingUrl });
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]?.[0] as boolean;
  };

  it('grants only notifications, and only to Vigil', () => {
    const { request, check } = hardenedSession();
    expect(ask(request, 'notifications', 'app://vigil/index.html')).toBe(true);
    expect(ask(request, 'notifications', 'https://evil.example/')).toBe(false);
    expect(ask(request, 'media', 'app://vigil/index.html')).toBe(false);
    expect(ask(request, 'geolocation', 'app://vigil/index.html')).toBe(false);
    expect(check(null, 'notifications', 'app://vigil')).toBe(true);
    expect(check(null, 'clipboard-read', 'app://vigil')).toBe(false);
    expect(check(null, 'notifications', 'https://evil.example')).toBe(false);
  });

  it('refuses USB/HID/serial devices and downloads', () => {
    const { device, emitter } = hardenedSession();
    expect(device()).toBe(false);
    const download = { preventDefault: vi.fn() };
    emitter.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('the app:// scheme', () => {
  it('is registered standard and secure, with fetch', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged } as unknown as Protocol);
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }),
    ]);
    const privileges = registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0]?.privileges as Record<string, boolean>;
    // bypassCSP would switch off the policy this whole module exists to apply.
    expect(privileges.bypassCSP).toBeUndefined();
  });

  it('is served from the renderer folder with the CSP', async () => {
    const handle = vi.fn();
    serveAppProtocol({ handle } as unknown as Protocol, '/nonexistent/renderer');
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (request: { url: string; method: string }) => Promise<Response>;
    const refused = await handler({ url: 'app://vigil/../../etc/passwd', method: 'GET' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
