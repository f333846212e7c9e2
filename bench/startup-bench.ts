import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileCheckRecordPath } from '../src-main/core/db/file-check';
import { DATABASE_FILE_NAME, openVigilCore } from '../src-main/core/vigil-core';
import { seedClinic } from './browser/seed-clinic';
import { percentile, type BudgetRow } from './stats';

const median = (values: readonly number[]) => percentile(values, 50);

const quiet = { info: () => undefined, error: () => undefined };

/** Opens core on the folder (the background check starting at once) and times it; returns that and the background check's own time. */
async function timedOpen(dataDir: string): Promise<{ readyMs: number; fullCheckAtStart: boolean; backgroundMs: number | null }> {
  const started = performance.now();
  const core = openVigilCore({ dataDir, logger: quiet, autoBackup: false, fileCheckDelayMs: 0 });
  const readyMs = performance.now() - started;
  const fullCheckAtStart = core.fileCheck.status().last?.where === 'start';
  await core.fileCheck.settled;
  const last = core.fileCheck.status().last;
  core.close();
  return { readyMs, fullCheckAtStart, backgroundMs: last?.where === 'background' ? last.durationMs : null };
}

/**
 * Start-up with `storedSessions` finished sessions (issue 10 item 5): core ready after a clean
 * close (the full check in the background) beside the same file when Vigil cannot vouch for it
 * (the full check before use, as every start did before), `runs` of each, alternating.
 */
export async function runStartupBench(storedSessions = Number(process.env.BENCH_STORED_SESSIONS ?? 10_000), runs = 5): Promise<BudgetRow[]> {
  const seedStarted = performance.now();
  const clinic = await seedClinic({ storedSessions, longReadings: 1_000, shortReadings: 10 });
  console.log(`\nStart-up bench: seeded ${storedSessions.toLocaleString('en')} finished sessions in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s; load average ${loadavg()[0]?.toFixed(1)}`);
  const vouched: number[] = [];
  const unvouched: number[] = [];
  const background: number[] = [];
  // The first open after seeding settles the file (and its clean-close record); not timed.
  await timedOpen(clinic.dataDir);
  for (let run = 0; run < runs; run++) {
    const clean = await timedOpen(clinic.dataDir);
    if (clean.fullCheckAtStart) throw new Error('a file closed cleanly was checked in full before use');
    vouched.push(clean.readyMs);
    if (clean.backgroundMs !== null) background.push(clean.backgroundMs);
    rmSync(fileCheckRecordPath(join(clinic.dataDir, DATABASE_FILE_NAME)), { force: true });
    const unknown = await timedOpen(clinic.dataDir);
    if (!unknown.fullCheckAtStart) throw new Error('a file without its clean-close record was not checked before use');
    unvouched.push(unknown.readyMs);
  }
  rmSync(clinic.dataDir, { recursive: true, force: true });
  const sessions = storedSessions.toLocaleString('en');
  return [
    { measure: `core ready after a clean close, ${sessions} stored sessions, p50 of ${runs}`, figure: median(vouched), unit: 'ms', budget: null, note: 'full check in the background' },
    { measure: `core ready on a file it cannot vouch for (crash, changed while closed), p50 of ${runs}`, figure: median(unvouched), unit: 'ms', budget: null, note: 'full check before use, as every start did before' },
    { measure: 'the background full check (worker thread), p50', figure: median(background), unit: 'ms', budget: null, note: `load average ${loadavg()[0]?.toFixed(1)}` },
  ];
}
