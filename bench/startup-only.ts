/** `npm run bench:startup`: start-up with 10,000 stored sessions alone (bench/startup-bench.ts); `npm run bench` runs it too. */
import { printBudgetTable } from './stats';
import { runStartupBench } from './startup-bench';

void runStartupBench().then((rows) => {
  printBudgetTable('Start-up (issue 10 item 5)', rows);
});
