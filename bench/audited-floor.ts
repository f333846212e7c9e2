import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { entryHash, GENESIS_HASH, rowsDigest } from '../src-main/core/audit/chain';
import { inlineRowsJson } from '../src-main/core/audit/inline-rows';
import { rowDigest } from '../src-main/core/audit/row-capture';
import { BARE_READINGS_INSERT, BARE_READINGS_SCHEMA, BARE_READING_VALUES } from './bare-readings';

/**
 * The floor under the reading/add budget: the bare insert's row plus the audit entry the record
 * must write with it (the row's digest, the entry's HMAC chained to the one before, one audit_log
 * row shaped like Vigil's), in one durable transaction, with Vigil's own chain functions, and
 * nothing else: no validation, no derived values, no alert evaluation, no answer. Reported
 * beside the budget, not budgeted: it shows how much of the 1.5x the audit trail alone takes on
 * this machine, and so what is left for the rest of an act.
 */
export function auditedFloorTable(dataDir: string) {
  const db = new BetterSqlite3(join(dataDir, 'audited-floor.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`${BARE_READINGS_SCHEMA}
    CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor_user_id INTEGER, actor TEXT NOT NULL, channel TEXT NOT NULL,
      kind TEXT NOT NULL, outcome TEXT NOT NULL, detail_json TEXT NOT NULL, rows_digest TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, rows_json TEXT) STRICT;`);
  const insertReading = db.prepare(BARE_READINGS_INSERT);
  const insertEntry = db.prepare(
    'INSERT INTO audit_log (seq, at, actor_user_id, actor, channel, kind, outcome, detail_json, rows_digest, prev_hash, hash, rows_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  const key = randomBytes(32);
  const { news2Json, heartRateBpm, systolicMmHg, diastolicMmHg, meanArterialMmHg, spo2Pct, respiratoryRatePerMin } = BARE_READING_VALUES;
  let at = 0;
  let head = { seq: 0, hash: GENESIS_HASH };
  const audited = () => {
    at += 1;
    const rid = Number(insertReading.run(at, at, news2Json).lastInsertRowid);
    // The digest of the row as stored (the values are known here, so nothing is read back).
    const rows = [{ tbl: 'readings', rid, digest: rowDigest('readings', rid, [1, at, at, 1, heartRateBpm, systolicMmHg, diastolicMmHg, meanArterialMmHg, spo2Pct, respiratoryRatePerMin, news2Json]) }];
    const fields = { seq: head.seq + 1, at, actorUserId: 1, actor: 'bench', channel: 'reading/add', kind: 'write' as const, outcome: 'ok', detailJson: JSON.stringify({ sessionId: 1, values: { heartRateBpm } }), rowsDigest: rowsDigest(rows) };
    const hash = entryHash(key, head.hash, fields);
    insertEntry.run(fields.seq, at, fields.actorUserId, fields.actor, fields.channel, fields.kind, fields.outcome, fields.detailJson, fields.rowsDigest, head.hash, hash, inlineRowsJson(rows));
    head = { seq: fields.seq, hash };
  };
  const auditedOne = db.transaction(audited);
  return {
    seed: (count: number) => db.transaction(() => { for (let i = 0; i < count; i++) audited(); })(),
    durableInsert: () => auditedOne(),
    close: () => db.close(),
    db,
  };
}
