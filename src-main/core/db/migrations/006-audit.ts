import { appendOnly } from './append-only';

/**
 * The audit trail (one chained entry per act, and the digest of every row it wrote), the
 * sign-in attempt counters (kept in the file so a restart does not clear a lockout), and
 * users, patients and sessions made append-only like the rest of the record: a user
 * changes by a new version in user_versions (roles, PIN, active), never in place.
 */
export const auditSchema = /* sql */ `
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor_user_id INTEGER,
  actor TEXT NOT NULL,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('write','view','system')),
  outcome TEXT NOT NULL,
  detail_json TEXT NOT NULL,
  rows_digest TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
${appendOnly('audit_log')}

CREATE TABLE audit_rows (
  seq INTEGER NOT NULL REFERENCES audit_log(seq),
  tbl TEXT NOT NULL,
  rid INTEGER NOT NULL,
  digest TEXT NOT NULL,
  PRIMARY KEY (tbl, rid, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX audit_rows_seq ON audit_rows(seq);
${appendOnly('audit_rows')}

CREATE TABLE sign_in_attempts (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL,
  last_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sign_in_attempts_last ON sign_in_attempts(last_at);

CREATE TABLE user_versions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  roles_json TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  pin_is_one_time INTEGER NOT NULL CHECK (pin_is_one_time IN (0, 1)),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  at INTEGER NOT NULL,
  by_user_id INTEGER REFERENCES users(id),
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX user_versions_user ON user_versions(user_id, id);
INSERT INTO user_versions (user_id, roles_json, pin_hash, pin_is_one_time, active, at, by_user_id, reason)
  SELECT id, roles_json, pin_hash, 0, 1, created_at, NULL, 'account as it was before versions' FROM users;
${appendOnly('user_versions')}
${appendOnly('users')}
${appendOnly('patients')}
${appendOnly('sessions')}
`;
