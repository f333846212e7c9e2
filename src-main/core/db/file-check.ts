import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/**
 * SQLite's full `integrity_check` reads every page of the file: its cost grows with the
 * record (178 ms at 10,000 sessions, seconds for a year of long sessions). Vigil runs it
 * before use only when it cannot vouch for the file; otherwise in the background on a worker
 * thread with its own read-only connection (see README "Backups and recovery").
 *
 * It can vouch for the file when the record written at the last clean close still matches
 * it: the same file (device and inode: a file copied or restored into place is another),
 * the same size and modification time (nothing wrote it while Vigil was closed), no
 * unfinished write-ahead log (a crash leaves one), and that run's full check found it whole.
 */

/** Where the last clean close wrote what it knew of the file: beside it. */
export const fileCheckRecordPath = (databasePath: string) => `${databasePath}.check.json`;

export interface FileFingerprint {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The result of one full check: `problems` is empty when SQLite answered "ok". */
export interface FullCheckResult {
  at: number;
  durationMs: number;
  problems: string[];
}

/** A read-only query the worker also answers on a file it found whole (a backup's high-water marks); its first row. */
export interface CheckQuery {
  name: string;
  sql: string;
}

interface FileCheckRecord {
  fingerprint: FileFingerprint;
  lastFullCheck: FullCheckResult;
}

export function fingerprintOf(databasePath: string): FileFingerprint {
  const { dev, ino, size, mtimeMs } = statSync(databasePath);
  // Whole milliseconds: what every file system and a JSON round trip keep.
  return { dev, ino, size, mtimeMs: Math.floor(mtimeMs) };
}

const sameFingerprint = (a: FileFingerprint, b: FileFingerprint) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** An unfinished write-ahead log: a connection ended without the checkpoint a clean close makes. */
function walLeftOver(databasePath: string): boolean {
  const wal = `${databasePath}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
}

/**
 * What the last clean close recorded of this very file, unchanged since: its last full
 * check. Null when Vigil cannot vouch for the file (no record, another file, changed while
 * closed, a crash's write-ahead log, a record cut short).
 */
export function lastFullCheckOf(databasePath: string): FullCheckResult | null {
  const recordPath = fileCheckRecordPath(databasePath);
  if (!existsSync(recordPath) || !existsSync(databasePath) || walLeftOver(databasePath)) return null;
  try {
    const record = JSON.parse(readFileSync(recordPath, 'utf8')) as FileCheckRecord;
    if (!record.fingerprint || !record.lastFullCheck || !Array.isArray(record.lastFullCheck.problems)) return null;
    return sameFingerprint(record.fingerprint, fingerprintOf(databasePath)) ? record.lastFullCheck : null;
  } catch {
    return null;
  }
}

/** After a clean close (the log checkpointed, the file final): what the next start may trust. */
export function recordFileCheck(databasePath: string, lastFullCheck: FullCheckResult | null): void {
  const recordPath = fileCheckRecordPath(databasePath);
  if (!lastFullCheck || !existsSync(databasePath) || walLeftOver(databasePath)) {
    // Nothing to vouch with: the next start checks the whole file before use.
    rmSync(recordPath, { force: true });
    return;
  }
  const record: FileCheckRecord = { fingerprint: fingerprintOf(databasePath), lastFullCheck };
  writeFileSync(`${recordPath}.tmp`, JSON.stringify(record));
  renameSync(`${recordPath}.tmp`, recordPath);
}

/** Any start that may write must forget the record first: after a crash it would vouch for a file it no longer describes. */
export function forgetFileCheck(databasePath: string): void {
  rmSync(fileCheckRecordPath(databasePath), { force: true });
}

const problemsOf = (rows: { integrity_check: string }[]) => rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');

/** The full check on this thread (start-up on a file Vigil cannot vouch for). */
export function fullCheckNow(db: Database, now: () => number): FullCheckResult {
  const started = performance.now();
  const problems = problemsOf(db.pragma('integrity_check') as { integrity_check: string }[]);
  return { at: now(), durationMs: Math.round(performance.now() - started), problems };
}

// Runs in the worker (plain CommonJS, so it needs no bundling): opens the file read-only on
// its own connection; WAL lets it read a consistent snapshot while charting writes. The
// connection is closed BEFORE the answer is posted: a core that closes as soon as it has the
// answer must be the file's last connection, or its close leaves the write-ahead log behind
// and the next start cannot vouch for the file (found by the start-up bench under load).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqliteModule);
let db;
let reply;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  const rows = db.pragma('integrity_check');
  const whole = rows.length === 1 && rows[0].integrity_check === 'ok';
  const answers = {};
  if (whole) for (const query of workerData.queries) answers[query.name] = db.prepare(query.sql).get();
  reply = { rows, answers };
} catch (error) {
  reply = { error: String(error && error.message || error), code: error && error.code };
} finally {
  try { if (db) db.close(); } catch {}
}
parentPort.postMessage(reply);
`;

/** better-sqlite3's entry, resolved from here (the bundle's folder, or the source tree). */
const sqliteModule = () => createRequire(join(__dirname, 'file-check.js')).resolve('better-sqlite3');

/** SQLite's answer for a file that is not a database, or one with damaged pages. */
const DAMAGED_FILE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export interface BackgroundCheck {
  /** `answers`: each query's first row by name, when the file was found whole (empty otherwise). */
  readonly result: Promise<FullCheckResult & { answers: Record<string, unknown> }>;
  cancel(): void;
}

/**
 * The full check on a worker thread, and then `queries` on the file if it is whole. Settles
 * with the result (damage SQLite reports by failing is a problem too); rejects when the check
 * could not run at all.
 */
export function fullCheckInWorker(databasePath: string, now: () => number, nativeBinding?: string, queries: readonly CheckQuery[] = []): BackgroundCheck {
  const started = performance.now();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: databasePath, sqliteModule: sqliteModule(), nativeBinding, queries } });
  // The check must not keep a closing process alive.
  worker.unref();
  let cancelled = false;
  const result = new Promise<FullCheckResult & { answers: Record<string, unknown> }>((resolve, reject) => {
    worker.once('message', (reply: { rows: { integrity_check: string }[]; answers: Record<string, unknown> } | { error: string; code?: string }) => {
      const durationMs = Math.round(performance.now() - started);
      if ('rows' in reply) resolve({ at: now(), durationMs, problems: problemsOf(reply.rows), answers: reply.answers });
      else if (reply.code && DAMAGED_FILE_CODES.has(reply.code)) resolve({ at: now(), durationMs, problems: [reply.error], answers: {} });
      else reject(new Error(reply.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(cancelled ? 'cancelled' : `the check's worker ended (${code})`)));
  });
  return {
    result,
    cancel() {
      cancelled = true;
      void worker.terminate();
    },
  };
}
