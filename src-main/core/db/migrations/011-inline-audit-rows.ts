/**
 * One page per act for the common case (issue 10). An entry's row digests were all kept in
 * `audit_rows`, clustered by (table, rowid, entry) with an index by entry: every act wrote a
 * leaf of each plus its `audit_log` leaf, three of the five pages a charted reading commits.
 * From now on an entry keeps the digests of its rows inline (`rows_json`: [[table, rowid,
 * digest], ...]), in the `audit_log` row the HMAC chain already covers through `rows_digest`.
 * Only the rows of tables that are looked up by (table, rowid) to the entry that recorded
 * them (a user's rows at sign-in, a session's closing signature in its report) still go to
 * `audit_rows` (and only there). An entry's rows are its `audit_rows` and its inline rows
 * together; old entries (no `rows_json`) keep theirs in `audit_rows` alone.
 * `audit_entry_rows` lists both, for readers that want every row of an entry (the audit
 * screen's count, tests); a malformed `rows_json` lists nothing there (verify reports it).
 */
export const inlineAuditRowsSchema = /* sql */ `
ALTER TABLE audit_log ADD COLUMN rows_json TEXT;
CREATE VIEW audit_entry_rows AS
  SELECT seq, tbl, rid, digest FROM audit_rows
  UNION ALL
  SELECT l.seq, j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM audit_log l, json_each(CASE WHEN json_valid(l.rows_json) THEN l.rows_json ELSE '[]' END) j
  WHERE l.rows_json IS NOT NULL;
`;
