import { readFile } from 'node:fs/promises';
import { contentTypeOf, rendererSecurityHeaders, resolveRendererPath } from '../core/security/renderer-files';
import { isTrustedAppUrl } from './trusted-url';

/** Headers on every app:// response, files and refusals alike. */
export function securityHeaders(): Record<string, string> {
  return rendererSecurityHeaders();
}

/** Maps an app:// request URL onto a file inside `rendererDir`, or null when the URL is not ours or the path is refused. */
export function resolveRendererFile(requestUrl: string, rendererDir: string): string | null {
  if (!isTrustedAppUrl(requestUrl)) return null;
  return resolveRendererPath(rendererDir, new URL(requestUrl).pathname);
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
  const headers = { ...securityHeaders(), 'Content-Type': contentTypeOf(path) };
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
