import type { Database } from 'better-sqlite3';

/** Per table: how many rows, and the highest rowid. A record that holds less than a backup of it once did has lost rows. */
export type HighWaterMarks = Record<string, { rows: number; maxId: number }>;

function tableNames(db: Database): string[] {
  return db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
}

/** One query per table of `db`'s schema, each answering `{ rows, maxId }` (run on this file, or on a copy of it by the check's worker). */
export function highWaterQueries(db: Database): { name: string; sql: string }[] {
  return tableNames(db).map((table) => {
    // Table names come from sqlite_master, quoted as identifiers.
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const withoutRowid = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table) as string).toUpperCase().includes('WITHOUT ROWID');
    return { name: table, sql: `SELECT COUNT(*) AS rows, ${withoutRowid ? '0' : 'COALESCE(MAX(rowid), 0)'} AS maxId FROM ${quoted}` };
  });
}

export function highWaterMarks(db: Database): HighWaterMarks {
  const marks: HighWaterMarks = {};
  for (const { name, sql } of highWaterQueries(db)) marks[name] = db.prepare(sql).get() as { rows: number; maxId: number };
  return marks;
}

export interface Shortfall {
  table: string;
  rowsNow: number;
  rowsInBackup: number;
  maxIdNow: number;
  maxIdInBackup: number;
}

/**
 * Where the live file holds less than a backup taken from it: fewer rows or a lower highest
 * id in a table. Vigil's clinical tables are append-only, so either means acknowledged
 * entries are gone (a file restored from an older copy, a dropped WAL tail).
 */
export function shortfalls(now: HighWaterMarks, backup: HighWaterMarks): Shortfall[] {
  const found: Shortfall[] = [];
  for (const [table, mark] of Object.entries(backup)) {
    const current = now[table] ?? { rows: 0, maxId: 0 };
    if (current.rows < mark.rows || current.maxId < mark.maxId) {
      found.push({ table, rowsNow: current.rows, rowsInBackup: mark.rows, maxIdNow: current.maxId, maxIdInBackup: mark.maxId });
    }
  }
  return found;
}
