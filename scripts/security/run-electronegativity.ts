/**
 * `npm run test:security`: Electronegativity over Vigil's Electron main and preload; exits 1
 * on any high or medium finding not in electronegativity-allow.json, on a stale allow-list
 * entry, on a file the scanner could not parse, or when a bundled package imports Electron.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildScanInput, judge, packagesImportingElectron, readAllowList, scan } from './electronegativity';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const allowListPath = join(here, 'electronegativity-allow.json');

async function main(): Promise<void> {
const started = performance.now();
const failures: string[] = [];
const electronImporters = packagesImportingElectron(join(repoRoot, 'dist', 'build-meta', 'desktop.json'));
for (const path of electronImporters) failures.push(`bundled package imports electron, so scanning Vigil's own code is not enough: ${path}`);

const inputDir = mkdtempSync(join(tmpdir(), 'vigil-electronegativity-'));
try {
  await buildScanInput(repoRoot, inputDir);
  const { findings, unparsed } = await scan(inputDir, repoRoot);
  const verdict = judge(findings, readAllowList(allowListPath));
  for (const { file, message } of unparsed) failures.push(`not scanned (parse error): ${file}: ${message}`);
  for (const f of verdict.unlisted) failures.push(`${f.severity} ${f.check} (${f.confidence}) ${f.file}:${f.line} ${f.sample ?? ''}\n    ${f.description}\n    fix it, or add it with its reason to ${allowListPath}`);
  for (const e of verdict.stale) failures.push(`allow-list entry matches nothing any more (remove it): ${e.check} ${e.file} ${e.sample ?? ''}`);
  for (const { finding, entry } of verdict.allowed) console.log(`allowed  ${finding.severity} ${finding.check} ${finding.file}:${finding.line} (reviewed ${entry.reviewed})`);
  const below = findings.filter((f) => f.severity === 'LOW' || f.severity === 'INFORMATIONAL');
  console.log(`electronegativity: ${findings.length} findings (${below.length} low/informational, not gated), ${verdict.allowed.length} allowed, ${verdict.unlisted.length} unlisted, in ${Math.round(performance.now() - started)} ms`);
} finally {
  rmSync(inputDir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`electronegativity: FAILED\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
}

void main();
