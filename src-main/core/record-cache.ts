import type { Database } from 'better-sqlite3';

/** A value read from the record, kept until one of the tables it was read from is written. */
export interface RecordMemo<I, V> {
  get(input: I): V;
}

export interface RecordCaches {
  /**
   * Memoises `read` per key. Every write to one of `tables` on this connection (insert,
   * update, delete: seen by TEMP triggers, whoever writes) drops the memo; while the
   * transaction that wrote is open nothing is kept (it may still roll back), and once it has
   * ended (committed or rolled back) values are read from the record again. A value is shared
   * between callers: it is frozen, and must not be changed. `keyOf` names the input's value
   * (the input itself by default).
   */
  memo<I, V>(tables: readonly string[], read: (input: I) => V, keyOf?: (input: I) => unknown): RecordMemo<I, V>;
  /** A transaction has ended (an act committed or rolled back): memos written in it keep values again. */
  settle(): void;
}

const WRITTEN_FUNCTION = 'vigil_record_written';

/** Freezes a value and, one level down, the objects it holds (rows in an array, fields of a view). */
function frozen<V>(value: V): V {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) if (inner && typeof inner === 'object') Object.freeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Caches for what changes rarely but is read on every charting call (a session's phase
 * events, its alert rules, the protocol, the alarm settings): the record stays the one
 * source of truth, the memo only saves reading it again while nothing it came from changed.
 */
export function createRecordCaches(db: Database): RecordCaches {
  const listeners = new Map<string, (() => void)[]>();
  const settles: (() => void)[] = [];
  db.function(WRITTEN_FUNCTION, { deterministic: false }, (table: unknown) => {
    for (const dropped of listeners.get(String(table)) ?? []) dropped();
    return null;
  });

  function watch(table: string, dropped: () => void): void {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`Not a table name: ${table}`);
    let list = listeners.get(table);
    if (!list) {
      list = [];
      listeners.set(table, list);
      for (const event of ['INSERT', 'UPDATE', 'DELETE'] as const) {
        db.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS record_cache_${table}_${event.toLowerCase()} AFTER ${event} ON main."${table}" ` +
            `BEGIN SELECT ${WRITTEN_FUNCTION}('${table}'); END`,
        );
      }
    }
    list.push(dropped);
  }

  return {
    memo<I, V>(tables: readonly string[], read: (input: I) => V, keyOf: (input: I) => unknown = (input) => input): RecordMemo<I, V> {
      const values = new Map<unknown, V>();
      // Written inside a transaction that may still be open: keep nothing until it has ended.
      let written = false;
      const dropped = () => {
        values.clear();
        written = true;
      };
      for (const table of tables) watch(table, dropped);
      const settle = () => {
        if (written && !db.inTransaction) written = false;
      };
      settles.push(settle);
      return {
        get(input: I): V {
          settle();
          if (written) return read(input);
          const key = keyOf(input);
          if (values.has(key)) return values.get(key) as V;
          const value = frozen(read(input));
          values.set(key, value);
          return value;
        },
      };
    },
    settle() {
      for (const settle of settles) settle();
    },
  };
}
