/**
 * Vigil's renderer is served from one origin, `app://vigil`, and nothing else is trusted.
 * Every check parses with `new URL` and compares parts: string prefixes are fooled by
 * `app://vigil.evil.example` or `app://user@vigil`. (Node gives non-special schemes an
 * opaque origin, so `url.origin` cannot be compared here; Chromium's can.)
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vigil';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Web pages the shell may hand to the system browser (https only, exact origins). Empty:
 * Vigil links nowhere yet. Add an origin here, never a pattern.
 */
export const EXTERNAL_ORIGINS: readonly string[] = [];

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export function isTrustedAppUrl(value: string): boolean {
  const url = parse(value);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** A page may only ever be replaced by another page of Vigil itself. */
export function isNavigationAllowed(value: string): boolean {
  return isTrustedAppUrl(value);
}

/** Whether a link the renderer tried to open may go to the system browser. */
export function isExternalUrlAllowed(value: string, allowed: readonly string[] = EXTERNAL_ORIGINS): boolean {
  const url = parse(value);
  return url !== null && url.protocol === 'https:' && url.username === '' && url.password === '' && allowed.includes(url.origin);
}
