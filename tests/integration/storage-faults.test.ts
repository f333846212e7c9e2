import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseReadOnlyError } from '../../src-main/core/db/errors';
import { createFileLogger } from '../../src-main/core/logger';
import { openVigilCore } from '../../src-main/core/vigil-core';
import { createMemoryLogger } from '../support/memory-logger';
import { makeReadOnly } from '../support/read-only';
import { call, callOk, countRows, databasePathIn, openRaw, openSession, openTestCore, readyToStart, setUpAdmin } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();

function openError(dataDir: string): unknown {
  try {
    openVigilCore({ dataDir, logger: createMemoryLogger() }).close();
  } catch (error) {
    return error;
  }
  throw new Error('the database was opened');
}

/** A clinic with one session under way, closed again; returns its folder and session. */
async function clinicWithSession() {
  const dataDir = dirs.make();
  const test = openTestCore(dataDir);
  const { connection } = await setUpAdmin(test.core);
  const { session } = await openSession(connection);
  await readyToStart(connection, session.id);
  return { ...test, connection, session };
}

describe('the disk fills up while charting', () => {
  it('names the fault, keeps every acknowledged reading, still reads, and charts again once there is room', async () => {
    const { core, connection, session, databasePath, logger } = await clinicWithSession();
    // The database may not grow past its current size: SQLite answers SQLITE_FULL exactly as on a full disk.
    const pages = core.services.db.pragma('page_count', { simple: true }) as number;
    core.services.db.pragma(`max_page_count = ${pages}`);
    const acknowledged: number[] = [];
    let refusal = null;
    for (let i = 0; i < 2000 && !refusal; i += 1) {
      const result = await call(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 60 + (i % 30) } });
      if (result.ok) acknowledged.push(result.value.reading.id);
      else refusal = result.error;
    }
    expect(refusal).toMatchObject({ code: 'storage_full', params: { act: 'write' } });
    expect(refusal?.message).toMatch(/disk is full; nothing was saved/);
    expect(logger.errors().at(-1)?.detail).toMatchObject({ channel: 'reading/add', fault: 'storage_full', code: 'SQLITE_FULL' });

    // Reads keep working, and say nothing about saving.
    const detail = await callOk(connection, 'session/get', { sessionId: session.id });
    const stored = new Set(detail.readings.map((reading) => reading.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    core.services.db.pragma(`max_page_count = ${pages * 100}`);
    await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 70 } });
    core.close();
    const raw = openRaw(databasePath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    expect(countRows(databasePath, 'readings', `session_id = ${session.id}`)).toBe(detail.readings.length + 1);
  });
});

describe('a read-only database is refused at start with its own message', () => {
  it('refuses a read-only file even with its -wal and -shm beside it, and changes nothing', async () => {
    const { core, dataDir, databasePath } = await clinicWithSession();
    // Copy the live trio while the core holds it open, so the copy has a -wal and -shm like a killed process leaves.
    const copyDir = dirs.make();
    const copy = databasePathIn(copyDir);
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(databasePath + suffix)) copyFileSync(databasePath + suffix, copy + suffix);
    core.close();
    expect(existsSync(`${copy}-wal`)).toBe(true);
    const before = readFileSync(copy);

    const locked = makeReadOnly(copy);
    if ('reason' in locked) {
      console.warn(`SKIPPED read-only file: ${locked.reason}`);
      return;
    }
    try {
      const error = openError(copyDir);
      expect(error).toBeInstanceOf(DatabaseReadOnlyError);
      expect(error).toMatchObject({ part: 'file' });
    } finally {
      locked.undo();
    }
    expect(readFileSync(copy).equals(before)).toBe(true);
    // Writable again: it opens, and the session is there.
    const reopened = openTestCore(copyDir);
    expect(reopened.core.services.sessions.open().length).toBe(1);
    reopened.core.close();
    expect(dataDir).not.toBe(copyDir);
  });

  it('refuses a read-only folder (WAL must create its side files there)', async () => {
    const { core, dataDir } = await clinicWithSession();
    core.close();
    const locked = makeReadOnly(dataDir);
    if ('reason' in locked) {
      console.warn(`SKIPPED read-only folder: ${locked.reason}`);
      return;
    }
    try {
      expect(openError(dataDir)).toMatchObject({ name: 'DatabaseReadOnlyError', part: 'folder' });
    } finally {
      locked.undo();
    }
  });
});

describe('the log when its disk fails', () => {
  it('writes to the fallback file when the log file refuses, and goes back when it can', () => {
    const dir = dirs.make();
    const missingFolder = join(dir, 'gone');
    const primary = join(missingFolder, 'vigil.log');
    const fallback = join(dir, 'fallback.log');
    const logger = createFileLogger(primary, fallback);
    const quiet = console.error;
    console.error = () => undefined;
    try {
      logger.info('first line, primary refused');
      logger.error('second line', { fault: 'storage_full' });
      mkdirSync(missingFolder);
      logger.info('third line, primary back');
    } finally {
      console.error = quiet;
    }
    const fallen = readFileSync(fallback, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { message: string; path?: string });
    expect(fallen.map((line) => line.message)).toEqual(['log file refused a line; writing here instead', 'first line, primary refused', 'second line', 'log back in its own file']);
    expect(fallen[0]?.path).toBe(primary);
    expect(readFileSync(primary, 'utf8')).toContain('third line, primary back');
  });
});
