import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract/events';
import { ManualClock } from '../../src-main/core/clock';
import { DatabaseCorruptError } from '../../src-main/core/db/errors';
import { fileCheckRecordPath, lastFullCheckOf } from '../../src-main/core/db/file-check';
import { openCheckedDatabase } from '../../src-main/core/db/open-database';
import { openVigilCore, type VigilCore } from '../../src-main/core/vigil-core';
import { createMemoryLogger } from '../support/memory-logger';
import { useTempDirs } from '../support/temp-dir';
import { ADMIN, callOk, databasePathIn, setUpAdmin, signIn, T0 } from '../support/test-core';

const dirs = useTempDirs();

function openCore(dataDir: string, logger = createMemoryLogger()): VigilCore {
  return openVigilCore({ dataDir, logger, clock: new ManualClock(T0), checkResponses: true, pinCost: 'test', autoBackup: false, fileCheckDelayMs: 0 });
}

/** A Vigil file with a table of its own and an index on it (50 rows), closed cleanly after a full check. */
function fileWithIndexedTable(): { dataDir: string; path: string } {
  const dataDir = dirs.make();
  const path = databasePathIn(dataDir);
  openCore(dataDir).close();
  const raw = new BetterSqlite3(path);
  raw.exec('CREATE TABLE t (a INTEGER); CREATE INDEX t_a ON t(a);');
  const insert = raw.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < 50; i += 1) insert.run(i);
  raw.close();
  // Changed while Vigil was closed: this start checks the whole file, and its clean close vouches for it.
  const core = openCore(dataDir);
  expect(core.fileCheck.status()).toMatchObject({ state: 'ok', last: { where: 'start', problems: [] } });
  core.close();
  return { dataDir, path };
}

/**
 * Damage the clean-close record cannot see (bit rot does not touch the file's time): the
 * index is redefined in place so its entries no longer match the table, and the file's
 * modification time is put back.
 */
function damageIndexUnseen(path: string): void {
  const { mtimeMs, atimeMs, size } = statSync(path);
  const raw = new BetterSqlite3(path);
  raw.unsafeMode(true);
  raw.pragma('writable_schema = ON');
  raw.prepare(`UPDATE sqlite_master SET sql = 'CREATE INDEX t_a ON t(a DESC)' WHERE name = 't_a'`).run();
  raw.pragma('writable_schema = OFF');
  raw.close();
  utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
  expect(statSync(path).size).toBe(size);
  expect(lastFullCheckOf(path)).toMatchObject({ problems: [] });
}

describe('the record file is checked before use only when Vigil cannot vouch for it', () => {
  it('a file closed cleanly opens without the full check, which then runs in the background and finds it whole', async () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    const first = openCheckedDatabase(path);
    expect(first.fileCheck.fullCheckAtStart).toBe(true);
    first.db.close();

    const core = openCore(dataDir);
    core.close();
    expect(JSON.parse(readFileSync(fileCheckRecordPath(path), 'utf8'))).toMatchObject({ lastFullCheck: { problems: [] } });

    const logger = createMemoryLogger();
    const again = openCore(dataDir, logger);
    try {
      expect(again.fileCheck.status()).toMatchObject({ state: 'checking', last: { where: 'previousRun' } });
      await again.fileCheck.settled;
      expect(again.fileCheck.status()).toMatchObject({ state: 'ok', last: { where: 'background', problems: [] } });
      expect(logger.entries.some((entry) => entry.message === 'full check of the record file: ok')).toBe(true);
    } finally {
      again.close();
    }
  });

  it('checks the whole file before use after a crash (a write-ahead log left over) or a change while closed', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    openCore(dataDir).close();
    expect(lastFullCheckOf(path)).not.toBeNull();

    writeFileSync(`${path}-wal`, Buffer.alloc(64, 7));
    expect(lastFullCheckOf(path)).toBeNull();
    const afterCrash = openCheckedDatabase(path);
    expect(afterCrash.fileCheck.fullCheckAtStart).toBe(true);
    afterCrash.db.close();

    openCore(dataDir).close();
    const { atime, mtime } = statSync(path);
    utimesSync(path, atime, new Date(mtime.getTime() + 1_000));
    expect(lastFullCheckOf(path)).toBeNull();
  });

  it('a clean close right after the background check vouches for the file: the check lets go of it before answering', async () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    openCore(dataDir).close();
    // The race is between the check's own connection closing and this one's: run it a few times.
    for (let round = 0; round < 8; round += 1) {
      const core = openCore(dataDir);
      // Every round writes (the log has frames for the close to fold into the file).
      if (round === 0) await setUpAdmin(core);
      else await signIn(core, ADMIN.username, ADMIN.pin);
      await core.fileCheck.settled;
      core.close();
      expect({ round, vouched: lastFullCheckOf(path) !== null }).toEqual({ round, vouched: true });
    }
  });

  it('a start that may write forgets the record, so a crash afterwards cannot leave a file vouched for', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    openCore(dataDir).close();
    const core = openCore(dataDir);
    try {
      expect(lastFullCheckOf(path)).toBeNull();
    } finally {
      core.close();
    }
  });
});

describe('damage found by the background check', () => {
  it('is logged, told to every signed-in window, shown to the administrator, leaves charting on, and the next start refuses the file', async () => {
    const { dataDir, path } = fileWithIndexedTable();
    damageIndexUnseen(path);

    const logger = createMemoryLogger();
    const core = openCore(dataDir, logger);
    try {
      const admin = core.connect();
      await callOk(admin, 'auth/setup', { ...ADMIN });
      const notices: EventPayload<'system/notice'>[] = [];
      admin.onEvent((name, payload) => {
        if (name === 'system/notice') notices.push(payload as EventPayload<'system/notice'>);
      });
      await core.fileCheck.settled;

      expect(core.fileCheck.status()).toMatchObject({ state: 'damaged', last: { where: 'background' } });
      expect(core.fileCheck.status().last?.problems.join('\n')).toMatch(/missing from index t_a/);
      expect(notices).toEqual([{ kind: 'fileDamaged', at: T0 }]);
      expect(logger.errors().map((entry) => entry.message)).toContain('the full check of the record file found damage; charting goes on; restore the newest backup once the open sessions are closed');
      expect((await callOk(admin, 'backup/list', {})).fileCheck).toMatchObject({ state: 'damaged' });
      expect((await callOk(admin, 'audit/status', {})).fileCheck).toMatchObject({ state: 'damaged' });
      // Writing goes on: a patient can still be registered.
      await callOk(admin, 'patient/create', { mrn: 'AFTER-DAMAGE', familyName: 'Still', givenName: 'Charting', dateOfBirth: '1970-01-01', weightKg: 70 });
    } finally {
      core.close();
    }

    let refused: unknown = null;
    try {
      openCore(dataDir).close();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DatabaseCorruptError);
    expect((refused as DatabaseCorruptError).problems.join('\n')).toMatch(/missing from index t_a/);
  });
});
