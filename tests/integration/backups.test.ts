import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkBackupFile, checkBackupInWorker } from '../../src-main/core/backup/backups';
import { restoreBackup } from '../../src-main/core/backup/restore';
import { lockDataFolder } from '../../src-main/core/db/folder-lock';
import { retainedBackups } from '../../src-main/core/backup/retention';
import { ManualClock } from '../../src-main/core/clock';
import { ADMIN, addUser, callErr, callOk, MINUTE, NURSE, openRaw, openSession, openTestCore, readyToStart, setUpAdmin, signIn, T0 } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();

/** Every row of every table, in rowid (or primary key) order: what "the same record" means. */
function everyRow(db: Database): Record<string, unknown[]> {
  const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string; sql: string }[];
  return Object.fromEntries(tables.map(({ name, sql }) => [name, db.prepare(`SELECT * FROM "${name}"${sql.toUpperCase().includes('WITHOUT ROWID') ? '' : ' ORDER BY rowid'}`).all()]));
}

function rowsOf(path: string): Record<string, unknown[]> {
  const db = openRaw(path);
  try {
    return everyRow(db);
  } finally {
    db.close();
  }
}

async function clinicCharting() {
  const dataDir = dirs.make();
  const clock = new ManualClock(T0);
  const test = openTestCore(dataDir, clock);
  const { connection } = await setUpAdmin(test.core);
  const { session } = await openSession(connection);
  await readyToStart(connection, session.id);
  const chart = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      clock.advance(MINUTE);
      await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 70 + i } });
    }
  };
  return { ...test, connection, session, chart };
}

describe('backups', () => {
  it('writes an online backup, checks it, lists it with time, size and result, for the administrator only', async () => {
    const { core, connection, chart, clock, databasePath } = await clinicCharting();
    await chart(5);
    const entry = await callOk(connection, 'backup/run', {});
    expect(entry).toMatchObject({ at: clock.now(), reason: 'manual', check: 'ok' });
    expect(entry.sizeBytes).toBeGreaterThan(0);
    const status = await callOk(connection, 'backup/list', {});
    expect(status).toEqual({ folder: join(core.dataDir, 'backups'), backups: [entry], shortfalls: [], auditShortfall: null, lastRestore: null, fileCheck: { state: 'ok', last: expect.objectContaining({ where: 'start', problems: [] }) } });
    // The copy holds exactly what the live file held, row for row; the live file has since gained only the backup/run act.
    const copy = rowsOf(join(status.folder, entry.file));
    const live = rowsOf(databasePath);
    expect(live.audit_log?.slice(0, -1)).toEqual(copy.audit_log);
    expect({ ...live, audit_log: [], audit_rows: [] }).toEqual({ ...copy, audit_log: [], audit_rows: [] });
    expect(live.audit_rows).toEqual(copy.audit_rows);

    const nurse = await addUser(core, connection, NURSE, ['nurse']);
    expect(await callErr(nurse.connection, 'backup/list', {})).toMatchObject({ code: 'forbidden' });
    expect(await callErr(nurse.connection, 'backup/run', {})).toMatchObject({ code: 'forbidden' });
    expect(await callErr(nurse.connection, 'backup/restore', { file: entry.file })).toMatchObject({ code: 'forbidden' });
    // Who asked for the backup is in the audit trail.
    expect(openRaw(databasePath).prepare(`SELECT actor FROM audit_log WHERE channel = 'backup/run'`).pluck().all()).toEqual([ADMIN.username]);
    core.close();
  });

  it('restores a backup row for row, keeping the replaced file aside with everything it held', async () => {
    const { core, connection, chart, databasePath, dataDir, clock } = await clinicCharting();
    await chart(4);
    const backup = await callOk(connection, 'backup/run', {});
    const backupPath = join(dataDir, 'backups', backup.file);
    await chart(3);
    const beforeRestore = rowsOf(databasePath);
    core.close();

    const { keptAsideAs } = restoreBackup(databasePath, backupPath, clock.now());
    expect(rowsOf(databasePath)).toEqual(rowsOf(backupPath));
    expect(keptAsideAs && existsSync(keptAsideAs)).toBeTruthy();
    expect(rowsOf(keptAsideAs ?? '')).toEqual(beforeRestore);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const { core, connection, databasePath, dataDir } = await clinicCharting();
    const backup = await callOk(connection, 'backup/run', {});
    core.close();
    const backupPath = join(dataDir, 'backups', backup.file);
    const { writeFileSync, readFileSync } = await import('node:fs');
    const bytes = readFileSync(backupPath);
    bytes.fill(0x55, 4096, 8192);
    writeFileSync(backupPath, bytes);
    const before = rowsOf(databasePath);
    expect(() => restoreBackup(databasePath, backupPath)).toThrow();
    expect(rowsOf(databasePath)).toEqual(before);
  });

  it('checks a written copy on the file check\'s worker: a whole copy gets the same result and high-water marks as on this thread, a damaged one is reported', async () => {
    const { core, connection, chart, dataDir } = await clinicCharting();
    await chart(3);
    const backup = await callOk(connection, 'backup/run', {});
    const backupPath = join(dataDir, 'backups', backup.file);
    const source = core.services.db;
    const whole = checkBackupInWorker(backupPath, source);
    // Answered later, by the worker: nothing was read on this thread.
    let settled = false;
    void whole.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    const onThisThread = checkBackupFile(backupPath);
    expect(await whole).toEqual({ check: 'ok', marks: onThisThread.marks });
    expect(onThisThread.marks.readings?.rows).toBeGreaterThan(0);

    const { writeFileSync, readFileSync } = await import('node:fs');
    const damagedPath = join(dataDir, 'damaged.sqlite3');
    const bytes = readFileSync(backupPath);
    bytes.fill(0x55, 4096, 8192);
    writeFileSync(damagedPath, bytes);
    const damaged = await checkBackupInWorker(damagedPath, source);
    expect(damaged.check).not.toBe('ok');
    expect(damaged).toEqual({ check: checkBackupFile(damagedPath).check, marks: {} });
    const notADatabase = join(dataDir, 'not-a-database.sqlite3');
    writeFileSync(notADatabase, 'A text file named like a backup, long enough to hold a header. '.repeat(100));
    expect(await checkBackupInWorker(notADatabase, source)).toEqual({ check: 'file is not a database', marks: {} });
    core.close();
  });

  it('tells the administrator at start when the file holds less than its newest backup', async () => {
    const { core, connection, chart, databasePath, dataDir, clock } = await clinicCharting();
    await chart(3);
    const older = await callOk(connection, 'backup/run', {});
    // The next day (retention keeps one a day, so both stay).
    clock.advance(24 * 60 * MINUTE);
    await chart(4);
    await callOk(connection, 'backup/run', {});
    core.close();
    // The file goes back to the older copy (as a lost disk, a restore by hand, or a dropped WAL tail would leave it).
    restoreBackup(databasePath, join(dataDir, 'backups', older.file), clock.now());

    const reopened = openTestCore(dataDir, clock);
    const admin = reopened.core.connect();
    await callOk(admin, 'auth/signIn', { username: 'ada.admin', pin: '246810' });
    const { shortfalls } = await callOk(admin, 'backup/list', {});
    expect(shortfalls).toContainEqual(expect.objectContaining({ table: 'readings', rowsNow: 1 + 3, rowsInBackup: 1 + 3 + 4 }));
    expect(reopened.logger.errors().map((entry) => entry.message)).toContain('the database holds less than its newest backup');
    reopened.core.close();
  });
});

describe('restore from the admin screen', () => {
  it('refuses while a session is open, a damaged backup, and a name that is not a listed backup; nothing changes', async () => {
    const { core, connection, chart, dataDir, databasePath, session } = await clinicCharting();
    await chart(2);
    const backup = await callOk(connection, 'backup/run', {});
    expect(await callErr(connection, 'backup/restore', { file: backup.file })).toMatchObject({ code: 'precondition_failed', reason: 'restore_sessions_open', params: { chairs: session.chair } });
    await callOk(connection, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Patient asked to stop' });
    const { readFileSync, writeFileSync } = await import('node:fs');
    const backupPath = join(dataDir, 'backups', backup.file);
    const good = readFileSync(backupPath);
    writeFileSync(backupPath, Buffer.from(good).fill(0x55, 4096, 8192));
    const before = rowsOf(databasePath);
    expect(await callErr(connection, 'backup/restore', { file: backup.file })).toMatchObject({ code: 'precondition_failed', reason: 'restore_backup_damaged' });
    expect(await callErr(connection, 'backup/restore', { file: '../vigil.sqlite3' })).toMatchObject({ code: 'invalid_request', field: 'file' });
    expect(await callErr(connection, 'backup/restore', { file: 'vigil-20250303-090000-000-manual.sqlite3' })).toMatchObject({ code: 'not_found' });
    expect(rowsOf(databasePath)).toEqual(before);
    // Still the same core, still signed in.
    expect((await callOk(connection, 'backup/list', {})).backups.map((entry) => entry.file)).toContain(backup.file);
    core.close();
  });

  it('puts the backup in place row for row, keeps the replaced file aside, reopens core on it and signs every window out', async () => {
    const { core, connection, chart, dataDir, databasePath, session, clock } = await clinicCharting();
    await chart(3);
    const backup = await callOk(connection, 'backup/run', {});
    const backupRows = rowsOf(join(dataDir, 'backups', backup.file));
    await chart(2);
    await callOk(connection, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Patient asked to stop' });
    const events: string[] = [];
    connection.onEvent((name) => events.push(name));
    const other = await signIn(core, ADMIN.username, ADMIN.pin);
    const told: { name: string; payload: unknown }[] = [];
    other.onEvent((name, payload) => told.push({ name, payload }));
    const replaced = rowsOf(databasePath);

    const result = await callOk(connection, 'backup/restore', { file: backup.file });
    expect(result).toMatchObject({ restoredFrom: backup.file, at: clock.now() });
    expect(result.auditEntriesNotRestored).toBeGreaterThanOrEqual(4);
    // The replaced file is kept aside with everything it held; the restored file is the backup, plus the restore's own entry.
    expect(rowsOf(result.keptAsideAs ?? '')).toEqual(replaced);
    const restored = rowsOf(databasePath);
    for (const [table, rows] of Object.entries(backupRows)) {
      if (table === 'audit_log' || table === 'audit_rows') expect(restored[table]?.slice(0, rows.length)).toEqual(rows);
      else expect(restored[table]).toEqual(rows);
    }
    expect(openRaw(databasePath).prepare(`SELECT actor FROM audit_log WHERE channel = 'backup/restored'`).pluck().all()).toEqual([ADMIN.username]);

    // Every window is told at once, by whom and when (no call needed), and is signed out on the same connection.
    expect(told.filter((event) => event.name === 'record/restored')).toEqual([
      { name: 'record/restored', payload: { at: clock.now(), byName: ADMIN.displayName, restoredFrom: backup.file, backupAt: backup.at } },
    ]);
    expect(events).toContain('record/restored');
    expect(connection.user).toBeNull();
    expect(await callErr(other, 'backup/list', {})).toMatchObject({ code: 'not_signed_in' });
    await callOk(connection, 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin });
    const status = await callOk(connection, 'backup/list', {});
    // No false alarm: the restore is said as a restore, not as a record found short.
    expect(status).toMatchObject({ shortfalls: [], auditShortfall: null, lastRestore: result });
    await expect.poll(() => core.integrity()).toMatchObject({ state: 'checked', result: { intact: true } });
    await expect.poll(async () => (await callOk(connection, 'backup/list', {})).backups.map((entry) => entry.reason)).toContain('after_restore');
    // Charting goes on in the restored file, and events reach the same window.
    const { session: next } = await openSession(connection);
    expect(next.id).toBeGreaterThan(0);
    expect(events).toContain('session/changed');
    core.close();
  });
});

describe('restore from the command line', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src-main/hosts/backup-cli.ts', ...args], { encoding: 'utf8' });

  it('refuses while a Vigil has the database open (its windows could not be told), changing nothing; with Vigil closed it restores', async () => {
    const { core, connection, chart, dataDir, databasePath, session } = await clinicCharting();
    await chart(2);
    const backup = await callOk(connection, 'backup/run', {});
    await callOk(connection, 'session/transition', { sessionId: session.id, action: 'abort', reason: 'Patient asked to stop' });
    // Read through SQLite: reading the file with fs in this process would drop the core's POSIX locks on it.
    const before = rowsOf(databasePath);

    const refused = cli('restore', '--data-dir', dataDir, '--from', backup.file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Vigil is running on');
    expect(refused.stderr).toContain('Restore from the Backups screen');
    expect(rowsOf(databasePath)).toEqual(before);
    expect((await callOk(connection, 'backup/list', {})).backups.map((entry) => entry.file)).toContain(backup.file);

    core.close();
    const restored = cli('restore', '--data-dir', dataDir, '--from', backup.file);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`Restored from ${join(dataDir, 'backups', backup.file)}`);
    // The record is the backup's: the abort charted after it is not in it.
    expect(openRaw(databasePath).prepare(`SELECT COUNT(*) FROM phase_events WHERE session_id = ? AND to_phase = 'aborted'`).pluck().get(session.id)).toBe(0);
  });

  it("honours the folder's lock: refused while a Vigil holds the folder, even before it has the database open", async () => {
    const { core, connection, dataDir, databasePath } = await clinicCharting();
    const backup = await callOk(connection, 'backup/run', {});
    core.close();
    const before = rowsOf(databasePath);
    // A Vigil starting: the folder is locked, its database not yet open.
    const starting = lockDataFolder(dataDir, databasePath);
    try {
      const refused = cli('restore', '--data-dir', dataDir, '--from', backup.file);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('Vigil is running on');
    } finally {
      starting.release();
    }
    expect(rowsOf(databasePath)).toEqual(before);
    expect(cli('restore', '--data-dir', dataDir, '--from', backup.file).status).toBe(0);
    // The restore let go of the folder: Vigil opens on it.
    openTestCore(dataDir).core.close();
  });
});

describe('a record shorter than its audit head', () => {
  it('says at start, to the administrator, that the file holds fewer acts than were acknowledged, and keeps the head found', async () => {
    const { core, chart, databasePath, dataDir, clock } = await clinicCharting();
    await chart(2);
    core.close();
    const { copyFileSync, readdirSync } = await import('node:fs');
    copyFileSync(databasePath, `${databasePath}.old`);
    const reopened = openTestCore(dataDir, clock);
    const admin = await signIn(reopened.core, ADMIN.username, ADMIN.pin);
    const session = (await callOk(admin, 'session/list', { scope: 'open' }))[0];
    for (let i = 0; i < 3; i += 1) await callOk(admin, 'reading/add', { sessionId: session?.session.id ?? 0, values: { heartRateBpm: 90 + i } });
    reopened.core.close();
    // An older copy of the file put back by hand (no -wal: the copy was taken closed).
    copyFileSync(`${databasePath}.old`, databasePath);

    const third = openTestCore(dataDir, clock);
    const connection = await signIn(third.core, ADMIN.username, ADMIN.pin);
    const { auditShortfall } = await callOk(connection, 'backup/list', {});
    expect(auditShortfall).not.toBeNull();
    expect((auditShortfall?.headSeq ?? 0) - (auditShortfall?.fileSeq ?? 0)).toBeGreaterThanOrEqual(4);
    expect(third.logger.errors().map((entry) => entry.message)).toContain('the record holds fewer audit entries than were acknowledged');
    expect(readdirSync(join(dataDir, 'backups')).some((name) => name.startsWith('audit-head.json.found-'))).toBe(true);
    // The background check of the record says it too (the record warning), although the sign-in has moved the head on.
    await expect.poll(() => third.core.integrity()).toMatchObject({ state: 'checked', result: { intact: false, firstBreak: { reason: 'truncated' } } });
    third.core.close();
  });
});

describe('backup retention', () => {
  it('keeps the newest backup of each of the last 14 days and of each of the last 12 months, never a failed one', () => {
    const DAY = 24 * 60 * MINUTE;
    // Three a day for 400 days, one of each day failed its check.
    const entries = Array.from({ length: 400 * 3 }, (_, i) => ({ at: T0 + Math.floor(i / 3) * DAY + (i % 3) * 60 * MINUTE, check: i % 3 === 2 ? 'page 3: damaged' : 'ok' }));
    const kept = retainedBackups(entries);
    expect(kept.every((entry) => entry.check === 'ok')).toBe(true);
    const days = new Set(kept.map((entry) => new Date(entry.at).toISOString().slice(0, 10)));
    const months = new Set(kept.map((entry) => new Date(entry.at).toISOString().slice(0, 7)));
    const newest = T0 + 399 * DAY + 60 * MINUTE;
    // Every good backup of the last 48 hours stays; before that, one a day.
    expect(kept.filter((entry) => entry.at >= newest - 2 * DAY)).toHaveLength(entries.filter((entry) => entry.check === 'ok' && entry.at >= newest - 2 * DAY).length);
    const older = kept.filter((entry) => entry.at < newest - 2 * DAY);
    expect(new Set(older.map((entry) => new Date(entry.at).toISOString().slice(0, 10))).size).toBe(older.length);
    expect(days.size).toBeLessThanOrEqual(14 + 12);
    expect(months.size).toBe(12);
    // The newest 14 days each keep their newest good backup (the second of the day).
    const newestDay = T0 + 399 * DAY;
    for (let d = 0; d < 14; d += 1) expect(kept).toContainEqual({ at: newestDay - d * DAY + 60 * MINUTE, check: 'ok' });
  });
});
