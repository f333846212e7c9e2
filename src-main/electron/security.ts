// Every Electron security hook in one place. The decisions themselves are pure functions
// (trusted-url.ts, permissions.ts, renderer-files.ts); this file only wires them in.
import type { App, Protocol, Session, Shell, WebContents } from 'electron';
import type { Logger } from '../core/logger';
import { isPermissionAllowed } from './permissions';
import { serveRendererRequest } from './renderer-files';
import { APP_SCHEME, isExternalUrlAllowed, isNavigationAllowed } from './trusted-url';

/**
 * Before `ready`: app:// becomes a standard, secure scheme (its own origin, relative URLs,
 * fetch, module scripts, storage), unlike file:// whose pages can read any local file.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    // `stream` lets <audio> play the alert sounds the renderer ships.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** After `ready`: app:// serves only the built renderer, each response with the CSP. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(request, rendererDir));
}

export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>,
  logger: Logger,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl);
    if (!allowed) logger.info('permission refused', { permission, requestingUrl: details.requestingUrl });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  // Reports are written by main, never downloaded by the page.
  session.on('will-download', (event) => event.preventDefault());
}

/** Navigation, redirects, pop-ups and <webview> for one webContents. */
export function hardenWebContents(contents: WebContents, logger: Logger, shell: Pick<Shell, 'openExternal'>): void {
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    logger.info(`${kind} blocked`, { url: event.url });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) {
      void shell.openExternal(url);
    } else {
      logger.info('window open blocked', { url });
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.info('webview blocked', {});
  });
}

/** Applies the webContents rules to every webContents, including ones Vigil did not ask for. */
export function hardenAllWebContents(app: Pick<App, 'on'>, logger: Logger, shell: Pick<Shell, 'openExternal'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger, shell));
}
