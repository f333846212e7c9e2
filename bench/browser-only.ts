/** `npm run bench:browser`: the browser budgets alone (bench/browser/browser-bench.ts); `npm run bench` runs them too. */
import { printBudgetTable } from './stats';
import { runBrowserBench } from './browser/browser-bench';

void runBrowserBench().then((rows) => {
  process.exitCode = printBudgetTable('Browser budgets (issue 10)', rows) > 0 ? 1 : 0;
});
