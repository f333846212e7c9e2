/**
 * `npm run bench`: every budget of issue 10 in one run, against this machine's bare
 * baseline measured in the same run. Prints the budget table and the growth table; exits 1
 * when a budget is missed. The older 32-hour ICU replay through the contract: `node --import tsx bench/replay.ts`.
 */
import { cpus, totalmem } from 'node:os';
import { growthBudgets, measureGrowth, printGrowthTable } from './core-growth';
import { rendererInitialJs } from './renderer-size';
import { openBenchCore } from './seed';
import { runReportBench } from './report-bench';
import { printBudgetTable, type BudgetRow } from './stats';

const NOT_MEASURED = [
  'commit to alert visible in Chromium, p50/p99, at 10 and 28,800 readings (< 20 / < 50 ms)',
  'open a 28,800-reading session to its chart drawn (< 300 ms)',
  'frames at one reading a second at 28,800 readings (p95 < 16.7 ms, no long task > 50 ms)',
  'eight open sessions at a reading a second for 10 minutes (host CPU < 25 %, alert p99 < 50 ms)',
  'first screen with 10,000 stored sessions (< 500 ms)',
  'page heap at 28,800 readings / host RSS (< 150 / < 250 MB)',
];

async function main(): Promise<void> {
  console.log(`Vigil bench on ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, ${new Date().toISOString()}`);
  const budgets: BudgetRow[] = [];
  const bench = await openBenchCore();
  try {
    const growth = await measureGrowth(bench, 7);
    printGrowthTable(growth);
    budgets.push(...growthBudgets(growth));
  } finally {
    bench.core.close();
  }
  const jsSize = rendererInitialJs();
  if (jsSize) budgets.push(jsSize);
  else console.log('\nRenderer initial JS: dist/renderer is not built (npm run build first).');
  const missed = printBudgetTable('Budgets (issue 10)', budgets);
  console.log('\nNot measured by this bench yet (browser side, see the closing note of issue 10):');
  for (const measure of NOT_MEASURED) console.log(`  - ${measure}`);
  process.exitCode = missed > 0 ? 1 : 0;
}

void main().then(async () => {
  // Reports: the session PDF of a long session (bench/report-bench.ts).
  if ((await runReportBench()) > 0) process.exitCode = 1;
});
