import { isTrustedAppUrl } from './trusted-url';

/**
 * Web permissions Vigil's own page may hold. Only OS notifications, for high-priority
 * alerts that must reach a nurse whose screen shows another window. Camera, microphone,
 * geolocation, clipboard reads, USB/HID/serial and the rest are refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/** `requester` is the requesting frame's URL or origin, whichever Electron supplies. */
export function isPermissionAllowed(permission: string, requester: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requester !== undefined && isTrustedAppUrl(requester);
}
