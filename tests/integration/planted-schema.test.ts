import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { restoreBackup } from '../../src-main/core/backup/restore';
import { DatabaseCorruptError } from '../../src-main/core/db/errors';
import { migrate } from '../../src-main/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src-main/core/db/migrations';
import { useTempDirs } from '../support/temp-dir';
import { callErr, callOk, databasePathIn, openError, openRaw, openSession, openTestCore, readyToStart, setUpAdmin } from '../support/test-core';

const dirs = useTempDirs();

/** A trigger someone with the file could plant: every alert Vigil raises would be resolved as it is written (a silent alarm). */
const HUSH = "CREATE TRIGGER hush AFTER INSERT ON alert_state BEGIN UPDATE alert_state SET resolved_at = NEW.alert_id, resolved_reason = 'cleared' WHERE alert_id = NEW.alert_id; END";

async function closedClinic(): Promise<{ dataDir: string; path: string }> {
  const dataDir = dirs.make();
  const { core } = openTestCore(dataDir);
  await setUpAdmin(core);
  core.close();
  return { dataDir, path: databasePathIn(dataDir) };
}

function plant(path: string, sql: string): void {
  const db = openRaw(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

const auditEntries = (path: string) => openRaw(path).prepare('SELECT count(*) FROM audit_log').pluck().get();

describe('a record file carrying code Vigil did not write', () => {
  it('is refused at start when it holds a trigger Vigil did not create, naming it, and nothing is written', async () => {
    const { dataDir, path } = await closedClinic();
    plant(path, HUSH);
    const entries = auditEntries(path);
    const bytes = readFileSync(path);

    const error = openError(dataDir);
    expect(error).toBeInstanceOf(DatabaseCorruptError);
    expect((error as DatabaseCorruptError).problems).toEqual(['a trigger Vigil did not create: hush on alert_state']);
    expect(error.message).toContain('Restore it from a backup');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(auditEntries(path)).toBe(entries);
  });

  it("is refused when one of Vigil's own triggers has had its code replaced", async () => {
    const { dataDir, path } = await closedClinic();
    // The append-only guard of readings, swapped for one that lets every change through.
    plant(path, 'DROP TRIGGER readings_no_update; CREATE TRIGGER readings_no_update BEFORE UPDATE ON readings BEGIN SELECT 1; END');
    expect((openError(dataDir) as DatabaseCorruptError).problems).toEqual(["trigger readings_no_update differs from Vigil's own"]);
  });

  it("is refused when a table or index of Vigil's has a different definition", async () => {
    const { dataDir, path } = await closedClinic();
    // One correction per reading, no longer enforced: the same name, not unique.
    plant(path, 'DROP INDEX readings_supersedes; CREATE INDEX readings_supersedes ON readings(supersedes_id) WHERE supersedes_id IS NOT NULL');
    expect((openError(dataDir) as DatabaseCorruptError).problems).toEqual(["index readings_supersedes differs from Vigil's own"]);
  });

  it("opens with another program's own table, index and view beside Vigil's", async () => {
    const { dataDir, path } = await closedClinic();
    plant(path, 'CREATE TABLE notes_of_it (id INTEGER PRIMARY KEY, note TEXT); CREATE INDEX notes_of_it_note ON notes_of_it(note); CREATE VIEW reading_count AS SELECT count(*) AS n FROM readings');
    openTestCore(dataDir).core.close();
  });

  it('checks a file of an older schema against that version, before its migrations run', () => {
    const dataDir = dirs.make();
    const path = databasePathIn(dataDir);
    const older = new BetterSqlite3(path);
    migrate(older, path, MIGRATIONS.slice(0, 6));
    older.close();
    // Untouched, it opens and is migrated to the latest version.
    openTestCore(dataDir).core.close();
    expect(openRaw(path).pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);

    const plantedDir = dirs.make();
    const plantedPath = databasePathIn(plantedDir);
    const planted = new BetterSqlite3(plantedPath);
    migrate(planted, plantedPath, MIGRATIONS.slice(0, 6));
    planted.exec(HUSH);
    planted.close();
    expect((openError(plantedDir) as DatabaseCorruptError).problems).toEqual(['a trigger Vigil did not create: hush on alert_state']);
    // Refused before the first migration: the file stays at its version.
    expect(openRaw(plantedPath).pragma('user_version', { simple: true })).toBe(6);
  });

  it("still opens a file that lost one of Vigil's triggers (no foreign code runs; verify reports the rows it no longer guarded)", async () => {
    const { dataDir, path } = await closedClinic();
    plant(path, 'DROP TRIGGER readings_no_update');
    const { core } = openTestCore(dataDir);
    core.close();
  });

  it('a backup carrying a planted trigger is not restored, and the current file stays as it was', async () => {
    const { path } = await closedClinic();
    const backupPath = join(dirs.make(), 'planted-backup.sqlite3');
    const copy = openRaw(path);
    copy.exec(`VACUUM INTO '${backupPath}'`);
    copy.close();
    plant(backupPath, HUSH);
    const before = readFileSync(path);

    expect(() => restoreBackup(path, backupPath)).toThrow(/a trigger Vigil did not create: hush on alert_state/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('a trigger planted by another program while Vigil has the file open', () => {
  it('refuses every act from then on, writing nothing, until the trigger is gone; other schema changes do not stop charting', async () => {
    const dataDir = dirs.make();
    const { core } = openTestCore(dataDir);
    const { connection } = await setUpAdmin(core);
    const { session } = await openSession(connection);
    await readyToStart(connection, session.id);
    const other = openRaw(databasePathIn(dataDir));
    try {
      // An index is not code that runs on Vigil's writes: charting goes on.
      other.exec('CREATE INDEX someone_elses_index ON readings(heart_rate_bpm)');
      await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 80 } });

      other.exec(HUSH);
      const readings = other.prepare('SELECT count(*) FROM readings').pluck();
      const entries = other.prepare('SELECT count(*) FROM audit_log').pluck();
      const before = { readings: readings.get(), entries: entries.get() };
      const refused = await callErr(connection, 'reading/add', { sessionId: session.id, values: { systolicMmHg: 230, diastolicMmHg: 130 }, confirmed: ['systolicMmHg', 'diastolicMmHg'] });
      expect(refused).toMatchObject({ code: 'storage_damaged' });
      expect(refused.message).toContain('nothing was saved');
      expect(await callErr(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 81 } })).toMatchObject({ code: 'storage_damaged' });
      expect({ readings: readings.get(), entries: entries.get() }).toEqual(before);
      // The record can still be read (a view that cannot be recorded is logged instead).
      expect((await callOk(connection, 'session/get', { sessionId: session.id })).session.id).toBe(session.id);

      other.exec('DROP TRIGGER hush');
      const { alerts } = await callOk(connection, 'reading/add', { sessionId: session.id, values: { systolicMmHg: 230, diastolicMmHg: 130 }, confirmed: ['systolicMmHg', 'diastolicMmHg'] });
      expect(alerts.length).toBeGreaterThan(0);
      expect(alerts.every((alert) => alert.state === 'active')).toBe(true);
    } finally {
      other.close();
      core.close();
    }
  });
});

describe('a row changed by another program while Vigil has the file open', () => {
  it('is found at the next act, not at the next start: the record is checked against its trail at once', async () => {
    const dataDir = dirs.make();
    const { core, logger } = openTestCore(dataDir);
    const { connection } = await setUpAdmin(core);
    const { session } = await openSession(connection);
    await readyToStart(connection, session.id);
    await vi.waitFor(async () => expect((await callOk(connection, 'audit/status', {})).state).toBe('intact'));
    // Vigil's own acts are not someone else's change.
    for (let i = 0; i < 5; i++) await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 70 + i } });
    expect(logger.errors()).toEqual([]);

    const other = openRaw(databasePathIn(dataDir));
    try {
      // The standard protocol's dose, 0.5 -> 0.55 mg/kg, its guard dropped and put back as it was.
      const guards = other.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'protocols'").all();
      other.exec("DROP TRIGGER protocols_no_update; DROP TRIGGER IF EXISTS protocols_no_delete");
      other.exec('UPDATE protocols SET dose_per_kg = dose_per_kg + 0.05 WHERE id = 1');
      for (const guard of guards) other.exec(guard.sql);
    } finally {
      other.close();
    }
    expect((await callOk(connection, 'audit/status', {})).state).toBe('intact');
    await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 80 } });
    await vi.waitFor(async () => expect(await callOk(connection, 'audit/status', {})).toMatchObject({ state: 'broken', firstBreak: { reason: 'row_changed', table: 'protocols', rowid: 1 } }));
    expect(logger.errors().map((entry) => entry.message)).toEqual([
      'the record file was changed by another program while Vigil ran: checking it against its audit trail now',
      'the record does not match its audit trail',
    ]);
    core.close();
  });
});
