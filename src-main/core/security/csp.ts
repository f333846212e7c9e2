/**
 * The renderer's Content-Security-Policy, the same for Electron's app:// pages and the
 * loopback web host: only Vigil's own scripts and styles, no eval, no inline script,
 * no remote content. `connectSources` adds the web host's WebSocket address.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${connectSources.join(' ')}`.trim(),
    "media-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
