import { performance } from 'node:perf_hooks';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Milliseconds `work` took, on the monotonic clock. */
export async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The line a bench run in its own process prints its budget rows on, for the parent run to collect. */
export const BUDGET_ROWS_MARKER = 'VIGIL_BENCH_BUDGET_ROWS ';

/** One line of the budget table: a figure, its budget, and whether it is met. */
export interface BudgetRow {
  measure: string;
  figure: number;
  unit: string;
  /** The figure must be at most this (null: reported, no budget). */
  budget: number | null;
  note?: string;
}

export function printBudgetTable(title: string, rows: readonly BudgetRow[]): number {
  console.log(`\n${title}`);
  console.log(`| measure | figure | budget | result |\n|---|---|---|---|`);
  let missed = 0;
  for (const row of rows) {
    const met = row.budget === null ? null : row.figure <= row.budget;
    if (met === false) missed++;
    const figure = `${row.figure.toFixed(row.figure >= 100 ? 0 : 2)} ${row.unit}`;
    const budget = row.budget === null ? '-' : `<= ${row.budget} ${row.unit}`;
    console.log(`| ${row.measure}${row.note ? ` (${row.note})` : ''} | ${figure} | ${budget} | ${met === null ? '' : met ? 'pass' : 'FAIL'} |`);
  }
  return missed;
}
