import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * Tables outside the digest coverage: the audit trail itself (it is chained instead) and
 * the sign-in attempt counters, which are working state, rewritten on every guess.
 */
const UNCOVERED = new Set(['audit_log', 'audit_rows', 'sign_in_attempts']);

/** Every table of the record whose rows an audit entry vouches for. */
export function coveredTables(db: Database): string[] {
  const rows = db.prepare<[], { name: string }>("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return rows.map((row) => row.name).filter((name) => !UNCOVERED.has(name));
}

/**
 * Records which rows an act inserts or changes, with TEMP triggers: they live in this
 * connection only (not in the file), so dropping or editing the file's own triggers
 * cannot switch them off, and another program writing to the file leaves no capture. Each
 * trigger hands the table and rowid to `touched` (a function of this connection), so
 * nothing is written for the capture itself.
 */
export function installRowCapture(db: Database, tables: readonly string[], touched: (table: string, rowid: number) => void): void {
  db.function('vigil_audit_touched', { deterministic: false }, (table: unknown, rowid: unknown) => {
    touched(String(table), Number(rowid));
    return null;
  });
  for (const table of tables) {
    for (const event of ['INSERT', 'UPDATE'] as const) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS audit_capture_${table}_${event.toLowerCase()} AFTER ${event} ON main."${table}" ` +
          `BEGIN SELECT vigil_audit_touched('${table}', NEW.rowid); END`,
      );
    }
  }
}

type SqlValue = string | number | bigint | Buffer | null;

function canonicalValue(value: SqlValue): unknown {
  if (Buffer.isBuffer(value)) return { blob: value.toString('hex') };
  if (typeof value === 'bigint') return { int: value.toString() };
  return value;
}

/** The values as hashed: a blob or a 64-bit integer as a tagged object, the rest as they are (most rows hold neither: no copy). */
function canonicalValues(values: readonly SqlValue[]): readonly unknown[] {
  for (const value of values) if (typeof value === 'bigint' || Buffer.isBuffer(value)) return values.map(canonicalValue);
  return values;
}

/** SHA-256 (hex) of a row's table, rowid and column values in column order. */
export function rowDigest(table: string, rowid: number, values: readonly SqlValue[]): string {
  // One-shot hash: the same digest as createHash().update().digest(), at half the cost for a row's few hundred bytes.
  return hash('sha256', JSON.stringify([table, rowid, canonicalValues(values)]), 'hex');
}

/** Reads rows of one table by rowid, as raw value arrays in column order. */
export function rowReader(db: Database, table: string) {
  const statement = db.prepare(`SELECT * FROM main."${table}" WHERE rowid = ?`).raw(true);
  return (rowid: number): SqlValue[] | null => (statement.get(rowid) as SqlValue[] | undefined) ?? null;
}

export type { SqlValue };
