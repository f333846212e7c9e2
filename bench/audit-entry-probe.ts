/**
 * Where reading/add's audit entry and transaction spend their time, and how the order of the
 * timed calls moves the budget's ratio. Not part of `npm run bench`:
 * `node --import tsx bench/audit-entry-probe.ts [readings] [samples]`.
 *
 * 1. Order: reading/add against the bare durable insert, per sample once as the benches time
 *    them (reading/add, its next turn, then the bare insert: the bare insert starts right after
 *    CPU work) and once with the same short idle before each (as a reading arrives in the app,
 *    one a second). On this 2-core VM work that follows an idle moment runs about twice as slow.
 * 2. Pieces: each step the act's audit entry takes, on the same file with the same functions,
 *    back to back (hot) and after a 1 ms idle (cold): the row read back and its digest, the
 *    rows record, the entry HMAC, the audit_log insert (rolled back), BEGIN IMMEDIATE + COMMIT.
 */
import { bareTable, loadAverage, nextTurn, settleWal } from './core-growth';
import { icuReadings, infusingSession, openBenchCore, seedReadings } from './seed';
import { percentile, timed } from './stats';
import { entryHash } from '../src-main/core/audit/chain';
import { entryRowsRecord } from '../src-main/core/audit/inline-rows';
import { rowDigest, rowReader } from '../src-main/core/audit/row-capture';

const CONFIRMED = ['heartRateBpm', 'spo2Pct', 'respiratoryRatePerMin', 'systolicMmHg', 'diastolicMmHg'];
const idle = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
const p50 = (xs: number[]) => percentile(xs, 50);
const us = (ms: number) => `${(ms * 1000).toFixed(1)} us`;

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 10);
  const samples = Number(process.argv[3] ?? 300);
  const bench = await openBenchCore();
  const next = icuReadings();
  const sessionId = await infusingSession(bench, 'Chair growth');
  const bare = bareTable(bench.dataDir);
  seedReadings(bench, sessionId, size, next);
  bare.seed(size);
  const add = () => bench.ok('reading/add', { sessionId, values: next(), confirmed: CONFIRMED });
  await settleWal(bench.core.services.db, async () => {
    bench.clock.advance(1_000);
    await add();
    await nextTurn();
  });
  await settleWal(bare.db, () => bare.durableInsert());

  // 1. Order: the two arrangements alternate, so both see the same machine.
  const order = { bench: { add: [] as number[], bare: [] as number[] }, idle: { add: [] as number[], bare: [] as number[] } };
  for (let i = 0; i < samples + 50; i++) {
    for (const arrangement of i % 2 === 0 ? (['bench', 'idle'] as const) : (['idle', 'bench'] as const)) {
      bench.clock.advance(1_000);
      if (arrangement === 'idle') await idle();
      const a = await timed(add);
      await nextTurn();
      if (arrangement === 'idle') await idle();
      const b = await timed(() => bare.durableInsert());
      if (i < 50) continue;
      order[arrangement].add.push(a);
      order[arrangement].bare.push(b);
    }
  }
  console.log(`size ${size}, ${samples} samples each, load ${loadAverage()}`);
  for (const [name, times] of Object.entries(order)) {
    const label = name === 'bench' ? 'as the benches order them (bare right after CPU work)' : 'the same 1 ms idle before each';
    console.log(`  ${label}: reading/add p50 ${p50(times.add).toFixed(3)} ms, bare p50 ${p50(times.bare).toFixed(3)} ms, ratio ${(p50(times.add) / p50(times.bare)).toFixed(2)}`);
  }

  // 2. Pieces, on the newest reading and the newest entry of the file.
  const db = bench.core.services.db;
  const newest = db.prepare<[], { id: number }>('SELECT MAX(id) AS id FROM readings').get()?.id ?? 0;
  const entry = db.prepare<[], { seq: number; hash: string; detail_json: string }>('SELECT seq, hash, detail_json FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  if (!entry) throw new Error('no audit entry to model the pieces on');
  const readRow = rowReader(db, 'readings');
  const values = readRow(newest) ?? [];
  const digest = rowDigest('readings', newest, values);
  const rows = [{ tbl: 'readings', rid: newest, digest }];
  const record = entryRowsRecord(rows, true);
  const detail = JSON.parse(entry.detail_json) as Record<string, unknown>;
  const fields = { seq: entry.seq + 1, at: bench.clock.now(), actorUserId: bench.userId, actor: 'bench', channel: 'reading/add', kind: 'write' as const, outcome: 'ok', detailJson: entry.detail_json, rowsDigest: record.rowsDigest };
  const insert = db.prepare('INSERT INTO audit_log (seq, at, actor_user_id, actor, channel, kind, outcome, detail_json, rows_digest, prev_hash, hash, rows_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)');
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const pieces: Record<string, () => unknown> = {
    'read the row back': () => readRow(newest),
    'row digest (sha256 of its JSON)': () => rowDigest('readings', newest, values),
    'rows record (rows_json + rows_digest)': () => entryRowsRecord(rows, true),
    'detail JSON': () => JSON.stringify(detail),
    'entry HMAC': () => entryHash(bench.core.audit.key, entry.hash, fields),
    'audit_log insert (rolled back)': () => {
      begin.run();
      try {
        insert.run(fields.seq, fields.at, fields.actorUserId, fields.actor, fields.channel, fields.kind, fields.outcome, fields.detailJson, fields.rowsDigest, entry.hash, entry.hash, record.rowsJson);
      } finally {
        rollback.run();
      }
    },
    'BEGIN IMMEDIATE + COMMIT (empty)': () => {
      begin.run();
      commit.run();
    },
  };
  // In the act's order, timed one by one: once after a 1 ms idle (as an act that follows a wait
  // for the disk) and once again straight after (hot). Synchronous timing: no await in between.
  const names = Object.keys(pieces);
  const cold = names.map(() => [] as number[]);
  const hot = names.map(() => [] as number[]);
  const pass = (into: number[][], keep: boolean) => {
    names.forEach((name, index) => {
      const started = performance.now();
      (pieces[name] as () => unknown)();
      if (keep) (into[index] as number[]).push(performance.now() - started);
    });
  };
  for (let i = 0; i < samples + 50; i++) {
    await idle();
    pass(cold, i >= 50);
    pass(hot, i >= 50);
  }
  console.log(`audit entry pieces in the act's order, p50 of ${samples}: after a 1 ms idle / straight after, load ${loadAverage()}`);
  let coldSum = 0;
  let hotSum = 0;
  names.forEach((name, index) => {
    coldSum += p50(cold[index] as number[]);
    hotSum += p50(hot[index] as number[]);
    console.log(`  ${name.padEnd(40)} ${us(p50(cold[index] as number[])).padStart(9)} / ${us(p50(hot[index] as number[])).padStart(9)}`);
  });
  console.log(`  ${'sum of the p50s'.padEnd(40)} ${us(coldSum).padStart(9)} / ${us(hotSum).padStart(9)}`);
  bare.close();
  bench.core.close();
}

void main();
