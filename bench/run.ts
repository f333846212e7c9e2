/**
 * `npm run bench`: every budget of issue 10 in one run, against this machine's bare
 * baseline measured in the same run. Prints the budget table and the growth table; exits 1
 * when a budget is missed, after running every bench (the monitor feed's last). The browser budgets run in Debian's Chromium against the built
 * renderer (bench/browser/; `npm run bench:browser` alone). The older 32-hour ICU replay through the contract: `node --import tsx bench/replay.ts`.
 */
import { cpus, totalmem } from 'node:os';
import { runCoreBenchBundled } from './core-bundled';
import { spawnSync } from 'node:child_process';
import { rendererInitialJs } from './renderer-size';
import { runAuditBench } from './audit-bench';
import { runReportBench } from './report-bench';
import { runStartupBench } from './startup-bench';
import { printBudgetTable, type BudgetRow } from './stats';

async function main(): Promise<void> {
  console.log(`Vigil bench on ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${new Date().toISOString()}`);
  const budgets: BudgetRow[] = [];
  // The growth table and the core budgets, on the code as shipped (a bundle, in its own process).
  budgets.push(...(await runCoreBenchBundled()));
  const jsSize = rendererInitialJs();
  if (jsSize) budgets.push(jsSize);
  else console.log('\nRenderer initial JS: dist/renderer is not built (npm run build first).');
  let missed = printBudgetTable('Budgets (issue 10)', budgets);
  // In its own process: the browser bench's probes are typed against the DOM, which main's code must not see.
  if (jsSize) missed += spawnSync(process.execPath, ['--import', 'tsx', 'bench/browser-only.ts'], { stdio: 'inherit' }).status === 0 ? 0 : 1;
  else console.log('Browser budgets: not measured without the built renderer.');
  process.exitCode = missed > 0 ? 1 : 0;
}

void main().then(async () => {
  // Reports: the session PDF of a long session (bench/report-bench.ts).
  if ((await runReportBench()) > 0) process.exitCode = 1;
  // Audit: audit/verify over 8 sessions of 28,800 readings (bench/audit-bench.ts).
  await runAuditBench();
  // Start-up with 10,000 stored sessions: the full file check before use or in the background (bench/startup-bench.ts).
  printBudgetTable('Start-up (issue 10 item 5)', await runStartupBench());
  // The monitor feed under load (20 monitors for a minute, in Chromium), whatever the budgets above said.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (spawnSync(npm, ['run', 'bench:monitor'], { stdio: 'inherit', shell: process.platform === 'win32' }).status !== 0) process.exitCode = 1;
});
