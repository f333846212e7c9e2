import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRendererFile, securityHeaders, serveRendererRequest } from '../../../src-main/electron/renderer-files';

let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vigil-renderer-'));
  rendererDir = join(root, 'dist', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Vigil</title>');
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  // A secret just outside the served folder, to prove traversal cannot reach it.
  writeFileSync(join(root, 'dist', 'secret.html'), 'patient data');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveRendererFile', () => {
  it('maps Vigil URLs onto files in the renderer folder', () => {
    expect(resolveRendererFile('app://vigil/index.html', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveRendererFile('app://vigil/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveRendererFile('app://vigil/assets/index.js?v=1#x', rendererDir)).toBe(join(rendererDir, 'assets', 'index.js'));
    expect(resolveRendererFile('app://vigil/assets/na%20me.css', rendererDir)).toBe(join(rendererDir, 'assets', 'na me.css'));
  });

  it.each([
    'app://vigil/../../etc/passwd',
    'app://vigil/%2e%2e/%2e%2e/etc/passwd',
    'app://vigil/%2E%2E/secret.html',
    'app://vigil/assets/%2e%2e%2f%2e%2e%2fsecret.html',
    'app://vigil/..%2fsecret.html',
    'app://vigil/..%5csecret.html',
    'app://vigil/assets%5c..%5c..%5csecret.html',
    'app://vigil/%00index.html',
    'app://vigil/%E0%A4%A',
  ])('refuses the traversal or malformed path %s', (value) => {
    const resolved = resolveRendererFile(value, rendererDir);
    // URL parsing itself folds a literal ../ into the folder; what must never happen is leaving it.
    if (resolved !== null) expect(resolved.startsWith(rendererDir + sep)).toBe(true);
    expect(resolved === join(root, 'dist', 'secret.html')).toBe(false);
  });

  it('refuses encoded dot segments outright rather than folding them', () => {
    expect(resolveRendererFile('app://vigil/assets/%2e%2e%2f%2e%2e%2fsecret.html', rendererDir)).toBeNull();
    expect(resolveRendererFile('app://vigil/..%2fsecret.html', rendererDir)).toBeNull();
    expect(resolveRendererFile('app://vigil/..%5csecret.html', rendererDir)).toBeNull();
  });

  it.each(['https://evil.example/index.html', 'app://evil/index.html', 'app://user@vigil/index.html', 'file:///etc/passwd'])(
    'refuses URLs that are not Vigil’s: %s',
    (value) => {
      expect(resolveRendererFile(value, rendererDir)).toBeNull();
    },
  );

  it('refuses kinds of file the renderer does not ship', () => {
    expect(resolveRendererFile('app://vigil/etc/passwd', rendererDir)).toBeNull();
    expect(resolveRendererFile('app://vigil/vigil.sqlite3', rendererDir)).toBeNull();
    expect(resolveRendererFile('app://vigil/main.cjs', rendererDir)).toBeNull();
  });
});

describe('serveRendererRequest', () => {
  it('serves a file with its type and the CSP', async () => {
    const response = await serveRendererRequest({ url: 'app://vigil/index.html', method: 'GET' }, rendererDir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(securityHeaders()['Content-Security-Policy']);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Vigil</title>');
  });

  it('refuses traversal with 403 and leaks nothing', async () => {
    const response = await serveRendererRequest({ url: 'app://vigil/..%2fsecret.html', method: 'GET' }, rendererDir);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers 404 for a missing file and 405 for anything but GET/HEAD', async () => {
    expect((await serveRendererRequest({ url: 'app://vigil/missing.js', method: 'GET' }, rendererDir)).status).toBe(404);
    expect((await serveRendererRequest({ url: 'app://vigil/index.html', method: 'POST' }, rendererDir)).status).toBe(405);
  });
});

describe('the Content-Security-Policy on app:// responses', () => {
  const csp = securityHeaders()['Content-Security-Policy'] ?? '';
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('denies by default and allows only Vigil’s own scripts and styles', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('has no inline script, no eval, no wildcard and no remote origin', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    expect(csp).not.toContain('*');
    expect(csp).not.toMatch(/https?:|wss?:/);
  });

  it('forbids plugins, framing, form posts and base-URL tricks', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});
