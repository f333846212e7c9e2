import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentSecurityPolicy } from '../core/security/csp';
import { isTrustedAppUrl } from './trusted-url';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
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

/** Headers on every app:// response, files and refusals alike. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * Maps an app:// request URL onto a file inside `rendererDir`, or null when the URL is
 * not ours, would leave the folder (`..`, encoded or not, or a backslash that Windows
 * reads as a separator), or names a kind of file the renderer does not ship.
 */
export function resolveRendererFile(requestUrl: string, rendererDir: string): string | null {
  if (!isTrustedAppUrl(requestUrl)) return null;
  const { pathname } = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
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
  if (!CONTENT_TYPES[extname(full).toLowerCase()]) return null;
  return full;
}

function refusal(status: 403 | 404 | 405): Response {
  return new Response(null, { status, headers: securityHeaders() });
}

/** The app:// protocol handler's whole job: one local file, with the CSP, or a refusal. */
export async function serveRendererRequest(
  request: { url: string; method: string },
  rendererDir: string,
  read: (path: string) => Promise<Uint8Array> = readFile,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
  const path = resolveRendererFile(request.url, rendererDir);
  if (!path) return refusal(403);
  let body: Uint8Array;
  try {
    body = await read(path);
  } catch {
    return refusal(404);
  }
  const headers = { ...securityHeaders(), 'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream' };
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
