import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_KEY_FILE_NAME } from '../../src-main/core/audit/audit-key';
import { verifyNow } from '../../src-main/core/audit/verify';
import { AUDIT_HEAD_RELATIVE_PATH } from '../../src-main/core/vigil-core';
import { openRaw } from './test-core';

/** The audit's verify over a data folder as found on disk (its file, key and head), on a plain connection. */
export function verifyDataDir(dir: string) {
  const db = openRaw(join(dir, 'vigil.sqlite3'));
  try {
    const key = Buffer.from(readFileSync(join(dir, AUDIT_KEY_FILE_NAME), 'utf8').trim(), 'base64');
    return verifyNow(db, key, join(dir, AUDIT_HEAD_RELATIVE_PATH));
  } finally {
    db.close();
  }
}
