import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../../src-main/electron/permissions';
import { APP_ENTRY_URL, APP_ORIGIN, isExternalUrlAllowed, isNavigationAllowed, isTrustedAppUrl } from '../../../src-main/electron/trusted-url';

const url = (value: string) => new URL(value).href;

describe('isTrustedAppUrl', () => {
  it('accepts Vigil pages and its bare origin', () => {
    expect(isTrustedAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedAppUrl(url('app://vigil/assets/index-abc.js'))).toBe(true);
    expect(isTrustedAppUrl(url('app://vigil/index.html#/sessions/3'))).toBe(true);
    expect(isTrustedAppUrl(APP_ORIGIN)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://vigil/',
    'file:///etc/passwd',
    'app://vigil.evil.example/index.html',
    'app://evil.example/vigil/index.html',
    'app://user@vigil/index.html',
    'app://vigil:pw@vigil/index.html',
    'app://vigil:8080/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (value) => {
    expect(isTrustedAppUrl(value)).toBe(false);
  });
});

describe('isNavigationAllowed', () => {
  it('lets a page be replaced only by a Vigil page', () => {
    expect(isNavigationAllowed(url('app://vigil/index.html'))).toBe(true);
    expect(isNavigationAllowed(url('https://evil.example/phish'))).toBe(false);
    expect(isNavigationAllowed(url('http://127.0.0.1:3000/'))).toBe(false);
    expect(isNavigationAllowed(url('file:///C:/Windows/win.ini'))).toBe(false);
  });
});

describe('isExternalUrlAllowed', () => {
  it('sends nothing to the system browser while the allow-list is empty', () => {
    expect(isExternalUrlAllowed(url('https://www.fda.gov/'))).toBe(false);
  });

  it('takes only exact https origins from the allow-list', () => {
    const allowed = ['https://docs.vigil.example'];
    expect(isExternalUrlAllowed(url('https://docs.vigil.example/help'), allowed)).toBe(true);
    expect(isExternalUrlAllowed(url('http://docs.vigil.example/help'), allowed)).toBe(false);
    expect(isExternalUrlAllowed(url('https://docs.vigil.example.evil.example/'), allowed)).toBe(false);
    expect(isExternalUrlAllowed(url('https://user@docs.vigil.example/'), allowed)).toBe(false);
    expect(isExternalUrlAllowed('file:///etc/passwd', allowed)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('grants notifications to Vigil pages (high-priority alerts)', () => {
    expect(isPermissionAllowed('notifications', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionAllowed('notifications', APP_ORIGIN)).toBe(true);
  });

  it('refuses notifications to anyone else, and when the requester is unknown', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('notifications', undefined)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'hid', 'usb', 'serial', 'openExternal', 'fullscreen', 'pointerLock', 'unknown'])(
    'refuses %s even to Vigil pages',
    (permission) => {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL)).toBe(false);
    },
  );
});
