import type { Database } from 'better-sqlite3';
import { entryHash, GENESIS_HASH, rowsDigest, type RowRef } from './chain';
import { fieldsOfRow, type EntryRow } from './audit-log';
import { readAuditHead, type AuditHead } from './head-file';
import { parseInlineRows } from './inline-rows';

/** The head file as read at start, before any act could move it on (undefined: read it at the end of the check). */
export type HeadAtStart = AuditHead | null | 'unreadable' | undefined;
import { coveredTables, rowDigest, type SqlValue } from './row-capture';

export type BreakReason =
  | 'entry_missing'
  | 'entry_unlinked'
  | 'entry_altered'
  | 'entry_rows_altered'
  | 'row_changed'
  | 'row_missing'
  | 'row_unaudited'
  | 'truncated'
  | 'head_mismatch'
  | 'head_unreadable';

export interface AuditBreak {
  /** The audit entry where the chain or a row's record breaks; null for a row no entry vouches for. */
  seq: number | null;
  reason: BreakReason;
  table?: string;
  rowid?: number;
}

export interface VerifyResult {
  intact: boolean;
  /** Audit entries checked. */
  rows: number;
  /** Clinical rows checked against their digests. */
  recordRows: number;
  firstBreak: AuditBreak | null;
  /** The first breaks found (at most 50), in the order found. */
  breaks: AuditBreak[];
  head: { seq: number; hash: string };
}

const MAX_BREAKS = 50;

/** Each check's own TEMP table of inline row digests (two checks may overlap on one connection). */
let checksStarted = 0;

/**
 * Checks the whole record, a chunk at a time (yield between chunks, so the app keeps
 * answering): the chain (every entry present, linked to the one before and keyed with
 * the HMAC), every covered row against the digest its latest entry recorded (changed,
 * missing, or never audited), and the file against the head written beside the backups
 * (an older copy of the file is shorter). Rows and entries written after the check began
 * are outside it.
 */
export function* verifySteps(db: Database, key: Buffer, headPath: string, chunk = 2000, headAtStart?: HeadAtStart): Generator<void, VerifyResult> {
  // Row digests kept inline in entries (migration 11), gathered as the chain is walked into a
  // TEMP table indexed like audit_rows, so step 2 finds a row's latest digest by (table,
  // rowid) from both places with memory that does not grow with the record.
  const inlineTable = `temp.verify_inline_rows_${++checksStarted}`;
  db.exec(`CREATE TEMP TABLE ${inlineTable} (seq INTEGER NOT NULL, tbl TEXT NOT NULL, rid INTEGER NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (tbl, rid, seq)) WITHOUT ROWID`);
  try {
    return yield* checkRecord(db, key, headPath, chunk, headAtStart, inlineTable);
  } finally {
    db.exec(`DROP TABLE IF EXISTS ${inlineTable}`);
  }
}

function* checkRecord(db: Database, key: Buffer, headPath: string, chunk: number, headAtStart: HeadAtStart, inlineTable: string): Generator<void, VerifyResult> {
  const breaks: AuditBreak[] = [];
  const report = (found: AuditBreak) => {
    if (breaks.length < MAX_BREAKS) breaks.push(found);
  };
  const lastEntry = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
  const head = lastEntry ?? { seq: 0, hash: GENESIS_HASH };
  // The extent of every table at the same moment as the head: later acts are outside this check.
  const extents = coveredTables(db).map((table) => ({ table, maxRid: db.prepare<[], { m: number | null }>(`SELECT MAX(rowid) AS m FROM main."${table}"`).get()?.m ?? 0 }));

  // 1. The chain.
  const entries = db.prepare<[number, number, number], EntryRow>('SELECT * FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
  const entryRows = db.prepare<[number, number], RowRef & { seq: number }>('SELECT seq, tbl, rid, digest FROM audit_rows WHERE seq > ? AND seq <= ? ORDER BY seq');
  // OR IGNORE: a file edited to name a row twice in one entry fails that entry's rows digest below, not the check.
  const keepInline = db.prepare(`INSERT OR IGNORE INTO ${inlineTable} (seq, tbl, rid, digest) VALUES (?, ?, ?, ?)`);
  const keepInlineRows = db.transaction((rows: readonly (RowRef & { seq: number })[]) => {
    for (const row of rows) keepInline.run(row.seq, row.tbl, row.rid, row.digest);
  });
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const page = entries.all(after, head.seq, chunk);
    if (page.length === 0) break;
    const last = page[page.length - 1] as EntryRow;
    const rowsBySeq = new Map<number, RowRef[]>();
    for (const row of entryRows.all(after, last.seq)) {
      const list = rowsBySeq.get(row.seq) ?? [];
      list.push({ tbl: row.tbl, rid: row.rid, digest: row.digest });
      rowsBySeq.set(row.seq, list);
    }
    const inlineOfPage: (RowRef & { seq: number })[] = [];
    for (const entry of page) {
      const inlineRows = parseInlineRows(entry.rows_json);
      for (const row of inlineRows ?? []) inlineOfPage.push({ seq: entry.seq, ...row });
      if (entry.seq !== expectedSeq) report({ seq: expectedSeq, reason: 'entry_missing' });
      else if (entry.prev_hash !== prevHash) report({ seq: entry.seq, reason: 'entry_unlinked' });
      if (entryHash(key, entry.prev_hash, fieldsOfRow(entry)) !== entry.hash) report({ seq: entry.seq, reason: 'entry_altered' });
      else if (inlineRows === null || rowsDigest([...(rowsBySeq.get(entry.seq) ?? []), ...inlineRows]) !== entry.rows_digest) report({ seq: entry.seq, reason: 'entry_rows_altered' });
      expectedSeq = entry.seq + 1;
      prevHash = entry.hash;
      checked += 1;
    }
    keepInlineRows(inlineOfPage);
    after = last.seq;
    yield;
  }

  // 2. Every covered row against the digest its latest entry recorded.
  let recordRows = 0;
  for (const { table, maxRid } of extents) {
    const maxAudited = db
      .prepare<[string, number, string], { m: number | null }>(
        `SELECT MAX(m) AS m FROM (SELECT MAX(rid) AS m FROM audit_rows WHERE tbl = ? AND seq <= ? UNION ALL SELECT MAX(rid) FROM ${inlineTable} WHERE tbl = ?)`,
      )
      .get(table, head.seq, table)?.m ?? 0;
    const upper = Math.max(maxRid, maxAudited);
    const rowsIn = db.prepare(`SELECT rowid AS __rid, * FROM main."${table}" WHERE rowid >= ? AND rowid < ? ORDER BY rowid`).raw(true);
    // Both places, oldest entry last per row: the latest entry's digest is the one kept.
    const digestsIn = db.prepare<[string, number, number, number, string, number, number], { rid: number; seq: number; digest: string }>(
      `SELECT rid, seq, digest FROM audit_rows WHERE tbl = ? AND rid >= ? AND rid < ? AND seq <= ?
       UNION ALL SELECT rid, seq, digest FROM ${inlineTable} WHERE tbl = ? AND rid >= ? AND rid < ?
       ORDER BY rid, seq`,
    );
    for (let low = 0; low <= upper; low += chunk) {
      const recorded = new Map<number, { seq: number; digest: string }>();
      for (const row of digestsIn.all(table, low, low + chunk, head.seq, table, low, low + chunk)) recorded.set(row.rid, { seq: row.seq, digest: row.digest });
      for (const values of rowsIn.all(low, low + chunk) as SqlValue[][]) {
        const rid = Number(values[0]);
        if (rid > maxRid) continue;
        recordRows += 1;
        const entry = recorded.get(rid);
        recorded.delete(rid);
        if (!entry) report({ seq: null, reason: 'row_unaudited', table, rowid: rid });
        else if (entry.digest !== rowDigest(table, rid, values.slice(1))) report({ seq: entry.seq, reason: 'row_changed', table, rowid: rid });
      }
      for (const [rid, entry] of recorded) report({ seq: entry.seq, reason: 'row_missing', table, rowid: rid });
      yield;
    }
  }

  // 3. The file against the head last written beside the backups.
  // (Entries appended while the check ran have moved the head file on: compare with the file as it is now.)
  const written = headAtStart !== undefined ? headAtStart : readAuditHead(headPath);
  const nowLast = db.prepare<[], { m: number | null }>('SELECT MAX(seq) AS m FROM audit_log').get()?.m ?? 0;
  if (written === 'unreadable') report({ seq: null, reason: 'head_unreadable' });
  else if (written && written.seq > nowLast) report({ seq: written.seq, reason: 'truncated' });
  else if (written && written.seq > 0) {
    const atWritten = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(written.seq);
    if (atWritten?.hash !== written.hash) report({ seq: written.seq, reason: 'head_mismatch' });
  }

  return { intact: breaks.length === 0, rows: checked, recordRows, firstBreak: breaks[0] ?? null, breaks, head };
}

/** Runs the whole check at once (command line, tests). */
export function verifyNow(db: Database, key: Buffer, headPath: string): VerifyResult {
  const steps = verifySteps(db, key, headPath);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Rows per turn of the event loop in the background check (start-up, audit/verify): on a
 * record of 230,000 entries its longest step costs about 14 ms of CPU (npm run bench), so a
 * reading charted meanwhile is answered at once; the default 2,000 costs eight times that.
 */
export const BACKGROUND_CHUNK = 250;

/** Runs the check a chunk per turn of the event loop, so start-up and the chair-side screens are not held up. */
export function verifyInBackground(db: Database, key: Buffer, headPath: string, headAtStart?: HeadAtStart): Promise<VerifyResult> {
  const steps = verifySteps(db, key, headPath, BACKGROUND_CHUNK, headAtStart);
  return new Promise((resolve, reject) => {
    const next = () => {
      try {
        const step = steps.next();
        if (step.done) resolve(step.value);
        else setImmediate(next);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    setImmediate(next);
  });
}
