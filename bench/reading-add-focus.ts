/**
 * Focused measure of reading/add's fixed cost: one session at a fixed size, reading/add and the
 * bare durable insert interleaved, plus the WAL bytes each commit writes. Not part of `npm run bench`:
 * `node --import tsx bench/reading-add-focus.ts [readings] [samples]` (with --cpu-prof to profile).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { bareTable, loadAverage, nextTurn, settleWal } from './core-growth';
import { icuReadings, infusingSession, openBenchCore, seedReadings } from './seed';
import { percentile, timed } from './stats';

const CONFIRMED = ['heartRateBpm', 'spo2Pct', 'respiratoryRatePerMin', 'systolicMmHg', 'diastolicMmHg'];

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 10);
  const samples = Number(process.argv[3] ?? 400);
  const bench = await openBenchCore();
  const next = icuReadings();
  const sessionId = await infusingSession(bench, 'Chair growth');
  for (let i = 0; i < 7; i++) await infusingSession(bench, `Chair ${i + 2}`);
  const bare = bareTable(bench.dataDir);
  // FOCUS_NO_FSYNC=1: both files without fsync, to see the CPU part alone (diagnosis only, never the budget).
  if (process.env.FOCUS_NO_FSYNC === '1') for (const db of [bench.core.services.db, bare.db]) db.pragma('synchronous = OFF');
  seedReadings(bench, sessionId, size, next);
  bare.seed(size);
  // Both WALs past their first checkpoint, as in bench/core-growth.ts (a growing WAL costs more per fsync).
  const settled = [
    await settleWal(bench.core.services.db, async () => {
      bench.clock.advance(1_000);
      await bench.ok('reading/add', { sessionId, values: next(), confirmed: CONFIRMED });
      await nextTurn();
    }),
    await settleWal(bare.db, () => bare.durableInsert()),
  ];
  const add: number[] = [];
  // Acts that raised, repeated or ended an alert (they write alert_events and alert_state too) and the rest.
  const alertActs: number[] = [];
  const quietActs: number[] = [];
  const plain: number[] = [];
  const withUpdate: number[] = [];
  const addWal: number[] = [];
  const bareWal: number[] = [];
  const vigilFile = join(bench.dataDir, 'vigil.sqlite3');
  const bareFile = join(bench.dataDir, 'bare.sqlite3');
  for (let i = 0; i < samples + 50; i++) {
    bench.clock.advance(1_000);
    let changedAlerts = 0;
    const a = await timed(async () => {
      changedAlerts = (await bench.ok<{ alerts: unknown[] }>('reading/add', { sessionId, values: next(), confirmed: CONFIRMED })).alerts.length;
    });
    const u = await timed(nextTurn);
    const b = await timed(() => bare.durableInsert());
    if (i < 50) continue;
    add.push(a);
    (changedAlerts > 0 ? alertActs : quietActs).push(a);
    withUpdate.push(a + u);
    plain.push(b);
  }
  // CPU time per call (user + system, this process), steadier than wall time on a shared machine.
  const cpuPer = async (calls: number, work: () => Promise<unknown>) => {
    const started = process.cpuUsage();
    for (let i = 0; i < calls; i++) await work();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / calls;
  };
  const addCpu = await cpuPer(500, async () => {
    bench.clock.advance(1_000);
    await bench.ok('reading/add', { sessionId, values: next(), confirmed: CONFIRMED });
  });
  const updateCpu = await cpuPer(500, async () => {
    bench.clock.advance(1_000);
    await bench.ok('reading/add', { sessionId, values: next(), confirmed: CONFIRMED });
    await nextTurn();
  });
  const bareCpu = await cpuPer(500, async () => bare.durableInsert());
  console.log(`CPU per call: reading/add ${addCpu.toFixed(3)} ms, with its session/updated ${updateCpu.toFixed(3)} ms, bare ${bareCpu.toFixed(3)} ms`);
  // WAL pages per commit: with checkpoints off, so the WAL only grows and each commit's frames show as its growth.
  for (const db of [bench.core.services.db, bare.db]) {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
  }
  addWal.length = 0;
  const alertWal: number[] = [];
  const quietWal: number[] = [];
  bareWal.length = 0;
  for (let i = 0; i < 100; i++) {
    bench.clock.advance(1_000);
    const w0 = walSize(vigilFile);
    const { alerts } = await bench.ok<{ alerts: unknown[] }>('reading/add', { sessionId, values: next(), confirmed: CONFIRMED });
    await nextTurn();
    (alerts.length > 0 ? alertWal : quietWal).push(walSize(vigilFile) - w0);
    addWal.push(walSize(vigilFile) - w0);
    const b0 = walSize(bareFile);
    bare.durableInsert();
    bareWal.push(walSize(bareFile) - b0);
  }
  const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3);
  console.log(`means: reading/add ${mean(add)} ms, bare ${mean(plain)} ms`);
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(3);
  console.log(`size ${size} (+${settled[0]} reading/add, +${settled[1]} bare commits to settle the WALs), ${samples} samples, load ${loadAverage()}`);
  console.log(`reading/add p50 ${p(add, 50)} ms p90 ${p(add, 90)}; bare p50 ${p(plain, 50)} ms p90 ${p(plain, 90)}; ratio ${(percentile(add, 50) / percentile(plain, 50)).toFixed(2)}`);
  console.log(`reading/add + its session/updated p50 ${p(withUpdate, 50)} ms (ratio ${(percentile(withUpdate, 50) / percentile(plain, 50)).toFixed(2)})`);
  const share = (part: number[]) => `${((part.length / add.length) * 100).toFixed(0)}%`;
  const frames = (wal: number[]) => (wal.length === 0 ? 'none in the WAL sample' : `${percentile(wal, 50) / 4120} frames`);
  console.log(
    `acts that changed an alert (a repeat, raise or end): ${share(alertActs)}, p50 ${p(alertActs, 50)} ms, ${frames(alertWal)}; the others ${share(quietActs)}, p50 ${p(quietActs, 50)} ms, ${frames(quietWal)}`,
  );
  console.log(`WAL bytes per commit: reading/add p50 ${percentile(addWal, 50)} (${percentile(addWal, 50) / 4120} frames), bare p50 ${percentile(bareWal, 50)} (${percentile(bareWal, 50) / 4120} frames)`);
  bare.close();
  bench.core.close();
}

void main();
