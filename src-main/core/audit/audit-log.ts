import type { Database, Statement } from 'better-sqlite3';
import { entryHash, GENESIS_HASH, rowsDigest, type AuditKind, type RowRef } from './chain';
import { entryRowsRecord, LOOKED_UP_TABLES, parseInlineRows } from './inline-rows';
import { coveredTables, installRowCapture, rowDigest, rowReader, type SqlValue } from './row-capture';

export interface AuditAppend {
  at: number;
  actorUserId: number | null;
  actor: string;
  channel: string;
  kind: AuditKind;
  outcome: string;
  detail: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends the entry for the rows written since the last one; caller holds the transaction. Null for a system act that wrote nothing. */
  append(entry: AuditAppend): { seq: number; hash: string } | null;
  /** Rows were written since the last entry (the act has something to vouch for). */
  touched(): boolean;
  /** An act's transaction began: rows written before it (outside any act) stay to be vouched for if it rolls back. */
  actStarted(): void;
  /** The act rolled back: the rows it wrote are gone; what was waiting before it still waits. */
  actRolledBack(): void;
  head(): { seq: number; hash: string };
  /** Adopts rows no entry vouches for yet (a file from before the audit): only when the chain is empty. */
  adoptUnaudited(at: number): void;
  /** The stored digest of a row matches the row, and the entry that recorded it is genuine (rows of LOOKED_UP_TABLES only). */
  rowIsGenuine(table: string, rowid: number): boolean;
  readonly key: Buffer;
}

/** audit_rows written per INSERT statement (4 values each, well under SQLite's bound-variable limit). */
const ROWS_PER_INSERT = 64;

/**
 * The audit trail: one entry per act, chained by HMAC, with the digest of every row the act
 * inserted. Rows are found by the TEMP capture triggers, so no service has to remember to
 * report what it wrote. The digests of rows looked up by (table, rowid) go to `audit_rows`;
 * the rest are kept inline in the entry (see inline-rows.ts and migration 11).
 */
export function createAuditLog(db: Database, key: Buffer): AuditLog {
  const tables = coveredTables(db);
  // Rows written since the last entry, per table.
  const touchedRows = new Map<string, Set<number>>();
  installRowCapture(db, tables, (table, rowid) => {
    let rowids = touchedRows.get(table);
    if (!rowids) {
      rowids = new Set();
      touchedRows.set(table, rowids);
    }
    rowids.add(rowid);
  });
  let waitingBeforeAct: (readonly [string, Set<number>])[] = [];
  const readers = new Map(tables.map((table) => [table, rowReader(db, table)]));
  const lastEntry = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insertEntry = db.prepare(
    'INSERT INTO audit_log (seq, at, actor_user_id, actor, channel, kind, outcome, detail_json, rows_digest, prev_hash, hash, rows_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
  );
  // An act's rows in one statement (a few per act: the reading, the alert state and events it changed).
  const insertRowsStatements = new Map<number, Statement>();
  const insertRows = (count: number): Statement => {
    let statement = insertRowsStatements.get(count);
    if (!statement) {
      statement = db.prepare(`INSERT INTO audit_rows (seq, tbl, rid, digest) VALUES ${Array.from({ length: count }, () => '(?,?,?,?)').join(',')}`);
      insertRowsStatements.set(count, statement);
    }
    return statement;
  };
  const latestRowEntry = db.prepare<[string, number], { seq: number; digest: string }>('SELECT seq, digest FROM audit_rows WHERE tbl = ? AND rid = ? ORDER BY seq DESC LIMIT 1');
  const entryBySeq = db.prepare<[number], EntryRow>('SELECT * FROM audit_log WHERE seq = ?');
  const rowsOfEntry = db.prepare<[number], RowRef>('SELECT tbl, rid, digest FROM audit_rows WHERE seq = ?');

  // The chain's head, kept from the last append (this connection is the only writer of
  // audit_log); dropped when an act rolls back, then read from the file again.
  let knownHead: { seq: number; hash: string } | null = null;
  function head() {
    knownHead ??= lastEntry.get() ?? { seq: 0, hash: GENESIS_HASH };
    return knownHead;
  }

  function digestOf(table: string, rid: number): string | null {
    const values: SqlValue[] | null = readers.get(table)?.(rid) ?? null;
    return values ? rowDigest(table, rid, values) : null;
  }

  /** `inline`: the rows of tables nobody looks up by rowid go into the entry itself; otherwise (adopting a whole file at once) all go to audit_rows. */
  function append(entry: AuditAppend, rows: RowRef[], inline = true): { seq: number; hash: string } {
    const previous = head();
    const seq = previous.seq + 1;
    const { rowsDigest: digestOfRows, rowsJson, indexed } = entryRowsRecord(rows, inline);
    const fields = {
      seq,
      at: entry.at,
      actorUserId: entry.actorUserId,
      actor: entry.actor,
      channel: entry.channel,
      kind: entry.kind,
      outcome: entry.outcome,
      detailJson: JSON.stringify(entry.detail),
      rowsDigest: digestOfRows,
    };
    const hash = entryHash(key, previous.hash, fields);
    insertEntry.run(seq, fields.at, fields.actorUserId, fields.actor, fields.channel, fields.kind, fields.outcome, fields.detailJson, fields.rowsDigest, previous.hash, hash, rowsJson);
    for (let from = 0; from < indexed.length; from += ROWS_PER_INSERT) {
      const batch = indexed.slice(from, from + ROWS_PER_INSERT);
      insertRows(batch.length).run(batch.flatMap((row) => [seq, row.tbl, row.rid, row.digest]));
    }
    knownHead = { seq, hash };
    return { seq, hash };
  }

  /** One entry for every row of the file (adopting a file from before the audit), all in audit_rows. */
  const adopt = db.transaction((at: number) => {
    const rows: RowRef[] = [];
    for (const table of tables) {
      const all = db.prepare(`SELECT rowid AS __rid, * FROM main."${table}" ORDER BY rowid`).raw(true).all() as SqlValue[][];
      for (const values of all) rows.push({ tbl: table, rid: Number(values[0]), digest: rowDigest(table, Number(values[0]), values.slice(1)) });
    }
    touchedRows.clear();
    append({ at, actorUserId: null, actor: 'system', channel: 'audit/adopt', kind: 'system', outcome: 'ok', detail: { rows: rows.length } }, rows, false);
  });

  /** The rows written since the last entry that still exist, in (table, rowid) order. */
  function capturedRows(): RowRef[] {
    const rows: RowRef[] = [];
    // Most acts write one row of one table: nothing to sort then.
    for (const tbl of touchedRows.size === 1 ? touchedRows.keys() : [...touchedRows.keys()].sort()) {
      const rids = touchedRows.get(tbl) as Set<number>;
      for (const rid of rids.size === 1 ? rids : [...rids].sort((a, b) => a - b)) {
        const digest = digestOf(tbl, rid);
        if (digest !== null) rows.push({ tbl, rid, digest });
      }
    }
    touchedRows.clear();
    return rows;
  }

  return {
    key,
    head,
    touched: () => touchedRows.size > 0,
    actStarted() {
      waitingBeforeAct = touchedRows.size === 0 ? [] : [...touchedRows].map(([table, rowids]) => [table, new Set(rowids)] as const);
    },
    actRolledBack() {
      knownHead = null;
      touchedRows.clear();
      for (const [table, rowids] of waitingBeforeAct) touchedRows.set(table, rowids);
      waitingBeforeAct = [];
    },
    append(entry) {
      const rows = capturedRows();
      if (entry.kind === 'system' && rows.length === 0) return null;
      return append(entry, rows);
    },
    adoptUnaudited(at) {
      if (head().seq !== 0) return;
      try {
        adopt(at);
      } catch (error) {
        // Its entry was appended in a transaction of its own that rolled back: read the head again.
        knownHead = null;
        throw error;
      }
    },
    rowIsGenuine(table, rowid) {
      // Other tables' rows are kept inline in their entries, with no index by rowid.
      if (!LOOKED_UP_TABLES.has(table)) throw new Error(`rowIsGenuine looks up rows of ${[...LOOKED_UP_TABLES].join(', ')} only, not ${table}`);
      const recorded = latestRowEntry.get(table, rowid);
      if (!recorded || recorded.digest !== digestOf(table, rowid)) return false;
      const entry = entryBySeq.get(recorded.seq);
      if (!entry) return false;
      const inlineRows = parseInlineRows(entry.rows_json);
      return (
        inlineRows !== null &&
        entryHash(key, entry.prev_hash, fieldsOfRow(entry)) === entry.hash &&
        rowsDigest([...rowsOfEntry.all(recorded.seq), ...inlineRows]) === entry.rows_digest
      );
    },
  };
}

export interface EntryRow {
  seq: number;
  at: number;
  actor_user_id: number | null;
  actor: string;
  channel: string;
  kind: AuditKind;
  outcome: string;
  detail_json: string;
  rows_digest: string;
  prev_hash: string;
  hash: string;
  /** The entry's rows kept inline (migration 11); null for older entries and entries without such rows. */
  rows_json: string | null;
}

export function fieldsOfRow(row: Omit<EntryRow, 'rows_json'>) {
  return {
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    actor: row.actor,
    channel: row.channel,
    kind: row.kind,
    outcome: row.outcome,
    detailJson: row.detail_json,
    rowsDigest: row.rows_digest,
  };
}
