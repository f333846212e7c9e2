import type { AuditEntry } from '../../../shared/domain/audit';

const COLUMNS = ['seq', 'at', 'actor', 'actorUserId', 'channel', 'kind', 'outcome', 'rows', 'detail', 'hash'] as const;

/** One CSV field: quoted, quotes doubled, and a leading = + - @ defused so a spreadsheet never runs it. */
function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The audit entries as CSV (times in ISO 8601 UTC), for an administrator's export. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const entry of entries) {
    lines.push(COLUMNS.map((column) => field(column === 'at' ? new Date(entry.at).toISOString() : entry[column])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
