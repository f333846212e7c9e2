import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert';
import { verifyDataDir } from '../support/audit-files';
import { useTempDirs } from '../support/temp-dir';
import { ADMIN, addUser, callOk, MINUTE, NURSE, openRaw, openSession, openTestCore, passingAssessment, readyToStart, setUpAdmin } from '../support/test-core';

/**
 * Tamper trials: a seeded record (a whole session, users, patients, alerts) is copied, one
 * change is made to the copy with plain SQLite (as someone with the file would), and the
 * audit's verify must report it. The trials are random over tables, rows and columns.
 */
const dirs = useTempDirs('all');
let seeded = '';
let earlier = '';

async function seed(dataDir: string, earlierCopy: string): Promise<void> {
  const t = openTestCore(dataDir);
  const { connection: staff } = await setUpAdmin(t.core);
  const nurse = await addUser(t.core, staff, NURSE, ['nurse']);
  const { session } = await openSession(nurse.connection);
  await readyToStart(nurse.connection, session.id);
  await callOk(staff, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
  // An earlier state of the file: what a restore of an old copy would bring back.
  t.core.close();
  cpSync(dataDir, earlierCopy, { recursive: true });
  const again = openTestCore(dataDir, t.clock);
  const doctor = again.core.connect();
  await callOk(doctor, 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin });
  again.clock.advance(5 * MINUTE);
  const alert = (await callOk(doctor, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 155 } })).alerts[0] as Alert;
  await callOk(doctor, 'alert/acknowledge', { alertId: alert.id, note: 'seen' });
  await openSession(doctor);
  await callOk(doctor, 'session/get', { sessionId: session.id });
  await callOk(doctor, 'session/transition', { sessionId: session.id, action: 'stopInfusion' });
  again.clock.advance(60 * MINUTE);
  await callOk(doctor, 'discharge/assess', passingAssessment(session.id));
  again.core.close();
}

beforeAll(async () => {
  seeded = dirs.make();
  earlier = join(dirs.make(), 'earlier');
  await seed(seeded, earlier);
});

function copyOfSeed(): string {
  const dir = dirs.make();
  cpSync(seeded, dir, { recursive: true });
  return dir;
}


/** Runs `sql` on the copy with the append-only triggers of `table` dropped, then puts them back as they were. */
function withoutTriggers(dir: string, table: string, change: (db: ReturnType<typeof openRaw>) => void): void {
  const db = openRaw(join(dir, 'vigil.sqlite3'));
  try {
    const triggers = db.prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table);
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
    change(db);
    for (const trigger of triggers) db.exec(trigger.sql);
  } finally {
    db.close();
  }
}

const TAMPERED_TABLES = ['audit_log', 'readings', 'patients', 'sessions', 'users', 'user_versions', 'alerts', 'alert_events', 'phase_events', 'dose_orders'] as const;

describe('verify', () => {
  it('finds the untouched seeded record intact, every row vouched for', () => {
    const result = verifyDataDir(copyOfSeed());
    expect(result.firstBreak).toBeNull();
    expect(result.intact).toBe(true);
    expect(result.rows).toBeGreaterThan(10);
    expect(result.recordRows).toBeGreaterThan(20);
  });

  it('reports a changed byte in any row of any table (random trials)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TAMPERED_TABLES), fc.nat(), fc.nat(), fc.nat(), (table, rowPick, columnPick, charPick) => {
        const dir = copyOfSeed();
        let changed = '';
        withoutTriggers(dir, table, (db) => {
          const rows = db.prepare(`SELECT rowid AS rid, * FROM ${table}`).all() as Record<string, unknown>[];
          const row = rows[rowPick % rows.length] as Record<string, unknown>;
          const columns = Object.keys(row).filter((c) => c !== 'rid' && c !== 'id' && c !== 'seq' && row[c] !== null);
          for (let i = 0; i < columns.length && !changed; i += 1) {
            const column = columns[(columnPick + i) % columns.length] as string;
            const value = row[column];
            const next =
              typeof value === 'number' ? value + 1 : String(value).slice(0, charPick % String(value).length) + (String(value)[charPick % String(value).length] === 'x' ? 'y' : 'x') + String(value).slice((charPick % String(value).length) + 1);
            try {
              db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`).run(next, row.rid);
              changed = `${table}.${column}#${String(row.rid)}`;
            } catch {
              // A CHECK or UNIQUE constraint refused this change; try the next column.
            }
          }
        });
        expect(changed, 'some column could be changed').not.toBe('');
        const result = verifyDataDir(dir);
        expect(result.intact, changed).toBe(false);
        // rows_json (the entry's inline row digests) is vouched for through rows_digest: editing it breaks the entry's rows.
        expect(result.firstBreak?.reason, changed).toMatch(table === 'audit_log' ? /entry_(altered|unlinked|rows_altered)/ : /row_changed/);
      }),
      { numRuns: 40 },
    );
  });

  it('reports a deleted row of any table (random trials)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TAMPERED_TABLES, 'audit_rows'), fc.nat(), (table, rowPick) => {
        const dir = copyOfSeed();
        withoutTriggers(dir, table, (db) => {
          db.pragma('foreign_keys = OFF');
          // audit_rows has no rowid (its key is the entry, table and row).
          const key = table === 'audit_rows' ? 'seq || tbl || rid' : 'rowid';
          const keys = db.prepare(`SELECT ${key} AS k FROM ${table}`).all() as { k: unknown }[];
          db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run((keys[rowPick % keys.length] as { k: unknown }).k);
        });
        const result = verifyDataDir(dir);
        expect(result.intact, table).toBe(false);
        expect(result.breaks.map((b) => b.reason)).toEqual(expect.arrayContaining([table === 'audit_log' ? expect.stringMatching(/entry_missing|truncated|row_unaudited/) : table === 'audit_rows' ? 'entry_rows_altered' : 'row_missing']));
      }),
      { numRuns: 20 },
    );
  });

  it('reports a backdated reading forged under a physician with the triggers dropped and recreated', () => {
    const dir = copyOfSeed();
    withoutTriggers(dir, 'readings', (db) => {
      db.exec(
        `INSERT INTO readings (session_id, observed_at, recorded_at, recorded_by, heart_rate_bpm) SELECT session_id, observed_at - 60000, recorded_at, 1, 70 FROM readings ORDER BY id LIMIT 1`,
      );
    });
    expect(verifyDataDir(dir).firstBreak).toMatchObject({ seq: null, reason: 'row_unaudited', table: 'readings' });
  });

  it('reports a file put back to an earlier copy (shorter than the head written beside the backups)', () => {
    const dir = copyOfSeed();
    copyFileSync(join(earlier, 'vigil.sqlite3'), join(dir, 'vigil.sqlite3'));
    const result = verifyDataDir(dir);
    expect(result.firstBreak?.reason).toBe('truncated');
    // The earlier copy is itself whole: only the head shows it is not the latest.
    expect(result.breaks).toHaveLength(1);
  });

  it('warns at start-up: the admin is told through audit/verify and the core keeps the result', async () => {
    const dir = copyOfSeed();
    withoutTriggers(dir, 'users', (db) => db.exec(`UPDATE users SET roles_json = '["nurse","physician","admin"]' WHERE username = '${NURSE.username}'`));
    const t = openTestCore(dir);
    try {
      await expect.poll(() => t.core.integrity().state).toBe('checked');
      const integrity = t.core.integrity();
      expect(integrity.state === 'checked' && integrity.result.firstBreak).toMatchObject({ reason: 'row_changed', table: 'users' });
      const admin = t.core.connect();
      await callOk(admin, 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin });
      expect(await callOk(admin, 'audit/status', {})).toMatchObject({ state: 'broken', firstBreak: { reason: 'row_changed', table: 'users' } });
      const answer = await callOk(admin, 'audit/verify', {});
      expect(answer).toMatchObject({ intact: false, firstBreak: { reason: 'row_changed' } });
      expect(t.logger.errors().map((e) => e.message)).toContain('the record does not match its audit trail');
    } finally {
      t.core.close();
    }
  });
});
