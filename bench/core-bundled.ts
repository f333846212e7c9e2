import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { BUDGET_ROWS_MARKER, type BudgetRow } from './stats';

/**
 * Runs the core bench (bench/core-only.ts) from a bundle built as `scripts/build-main.mjs`
 * builds Vigil's main process (esbuild, CommonJS, Node 20, better-sqlite3 external), so the
 * ratio is measured on the code as shipped. Under tsx every function is wrapped to keep its
 * name (esbuild's keepNames), about 0.4 µs per closure made per call, which the shipped bundle
 * does not pay. Prints the bench's output and answers its budget rows.
 */
export async function runCoreBenchBundled(): Promise<BudgetRow[]> {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
    entryPoints: { 'core-only': 'bench/core-only.ts' },
    outdir: 'dist/bench',
    outExtension: { '.js': '.cjs' },
  });
  const run = spawnSync(process.execPath, ['dist/bench/core-only.cjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = run.stdout.split('\n');
  process.stdout.write(lines.filter((line) => !line.startsWith(BUDGET_ROWS_MARKER)).join('\n'));
  const rows = lines.find((line) => line.startsWith(BUDGET_ROWS_MARKER));
  if (run.status !== 0 && !rows) throw new Error(`the core bench failed (exit ${String(run.status)})`);
  return rows ? (JSON.parse(rows.slice(BUDGET_ROWS_MARKER.length)) as BudgetRow[]) : [];
}
