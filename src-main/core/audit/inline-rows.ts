import { digestOfRowsText, rowsText, sortedRows, type RowRef } from './chain';

/**
 * Tables whose rows are looked up by (table, rowid) to the entry that recorded them: a user's
 * rows at every sign-in (`rowIsGenuine`), a session's closing signature in its report. Their
 * digests go to `audit_rows`, indexed by (table, rowid); every other row's digest is kept
 * inline in its entry's `rows_json`, so an act writes one audit page, not three.
 */
export const LOOKED_UP_TABLES: ReadonlySet<string> = new Set(['signatures', 'user_versions', 'users']);

/** An entry's inline rows as stored in `rows_json`: [[table, rowid, digest], ...] in (table, rowid) order. */
export function inlineRowsJson(rows: readonly RowRef[]): string | null {
  return rows.length === 0 ? null : JSON.stringify(rows.map((row) => [row.tbl, row.rid, row.digest]));
}

/** What an entry stores of its rows: the digest over all of them, the inline ones' text and the rows for audit_rows. */
export interface EntryRowsRecord {
  rowsDigest: string;
  rowsJson: string | null;
  indexed: readonly RowRef[];
}

/**
 * An entry's rows as stored: `rows_digest` over every row (rowsDigest), `rows_json` for the
 * rows kept inline (inlineRowsJson) and the rest for audit_rows; `inline` false puts every row
 * in audit_rows (adopting a whole file at once). When every row is inline (nearly every act),
 * the text hashed for the digest is the very text of rows_json, so it is built once.
 */
export function entryRowsRecord(rows: readonly RowRef[], inline: boolean): EntryRowsRecord {
  const sorted = sortedRows(rows);
  const allRowsText = rowsText(sorted);
  const rowsDigest = digestOfRowsText(allRowsText);
  if (!inline) return { rowsDigest, rowsJson: null, indexed: rows };
  const indexed = sorted.filter((row) => LOOKED_UP_TABLES.has(row.tbl));
  if (indexed.length === 0) return { rowsDigest, rowsJson: sorted.length === 0 ? null : allRowsText, indexed };
  return { rowsDigest, rowsJson: inlineRowsJson(sorted.filter((row) => !LOOKED_UP_TABLES.has(row.tbl))), indexed };
}

const DIGEST = /^[0-9a-f]{64}$/;

/**
 * The inline rows of an entry (none when `rows_json` is null), or null when the text is not
 * what Vigil writes (someone edited the file): the caller reports the entry's rows as altered.
 */
export function parseInlineRows(json: string | null): RowRef[] | null {
  if (json === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const rows: RowRef[] = [];
  for (const item of parsed as unknown[]) {
    if (!Array.isArray(item) || item.length !== 3) return null;
    const [tbl, rid, digest] = item as unknown[];
    if (typeof tbl !== 'string' || !Number.isSafeInteger(rid) || typeof digest !== 'string' || !DIGEST.test(digest)) return null;
    rows.push({ tbl, rid: rid as number, digest });
  }
  return rows;
}
