import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit entry says, besides its place in the chain. */
export interface AuditEntryFields {
  seq: number;
  at: number;
  actorUserId: number | null;
  /** The username acting (or attempted, for a failed sign-in), or `system`. */
  actor: string;
  channel: string;
  kind: AuditKind;
  /** `ok`, or the error code the caller was answered with (a failed sign-in is recorded). */
  outcome: string;
  detailJson: string;
  rowsDigest: string;
}

export type AuditKind = 'write' | 'view' | 'system';

export interface RowRef {
  tbl: string;
  rid: number;
  digest: string;
}

/** A copy of the rows in (table, rowid) order: the order an entry's rows are hashed and kept in. */
export function sortedRows(rows: readonly RowRef[]): RowRef[] {
  return [...rows].sort((a, b) => (a.tbl === b.tbl ? a.rid - b.rid : a.tbl < b.tbl ? -1 : 1));
}

/** Rows already in (table, rowid) order as the text their digest is taken over: [[table, rowid, digest], ...]. */
export function rowsText(sorted: readonly RowRef[]): string {
  return JSON.stringify(sorted.map((r) => [r.tbl, r.rid, r.digest]));
}

/** The digest of a rowsText. */
export function digestOfRowsText(text: string): string {
  return hash('sha256', text, 'hex');
}

/** One digest over the rows an entry vouches for, in (table, rowid) order. */
export function rowsDigest(rows: readonly RowRef[]): string {
  return digestOfRowsText(rowsText(sortedRows(rows)));
}

// The key prepared once per key buffer: createHmac copies and checks a raw key on every call (~10 µs of each act).
const keyObjects = new WeakMap<Buffer, KeyObject>();

function keyObjectOf(key: Buffer): KeyObject {
  let keyObject = keyObjects.get(key);
  if (!keyObject) {
    keyObject = createSecretKey(key);
    keyObjects.set(key, keyObject);
  }
  return keyObject;
}

/** HMAC-SHA256 over the previous entry's hash and this entry: without the key, no entry can be forged or re-chained. */
export function entryHash(key: Buffer, prevHash: string, entry: AuditEntryFields): string {
  const body = JSON.stringify([entry.seq, entry.at, entry.actorUserId, entry.actor, entry.channel, entry.kind, entry.outcome, entry.detailJson, entry.rowsDigest]);
  return createHmac('sha256', keyObjectOf(key)).update(prevHash).update('\n').update(body).digest('hex');
}
