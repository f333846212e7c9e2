import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseCorruptError, DatabaseTooNewError } from '../../src-main/core/db/errors';
import { LATEST_SCHEMA_VERSION } from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open-database';
import { openVigilCore } from '../../src-main/core/vigil-core';
import { databasePathIn, openError, openRaw, openTestCore } from '../support/test-core';
import { createMemoryLogger } from '../support/memory-logger';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();

const CLINICAL_TABLES = ['alert_events', 'alerts', 'patients', 'phase_events', 'readings', 'sessions', 'users'];
const APPEND_ONLY_TRIGGERS = ['readings', 'phase_events', 'alerts', 'alert_events'].flatMap((table) => [`${table}_no_update`, `${table}_no_delete`]);

/** The bytes of the database file and whether SQLite left side files next to it. */
function snapshot(path: string) {
  return { bytes: readFileSync(path), wal: existsSync(`${path}-wal`), shm: existsSync(`${path}-shm`) };
}

describe('migrations', () => {
  it('takes an empty file from user_version 0 to the latest schema', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    writeFileSync(path, '');
    const probe = new BetterSqlite3(path);
    expect(probe.pragma('user_version', { simple: true })).toBe(0);
    probe.close();

    openTestCore(dataDir).core.close();

    const raw = openRaw(path);
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(CLINICAL_TABLES));
      const triggers = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all();
      expect(triggers).toEqual(expect.arrayContaining(APPEND_ONLY_TRIGGERS));
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
  });

  it('creates the file and folder when neither exists', () => {
    const dataDir = `${dirs.make()}/nested/data`;
    openTestCore(dataDir).core.close();
    expect(existsSync(databasePathIn(dataDir))).toBe(true);
  });

  it('opens an up-to-date file again without changing its version', () => {
    const dataDir = dirs.make();
    openTestCore(dataDir).core.close();
    openTestCore(dataDir).core.close();
    const raw = openRaw(databasePathIn(dataDir));
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    raw.close();
  });
});

describe('connection settings', () => {
  it('uses WAL, synchronous=FULL and enforced foreign keys', () => {
    const path = databasePathIn(dirs.make());
    const db = openDatabase(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => db.prepare('INSERT INTO readings (session_id, observed_at, recorded_at, recorded_by) VALUES (424242, 0, 0, 424242)').run()).toThrow(
        /FOREIGN KEY constraint failed/,
      );
    } finally {
      db.close();
    }
  });
});

describe('files Vigil must refuse', () => {
  it('refuses a file from a newer Vigil with DatabaseTooNewError saying what to do', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    const newer = new BetterSqlite3(path);
    newer.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY); INSERT INTO future_things VALUES (1);');
    newer.pragma('user_version = 999');
    newer.close();

    const error = openError(dataDir);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect(error).toMatchObject({ fileVersion: 999, codeVersion: LATEST_SCHEMA_VERSION, path });
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/version 999/);
    expect(error.message).toMatch(/Install the newer Vigil/);
  });

  it('leaves a newer file exactly as it was (the error says "the file was not changed")', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    const newer = new BetterSqlite3(path);
    newer.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY); INSERT INTO future_things VALUES (1);');
    newer.pragma('user_version = 999');
    newer.close();
    const before = snapshot(path);
    expect(before).toMatchObject({ wal: false, shm: false });

    expect(openError(dataDir)).toBeInstanceOf(DatabaseTooNewError);

    const after = snapshot(path);
    expect({ wal: after.wal, shm: after.shm }).toEqual({ wal: false, shm: false });
    // Byte 18/19 of the header is the journal mode (1 = rollback, 2 = WAL): switching to WAL would already be a change.
    expect([after.bytes[18], after.bytes[19]]).toEqual([before.bytes[18], before.bytes[19]]);
    expect(after.bytes.equals(before.bytes)).toBe(true);
  });

  it('refuses a file whose integrity check finds damage, with DatabaseCorruptError naming the file', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    const damaged = new BetterSqlite3(path);
    damaged.exec('CREATE TABLE t (a INTEGER); CREATE INDEX t_a ON t(a);');
    const insert = damaged.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 50; i += 1) insert.run(i);
    // Redefine the index so that its stored entries no longer match the table: integrity_check reports rows missing.
    damaged.unsafeMode(true);
    damaged.pragma('writable_schema = ON');
    damaged.prepare(`UPDATE sqlite_master SET sql = 'CREATE INDEX t_a ON t(a DESC)' WHERE name = 't_a'`).run();
    damaged.pragma('writable_schema = OFF');
    damaged.close();
    const before = snapshot(path);

    const error = openError(dataDir);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect((error as DatabaseCorruptError).problems.join('\n')).toMatch(/missing from index t_a/);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/Restore it from a backup/);
    expect(snapshot(path).bytes.equals(before.bytes)).toBe(true);
  });

  it('refuses a file that is not a database at all with a clear error naming the file', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    writeFileSync(path, 'Vigil export, not a database\n'.repeat(200));

    const error = openError(dataDir);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect(error.message).toContain(path);
  });

  it('refuses a Vigil file with damaged pages with a clear error naming the file', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    openTestCore(dataDir).core.close();
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(3 * 4096);
    bytes.fill(0x55, 4096, 3 * 4096); // pages 2 and 3: schema b-trees
    writeFileSync(path, bytes);

    const error = openError(dataDir);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect(error.message).toContain(path);
  });

  it('leaves a non-database file unchanged', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    writeFileSync(path, 'Vigil export, not a database\n'.repeat(200));
    const before = snapshot(path);
    expect(() => openVigilCore({ dataDir, logger: createMemoryLogger() })).toThrow();
    expect(snapshot(path)).toEqual(before);
  });
});
