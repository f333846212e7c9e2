import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { AUDIT_KEY_FILE_NAME, loadOrCreateKeyFile } from '../core/audit/audit-key';
import { verifyNow } from '../core/audit/verify';
import { AUDIT_HEAD_RELATIVE_PATH, DATABASE_FILE_NAME } from '../core/vigil-core';

/**
 * `node dist/host/verify.cjs --data-dir DIR [--key-file FILE] [--head-file FILE]`
 * Checks a Vigil data folder's audit chain, every row against its digest, and the file's
 * length against the head written beside the backups. Opens the file read-only. Prints the
 * result as JSON; exits 0 when intact, 2 when not, 1 when it could not check.
 */
export function runVerify(argv: readonly string[]): { exitCode: number; output: string } {
  const { values } = parseArgs({ args: [...argv], options: { 'data-dir': { type: 'string' }, 'key-file': { type: 'string' }, 'head-file': { type: 'string' } } });
  const dataDir = resolve(values['data-dir'] ?? process.env.VIGIL_DATA_DIR ?? '.vigil-data');
  const databasePath = join(dataDir, DATABASE_FILE_NAME);
  const keyPath = resolve(values['key-file'] ?? join(dataDir, AUDIT_KEY_FILE_NAME));
  if (!existsSync(databasePath)) return { exitCode: 1, output: `No Vigil database at ${databasePath}` };
  if (!existsSync(keyPath)) return { exitCode: 1, output: `No audit key at ${keyPath} (the desktop app keeps its key sealed; verify from the Audit screen there)` };
  const db = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
  try {
    const result = verifyNow(db, loadOrCreateKeyFile(keyPath), resolve(values['head-file'] ?? join(dataDir, AUDIT_HEAD_RELATIVE_PATH)));
    return { exitCode: result.intact ? 0 : 2, output: JSON.stringify(result, null, 2) };
  } finally {
    db.close();
  }
}

if (require.main === module) {
  try {
    const { exitCode, output } = runVerify(process.argv.slice(2));
    console.log(output);
    process.exit(exitCode);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
