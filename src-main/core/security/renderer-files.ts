import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentSecurityPolicy } from './csp';

/** The kinds of file the built renderer ships; anything else is refused. */
export const RENDERER_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.wav': 'audio/wav',
};

export function contentTypeOf(path: string): string {
  return RENDERER_CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Headers on every response that serves the renderer (Electron's app:// and the web host):
 * the CSP, no sniffing, no referrer, no caching. `connectSources` adds the web host's socket.
 */
export function rendererSecurityHeaders(connectSources: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectSources),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * Maps a URL path onto a file inside `rendererDir`, or null when it would leave the folder
 * (`..`, encoded or not, or a backslash that Windows reads as a separator) or names a kind
 * of file the renderer does not ship. `/` is index.html.
 */
export function resolveRendererPath(rendererDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  if (segments.length === 0) segments.push('index.html');
  const full = join(rendererDir, ...segments);
  const rel = relative(rendererDir, full);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  if (!RENDERER_CONTENT_TYPES[extname(full).toLowerCase()]) return null;
  return full;
}
