import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyDataDir } from '../support/audit-files';
import { useTempDirs } from '../support/temp-dir';
import { ADMIN, callOk, MINUTE, openRaw, openSession, openTestCore, readyToStart, setUpAdmin } from '../support/test-core';

/**
 * Migration 11: an entry keeps its row digests inline (`audit_log.rows_json`), except the rows
 * of tables looked up by (table, rowid), which stay in `audit_rows`. Old entries (rows in
 * `audit_rows` only) still verify, and an edited `rows_json` is reported, never trusted.
 */
const dirs = useTempDirs('all');
let seeded = '';
/** The audit entry of the seed's last charted reading, and that reading's id. */
let readingSeq = 0;
let readingId = 0;

beforeAll(async () => {
  seeded = dirs.make();
  const t = openTestCore(seeded);
  try {
    const { connection } = await setUpAdmin(t.core);
    const { session } = await openSession(connection);
    await readyToStart(connection, session.id);
    t.clock.advance(MINUTE);
    readingId = (await callOk(connection, 'reading/add', { sessionId: session.id, values: { heartRateBpm: 155 } })).reading.id;
  } finally {
    t.core.close();
  }
  const db = openRaw(join(seeded, 'vigil.sqlite3'));
  try {
    readingSeq = (db.prepare("SELECT MAX(seq) AS s FROM audit_log WHERE channel = 'reading/add'").get() as { s: number }).s;
  } finally {
    db.close();
  }
});

function copyOfSeed(): string {
  const dir = dirs.make();
  cpSync(seeded, dir, { recursive: true });
  return dir;
}


/** Edits the copy with plain SQLite, the audit tables' append-only triggers dropped (as someone with the file could). */
function edit(dir: string, change: (db: ReturnType<typeof openRaw>) => void): void {
  const db = openRaw(join(dir, 'vigil.sqlite3'));
  try {
    const triggers = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_rows', 'readings')").all();
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
    change(db);
    for (const trigger of triggers) db.exec(trigger.sql);
  } finally {
    db.close();
  }
}

const rowsJsonOf = (db: ReturnType<typeof openRaw>, seq: number) => (db.prepare('SELECT rows_json FROM audit_log WHERE seq = ?').get(seq) as { rows_json: string | null }).rows_json;

describe('audit entries with their rows inline (migration 11)', () => {
  it('keeps a charted reading’s row digests in its entry, not in audit_rows; a user’s rows stay indexed by rowid', () => {
    const db = openRaw(join(seeded, 'vigil.sqlite3'));
    try {
      const inline = JSON.parse(rowsJsonOf(db, readingSeq) ?? 'null') as [string, number, string][];
      expect(inline).toContainEqual(['readings', readingId, expect.stringMatching(/^[0-9a-f]{64}$/)]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM audit_rows WHERE seq = ?').get(readingSeq)).toEqual({ n: 0 });
      // The first account's rows, looked up at every sign-in, are in audit_rows with their entry.
      expect((db.prepare("SELECT COUNT(*) AS n FROM audit_rows WHERE tbl IN ('users', 'user_versions')").get() as { n: number }).n).toBeGreaterThanOrEqual(2);
      expect((db.prepare("SELECT COUNT(*) AS n FROM audit_entry_rows WHERE tbl IN ('users', 'user_versions') AND seq IN (SELECT seq FROM audit_log WHERE rows_json LIKE '%\"users\"%')").get() as { n: number }).n).toBe(0);
      // The view lists both places: every inline row once.
      expect((db.prepare('SELECT COUNT(*) AS n FROM audit_entry_rows WHERE seq = ?').get(readingSeq) as { n: number }).n).toBe(inline.length);
    } finally {
      db.close();
    }
    expect(verifyDataDir(copyOfSeed())).toMatchObject({ intact: true, firstBreak: null });
  });

  it('still verifies an entry written before migration 11 (its rows in audit_rows only), and still checks the rows it vouches for', () => {
    const dir = copyOfSeed();
    edit(dir, (db) => {
      const rows = JSON.parse(rowsJsonOf(db, readingSeq) as string) as [string, number, string][];
      for (const [tbl, rid, digest] of rows) db.prepare('INSERT INTO audit_rows (seq, tbl, rid, digest) VALUES (?, ?, ?, ?)').run(readingSeq, tbl, rid, digest);
      db.prepare('UPDATE audit_log SET rows_json = NULL WHERE seq = ?').run(readingSeq);
    });
    expect(verifyDataDir(dir)).toMatchObject({ intact: true, firstBreak: null });
    edit(dir, (db) => db.prepare('UPDATE readings SET heart_rate_bpm = 95 WHERE id = ?').run(readingId));
    expect(verifyDataDir(dir).firstBreak).toMatchObject({ reason: 'row_changed', table: 'readings', rowid: readingId, seq: readingSeq });
  });

  it('checks a reading against the digest kept inline: a changed or deleted reading is reported at its entry', () => {
    const changed = copyOfSeed();
    edit(changed, (db) => db.prepare('UPDATE readings SET heart_rate_bpm = 95 WHERE id = ?').run(readingId));
    expect(verifyDataDir(changed).firstBreak).toMatchObject({ reason: 'row_changed', table: 'readings', rowid: readingId, seq: readingSeq });
    const deleted = copyOfSeed();
    edit(deleted, (db) => {
      db.pragma('foreign_keys = OFF');
      db.prepare('DELETE FROM readings WHERE id = ?').run(readingId);
    });
    expect(verifyDataDir(deleted).breaks).toContainEqual({ reason: 'row_missing', table: 'readings', rowid: readingId, seq: readingSeq });
  });

  const hostile: [string, (json: string) => string][] = [
    ['not JSON', () => '[["readings",'],
    ['JSON of another shape', () => '{"readings": 1}'],
    ['a row without its digest', (json) => JSON.stringify((JSON.parse(json) as unknown[][]).map((row) => row.slice(0, 2)))],
    ['a digest replaced', (json) => JSON.stringify((JSON.parse(json) as [string, number, string][]).map(([t, r]) => [t, r, '0'.repeat(64)]))],
    ['a row left out', (json) => JSON.stringify((JSON.parse(json) as unknown[]).slice(1))],
    ['a row named twice', (json) => JSON.stringify([...(JSON.parse(json) as unknown[]), (JSON.parse(json) as unknown[])[0]])],
    ['a row of another reading added', (json) => JSON.stringify([...(JSON.parse(json) as unknown[]), ['readings', 1, '1'.repeat(64)]])],
  ];
  for (const [what, tamper] of hostile) {
    it(`reports an entry whose inline rows were edited (${what}) without failing the check, the audit screen or sign-in`, async () => {
      const dir = copyOfSeed();
      edit(dir, (db) => db.prepare('UPDATE audit_log SET rows_json = ? WHERE seq = ?').run(tamper(rowsJsonOf(db, readingSeq) as string), readingSeq));
      const result = verifyDataDir(dir);
      expect(result.intact).toBe(false);
      expect(result.breaks).toContainEqual({ seq: readingSeq, reason: 'entry_rows_altered' });
      // The app opens on it, signs the admin in (her rows are vouched for in audit_rows) and lists the entry.
      const t = openTestCore(dir);
      try {
        const admin = t.core.connect();
        await callOk(admin, 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin });
        const entries = await callOk(admin, 'audit/list', { channel: 'reading/add', limit: 5 });
        expect(entries.map((entry) => entry.seq)).toContain(readingSeq);
      } finally {
        t.core.close();
      }
    });
  }
});
