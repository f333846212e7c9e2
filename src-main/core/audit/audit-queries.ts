import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/domain/audit';
import { fieldsOfRow, type EntryRow } from './audit-log';

export interface AuditQuery {
  actor?: string | undefined;
  channel?: string | undefined;
  fromAt?: number | undefined;
  toAt?: number | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

/** The audit log for the admin screen and its CSV export: newest first, filtered by actor, channel and time. */
export function listAuditEntries(db: Database, query: AuditQuery): AuditEntry[] {
  const rows = db
    .prepare<Record<string, unknown>, Omit<EntryRow, 'rows_json'> & { n: number }>(
      `SELECT l.seq, l.at, l.actor_user_id, l.actor, l.channel, l.kind, l.outcome, l.detail_json, l.rows_digest, l.prev_hash, l.hash,
         (SELECT COUNT(*) FROM audit_rows r WHERE r.seq = l.seq) + CASE WHEN json_valid(l.rows_json) THEN json_array_length(l.rows_json) ELSE 0 END AS n
       FROM audit_log l
       WHERE (:actor IS NULL OR l.actor = :actor) AND (:channel IS NULL OR l.channel = :channel)
         AND (:fromAt IS NULL OR l.at >= :fromAt) AND (:toAt IS NULL OR l.at <= :toAt) AND (:beforeSeq IS NULL OR l.seq < :beforeSeq)
       ORDER BY l.seq DESC LIMIT :limit`,
    )
    .all({
      actor: query.actor ?? null,
      channel: query.channel ?? null,
      fromAt: query.fromAt ?? null,
      toAt: query.toAt ?? null,
      beforeSeq: query.beforeSeq ?? null,
      limit: query.limit,
    });
  return rows.map((row) => {
    const { detailJson, rowsDigest: _rowsDigest, ...fields } = fieldsOfRow(row);
    return { ...fields, detail: detailJson, rows: row.n, hash: row.hash };
  });
}
