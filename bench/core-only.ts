/**
 * The core part of `npm run bench` alone (growth table and the reading/add and sweep budgets),
 * without the browser, report, audit and start-up benches: `node --import tsx bench/core-only.ts`
 * (under tsx: a little slower than the shipped code); `npm run bench` runs it bundled (core-bundled.ts).
 */
import { loadavg } from 'node:os';
import { growthBudgets, measureGrowth, printGrowthTable } from './core-growth';
import { openBenchCore } from './seed';
import { BUDGET_ROWS_MARKER, printBudgetTable } from './stats';

async function main(): Promise<void> {
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`Vigil core bench, ${new Date().toISOString()}, load average ${load()}`);
  const bench = await openBenchCore();
  try {
    const growth = await measureGrowth(bench, 7);
    printGrowthTable(growth);
    const budgets = growthBudgets(growth);
    process.exitCode = printBudgetTable('Budgets (issue 10, core)', budgets) > 0 ? 1 : 0;
    console.log(`${BUDGET_ROWS_MARKER}${JSON.stringify(budgets)}`);
  } finally {
    bench.core.close();
  }
  console.log(`load average at the end ${load()}`);
}

void main();
