import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryHash, rowsDigest, type RowRef } from '../../../src-main/core/audit/chain';
import { entryRowsRecord, inlineRowsJson, LOOKED_UP_TABLES } from '../../../src-main/core/audit/inline-rows';
import { rowDigest, rowReader, type SqlValue } from '../../../src-main/core/audit/row-capture';

/**
 * What the audit stores must not change with how fast it is computed: files written before
 * keep verifying, and files written now verify with the same code. Golden values were
 * computed by main at 6470d8b (before the fast paths); the properties hold the fast paths to
 * the plain formulas they replace.
 */

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const GOLDEN_ROWS: RowRef[] = [
  { tbl: 'users', rid: 2, digest: 'a'.repeat(64) },
  { tbl: 'readings', rid: 10, digest: 'b'.repeat(64) },
  { tbl: 'readings', rid: 9, digest: 'c'.repeat(64) },
];

/** The row digest as first written: every value through the canonical form, then SHA-256 of the JSON. */
function plainRowDigest(table: string, rowid: number, values: readonly SqlValue[]): string {
  const canonical = values.map((value) => (Buffer.isBuffer(value) ? { blob: value.toString('hex') } : typeof value === 'bigint' ? { int: value.toString() } : value));
  return createHash('sha256').update(JSON.stringify([table, rowid, canonical])).digest('hex');
}

const sqlValue: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.bigInt(),
  fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes)),
);

const tableName = fc.constantFrom('readings', 'alert_state', 'alert_events', 'alerts', 'sessions', ...LOOKED_UP_TABLES);
const digest = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));
/** An act's rows as capture hands them over: unique (table, rowid), in (table, rowid) order. */
const capturedRows = fc
  .uniqueArray(fc.record({ tbl: tableName, rid: fc.integer({ min: 1, max: 1_000_000 }), digest }), { selector: (row) => `${row.tbl}:${row.rid}`, maxLength: 8 })
  .map((rows) => [...rows].sort((a, b) => (a.tbl === b.tbl ? a.rid - b.rid : a.tbl < b.tbl ? -1 : 1)));

describe('audit digests', () => {
  it('are byte-identical to the values main wrote before the fast paths', () => {
    expect(
      rowDigest('readings', 7, [7, 1, 1767600000000, 72, 98.6, 'é "quoted"\n\u2028 😀', null, Buffer.from([0, 255, 16]), 12345678901234567890n, -0, 1e21]),
    ).toBe('3257330e556086147640dd64fd8646e7020774ab58cb651e0db5eb5bd9166a88');
    expect(rowDigest('alert_state', 1, [])).toBe('ba5363698bbb0b355fe745d1e230875d4443a607df62b2511cafdef3fd5348cc');
    expect(rowsDigest(GOLDEN_ROWS)).toBe('78ba6945621eeb0b94ebc1aab286a052be35713b6c5e7e7d66e31638efcf5cfa');
    expect(rowsDigest([])).toBe('4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945');
    expect(
      entryHash(KEY, '0'.repeat(64), {
        seq: 1,
        at: 1767600000000,
        actorUserId: null,
        actor: 'système',
        channel: 'reading/add',
        kind: 'write',
        outcome: 'ok',
        detailJson: '{"values":{"heartRateBpm":72}}',
        rowsDigest: rowsDigest(GOLDEN_ROWS),
      }),
    ).toBe('c643caf041dde1bcd112573cceec46cdd31bca53616193b69d864b03da762c7c');
  });

  it('digest a row exactly as the plain formula does, for any values (blobs, 64-bit integers, any text)', () => {
    fc.assert(
      fc.property(tableName, fc.integer({ min: 1, max: 2 ** 40 }), fc.array(sqlValue, { maxLength: 20 }), (table, rowid, values) => {
        expect(rowDigest(table, rowid, values)).toBe(plainRowDigest(table, rowid, values));
      }),
      { numRuns: 500 },
    );
  });

  it('store an entry\'s rows as rowsDigest and inlineRowsJson do: one digest over all, the looked-up ones in audit_rows', () => {
    fc.assert(
      fc.property(capturedRows, fc.boolean(), (rows, inline) => {
        const record = entryRowsRecord(rows, inline);
        expect(record.rowsDigest).toBe(rowsDigest(rows));
        if (inline) {
          expect(record.rowsJson).toBe(inlineRowsJson(rows.filter((row) => !LOOKED_UP_TABLES.has(row.tbl))));
          expect(record.indexed).toEqual(rows.filter((row) => LOOKED_UP_TABLES.has(row.tbl)));
        } else {
          expect(record.rowsJson).toBeNull();
          expect(record.indexed).toEqual(rows);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('read a row back with the values the whole-row select gives, and nothing for a row that is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-audit-digests-'));
    const db = new BetterSqlite3(join(dir, 'rows.sqlite3'));
    try {
      db.exec('CREATE TABLE mixed (id INTEGER PRIMARY KEY, label TEXT, amount REAL, payload BLOB, anything)');
      const insert = db.prepare('INSERT INTO mixed (id, label, amount, payload, anything) VALUES (?, ?, ?, ?, ?)');
      insert.run(3, 'é "q"', 98.6, Buffer.from([1, 2]), null);
      insert.run(9, null, null, null, 'text');
      insert.run(12, '', -0.5, Buffer.alloc(0), 2 ** 53 + 2);
      const whole = db.prepare('SELECT rowid AS __rid, * FROM main."mixed" WHERE rowid = ?').raw(true);
      const read = rowReader(db, 'mixed');
      for (const rowid of [3, 9, 12]) expect(read(rowid)).toEqual((whole.get(rowid) as SqlValue[]).slice(1));
      db.prepare('DELETE FROM mixed WHERE id = 9').run();
      expect(read(9)).toBeNull();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
