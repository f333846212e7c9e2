/**
 * Fewer pages per act (issue 10). Every act inserted into `audit_log_at`, an index on the
 * entry's time that no query uses: the audit screen walks entries newest first by `seq` and
 * filters the time as it goes (its optional-parameter filter cannot use an index), and
 * verification reads by `seq`. Each act's commit now writes one index page fewer to the
 * write-ahead log before its fsync.
 */
export const leanAuditWritesSchema = /* sql */ `
DROP INDEX IF EXISTS audit_log_at;
`;
