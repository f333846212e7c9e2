import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../src-main/core/db/errors';
import { migrate, schemaVersion } from '../../../src-main/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../../src-main/core/db/migrations';

const open: Database[] = [];
function memoryDb(): Database {
  const db = new BetterSqlite3(':memory:');
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const tables = (db: Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

const TOY: Migration[] = [
  { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER);' },
  { version: 2, name: 'two', sql: 'CREATE TABLE b (y INTEGER);' },
];

describe('migrate', () => {
  it('numbers the shipped migrations 1..N and reports N as the latest', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('applies the shipped migrations to an empty database', () => {
    const db = memoryDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db, ':memory:')).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['alert_events', 'alerts', 'patients', 'phase_events', 'readings', 'sessions', 'users']));
  });

  it('applies only what is pending, and nothing on a second run', () => {
    const db = memoryDb();
    expect(migrate(db, 'toy', TOY.slice(0, 1))).toBe(1);
    db.exec('INSERT INTO a VALUES (7)');
    expect(migrate(db, 'toy', TOY)).toBe(2);
    expect(migrate(db, 'toy', TOY)).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(db.prepare('SELECT x FROM a').pluck().all()).toEqual([7]);
  });

  it('leaves the file at a whole version when a migration fails half-way', () => {
    const db = memoryDb();
    const broken: Migration[] = [...TOY, { version: 3, name: 'broken', sql: 'CREATE TABLE c (z INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, 'toy', broken)).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('refuses migrations that are not numbered 1, 2, 3... before touching the file', () => {
    const db = memoryDb();
    const gap: Migration[] = [TOY[0] as Migration, { version: 3, name: 'three', sql: 'CREATE TABLE c (z INTEGER);' }];
    expect(() => migrate(db, 'toy', gap)).toThrow(/numbered 3, expected 2/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('refuses a database newer than the code, saying what to do', () => {
    const db = memoryDb();
    db.pragma('user_version = 5');
    let thrown: unknown;
    try {
      migrate(db, '/data/vigil.sqlite3', TOY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError);
    expect(thrown).toMatchObject({ fileVersion: 5, codeVersion: 2, path: '/data/vigil.sqlite3' });
    expect((thrown as Error).message).toMatch(/version 5.*up to version 2.*Install the newer Vigil/);
    expect(tables(db)).toEqual([]);
  });
});
