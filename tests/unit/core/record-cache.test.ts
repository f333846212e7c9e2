import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecordCaches, type RecordCaches } from '../../../src-main/core/record-cache';

let dir: string;
let db: Database;
let caches: RecordCaches;
let reads: number;

/** A memo of one rule's limit, counting how often it reads the file. */
function limitMemo() {
  const select = db.prepare<[string], { limit_value: number }>('SELECT limit_value FROM rules WHERE id = ?');
  return caches.memo(['rules'], (id: string) => {
    reads += 1;
    return { limit: select.get(id)?.limit_value ?? null };
  });
}

const setLimit = (id: string, value: number) => db.prepare('UPDATE rules SET limit_value = ? WHERE id = ?').run(value, id);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-record-cache-'));
  db = new BetterSqlite3(join(dir, 'cache.sqlite3'));
  db.pragma('journal_mode = WAL');
  db.exec("CREATE TABLE rules (id TEXT PRIMARY KEY, limit_value REAL NOT NULL); CREATE TABLE other (v INTEGER); INSERT INTO rules VALUES ('sbp', 180), ('hr', 120);");
  caches = createRecordCaches(db);
  reads = 0;
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('record caches', () => {
  it('read the file once per key until the table is written, by any statement; other tables leave them be', () => {
    const memo = limitMemo();
    expect(memo.get('sbp')).toEqual({ limit: 180 });
    expect(memo.get('sbp')).toEqual({ limit: 180 });
    expect(memo.get('hr')).toEqual({ limit: 120 });
    expect(reads).toBe(2);
    db.prepare('INSERT INTO other VALUES (1)').run();
    expect(memo.get('sbp')).toEqual({ limit: 180 });
    expect(reads).toBe(2);
    setLimit('sbp', 170);
    expect(memo.get('sbp')).toEqual({ limit: 170 });
    expect(reads).toBe(3);
    db.prepare("DELETE FROM rules WHERE id = 'hr'").run();
    expect(memo.get('hr')).toEqual({ limit: null });
  });

  it('never keep what a transaction wrote before it ends: a rolled-back change is not served afterwards', () => {
    const memo = limitMemo();
    expect(memo.get('sbp').limit).toBe(180);
    db.exec('BEGIN IMMEDIATE');
    setLimit('sbp', 150);
    // Inside the writing transaction the change is seen (read afresh, not kept).
    expect(memo.get('sbp').limit).toBe(150);
    expect(memo.get('sbp').limit).toBe(150);
    db.exec('ROLLBACK');
    expect(memo.get('sbp').limit).toBe(180);
    // A savepoint rolled back inside a transaction that goes on, as a failed nested db.transaction does.
    db.exec('BEGIN IMMEDIATE');
    db.exec('SAVEPOINT inner');
    setLimit('sbp', 140);
    expect(memo.get('sbp').limit).toBe(140);
    db.exec('ROLLBACK TO inner; RELEASE inner');
    expect(memo.get('sbp').limit).toBe(180);
    db.exec('COMMIT');
    expect(memo.get('sbp').limit).toBe(180);
  });

  it('keep values again once the writing transaction has ended (settled at the end of an act, or at the next read outside one)', () => {
    const memo = limitMemo();
    db.exec('BEGIN IMMEDIATE');
    setLimit('sbp', 160);
    db.exec('COMMIT');
    caches.settle();
    db.exec('BEGIN IMMEDIATE');
    reads = 0;
    memo.get('sbp');
    memo.get('sbp');
    expect(reads).toBe(1);
    db.exec('COMMIT');
  });

  it('hand out frozen values: a caller cannot change what the next one reads', () => {
    const memo = caches.memo(['rules'], () => [{ id: 'sbp' }]);
    const rules = memo.get(undefined);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules[0])).toBe(true);
    expect(() => (rules as { id: string }[]).push({ id: 'x' })).toThrow(TypeError);
  });
});
