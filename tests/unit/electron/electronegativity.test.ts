import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildScanInput, judge, packagesImportingElectron, readAllowList, scan } from '../../../scripts/security/electronegativity';
import type { Finding } from '../../../scripts/security/electronegativity';

const repoRoot = resolve(__dirname, '..', '..', '..');
const allowList = readAllowList(join(repoRoot, 'scripts', 'security', 'electronegativity-allow.json'));
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the Electronegativity gate (npm run test:security)', () => {
  it('fails on a finding planted in the real main bundle, and still accepts the reviewed ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-eneg-plant-'));
    dirs.push(dir);
    await buildScanInput(repoRoot, dir);
    // A window that gives the page Node: what the gate exists to catch.
    appendFileSync(join(dir, 'main.js'), '\nconst planted = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n');
    const { findings, unparsed } = await scan(dir, repoRoot);
    expect(unparsed).toEqual([]);
    const verdict = judge(findings, allowList);
    expect(verdict.ok).toBe(false);
    expect(verdict.unlisted.map((f) => f.check)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
    // Every unlisted finding is the planted line (appended, so it maps to no TypeScript source).
    expect(verdict.unlisted.every((f) => f.file === 'main.js' && f.sample?.startsWith('const planted'))).toBe(true);
    expect(verdict.stale).toEqual([]);
    expect(verdict.allowed.map((a) => a.finding.check).sort()).toEqual(['CSP_GLOBAL_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
  }, 60_000);

  it('gates high and medium only, and fails on an allow-list entry that matches nothing', () => {
    const finding = (check: string, severity: Finding['severity']): Finding => ({ check, severity, confidence: 'CERTAIN', file: 'src-main/electron/x.ts', line: 1, sample: 'x();', description: '' });
    const entry = { check: 'A', file: 'src-main/electron/x.ts', sample: 'x();', reason: 'r', reviewed: 'r' };
    expect(judge([finding('A', 'HIGH')], [entry]).ok).toBe(true);
    expect(judge([finding('A', 'HIGH'), finding('B', 'LOW'), finding('C', 'INFORMATIONAL')], [entry]).ok).toBe(true);
    expect(judge([finding('A', 'HIGH'), finding('B', 'MEDIUM')], [entry]).unlisted.map((f) => f.check)).toEqual(['B']);
    // Same check elsewhere is not covered by the entry.
    expect(judge([{ ...finding('A', 'HIGH'), sample: 'y();' }], [entry]).ok).toBe(false);
    expect(judge([], [entry]).stale).toEqual([entry]);
  });

  it('refuses a scan of Vigil alone when a bundled package imports electron', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-eneg-meta-'));
    dirs.push(dir);
    const metafile = join(dir, 'desktop.json');
    const inputs = { 'src-main/electron/main.ts': { imports: [{ path: 'electron' }] }, 'node_modules/evil/index.js': { imports: [{ path: 'electron' }] } };
    writeFileSync(metafile, JSON.stringify({ inputs }));
    expect(packagesImportingElectron(metafile)).toEqual(['node_modules/evil/index.js']);
  });
});
