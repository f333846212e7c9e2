/**
 * Electronegativity (Doyensec's Electron security scanner) as a gate: it always exits 0, so
 * this module reads its findings (mapped back to the TypeScript source line) and fails on every high or medium one that the reviewed
 * allow-list (`electronegativity-allow.json` beside this file) does not name with a reason.
 *
 * What is scanned: the Electron main and preload entry points bundled by esbuild exactly as
 * `scripts/build-main.mjs` bundles them, but with npm packages left out. The full main bundle
 * is 3.9 MB (pdf-lib, zod, ws...) and takes the scanner's parsers 10-15 s on this machine;
 * Vigil's own code is 0.36 MB and takes 1-3 s. Leaving packages out loses nothing as long as
 * no bundled package talks to Electron, and `packagesImportingElectron` proves that on every
 * run from esbuild's metafile of the real bundle.
 *
 * Offline by construction: the scanner fetches translations and Electron's release list over
 * HTTP (got); both are answered "offline" in-process, and the one check that needs the
 * release list (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is not run. Electron upgrades are
 * reviewed when the pinned version changes, not by this gate.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { SourceMap, createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

export interface Finding {
  check: string;
  /** `src-main/...` when the finding maps back to Vigil's source; else the scanned file (N/A for global checks). */
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  file: string;
  line: number;
  /** The source line (TypeScript, trimmed) the scanner matched (none for global checks); stable across builds, unlike the line number. */
  sample: string | null;
  description: string;
}

export interface AllowListEntry {
  check: string;
  file: string;
  sample: string | null;
  reason: string;
  reviewed: string;
}

export interface ScanResult {
  findings: Finding[];
  /** Files the scanner could not parse: they were not checked, so the gate fails on them. */
  unparsed: { file: string; message: string }[];
}

export interface Verdict {
  ok: boolean;
  /** High and medium findings the allow-list does not name. */
  unlisted: Finding[];
  /** Allow-list entries that match no finding any more: the list must be kept true. */
  stale: AllowListEntry[];
  allowed: { finding: Finding; entry: AllowListEntry }[];
}

const ENTRY_POINTS = { main: 'src-main/electron/main.ts', preload: 'src-main/electron/preload.ts' };
const NEEDS_NETWORK = ['availablesecurityfixesglobalcheck'];
const GATED_SEVERITIES = new Set(['HIGH', 'MEDIUM']);

/**
 * Packages in the real main/preload bundle that import `electron` themselves (must be none),
 * read from the esbuild metafile that `scripts/build-main.mjs` writes in dist/build-meta.
 */
export function packagesImportingElectron(metafilePath: string): string[] {
  const metafile = JSON.parse(readFileSync(metafilePath, 'utf8')) as { inputs: Record<string, { imports: { path: string }[] }> };
  return Object.entries(metafile.inputs)
    .filter(([path, input]) => path.includes('node_modules/') && input.imports.some((imp) => imp.path === 'electron'))
    .map(([path]) => path);
}

/** Writes Vigil's own main and preload, bundled without packages, plus the Electron version, into `outDir`. */
export async function buildScanInput(repoRoot: string, outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Findings are mapped back to the TypeScript line, which names the real file and stays the same across builds.
    sourcemap: true,
    // `.js`, not `.cjs`: the scanner only reads files it knows by extension.
    outdir: outDir,
    logLevel: 'warning',
  });
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  // The scanner's version-specific checks read Electron's version from a package.json.
  writeFileSync(join(outDir, 'package.json'), JSON.stringify({ name: 'vigil-scan', main: 'main.js', devDependencies: { electron: pkg.devDependencies.electron } }));
}

interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  description: string;
  location: { line: number; column: number };
  severity: { name: Finding['severity'] };
  confidence: { name: string };
}

type Runner = (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

/** The scanner's programmatic entry, with its HTTP client answering "offline" so it never reaches the network. */
function loadRunner(): Runner {
  const scannerRequire = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity'));
  const gotPath = scannerRequire.resolve('got');
  const offline = (): Promise<never> => Promise.reject(new Error('offline by design'));
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = Object.assign(offline, { get: offline, default: offline });
  scannerRequire.cache[gotPath] = stub;
  const loaded = scannerRequire('./runner.js') as Runner | { default: Runner };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/** Maps a finding in a scanned bundle back to its TypeScript file and line, through esbuild's source map. */
function toSource(inputDir: string, repoRoot: string, file: string, line: number, column: number): { file: string; line: number; sample: string } | null {
  const mapPath = join(inputDir, `${file}.map`);
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sourcesContent?: string[] } & ConstructorParameters<typeof SourceMap>[0];
  const entry = new SourceMap(map).findEntry(line - 1, column);
  // findEntry answers the nearest mapping before the position, even on another line: only the same line counts.
  if (!('originalSource' in entry) || entry.generatedLine !== line - 1) return null;
  const index = map.sources.indexOf(entry.originalSource);
  const text = map.sourcesContent?.[index]?.split('\n')[entry.originalLine];
  if (text === undefined) return null;
  return { file: relative(repoRoot, resolve(inputDir, entry.originalSource)), line: entry.originalLine + 1, sample: text.trim() };
}

export async function scan(inputDir: string, repoRoot: string): Promise<ScanResult> {
  const run = loadRunner();
  // The scanner prints a notice when its (stubbed) translation fetch fails; keep the gate's output readable.
  const log = console.log;
  console.log = () => undefined;
  try {
    const report = await run({ input: inputDir, isRelative: true, isVerbose: false, customScan: [], excludeFromScan: [...NEEDS_NETWORK], parserPlugins: [] });
    return {
      findings: report.issues.map((issue) => {
        const source = issue.file === 'N/A' ? null : toSource(inputDir, repoRoot, issue.file, issue.location.line, issue.location.column);
        return {
          check: issue.id,
          severity: issue.severity.name,
          confidence: issue.confidence.name,
          file: source?.file ?? issue.file,
          line: source?.line ?? issue.location.line,
          sample: source?.sample ?? issue.sample ?? null,
          description: issue.description,
        };
      }),
      unparsed: report.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message })),
    };
  } finally {
    console.log = log;
  }
}

function matches(entry: AllowListEntry, finding: Finding): boolean {
  return entry.check === finding.check && entry.file === finding.file && entry.sample === finding.sample;
}

export function judge(findings: readonly Finding[], allowList: readonly AllowListEntry[]): Verdict {
  const gated = findings.filter((finding) => GATED_SEVERITIES.has(finding.severity));
  const allowed: Verdict['allowed'] = [];
  const unlisted: Finding[] = [];
  for (const finding of gated) {
    const entry = allowList.find((candidate) => matches(candidate, finding));
    if (entry) allowed.push({ finding, entry });
    else unlisted.push(finding);
  }
  const stale = allowList.filter((entry) => !gated.some((finding) => matches(entry, finding)));
  return { ok: unlisted.length === 0 && stale.length === 0, unlisted, stale, allowed };
}

export function readAllowList(path: string): AllowListEntry[] {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { entries?: unknown };
  if (!Array.isArray(parsed.entries)) throw new Error(`${path}: expected { "entries": [...] }`);
  return parsed.entries.map((raw: Partial<AllowListEntry>, index: number) => {
    for (const field of ['check', 'file', 'reason', 'reviewed'] as const) {
      if (typeof raw[field] !== 'string' || raw[field].trim() === '') throw new Error(`${path}: entries[${index}].${field} must be a non-empty string`);
    }
    if (raw.sample !== null && typeof raw.sample !== 'string') throw new Error(`${path}: entries[${index}].sample must be a string or null`);
    return raw as AllowListEntry;
  });
}
