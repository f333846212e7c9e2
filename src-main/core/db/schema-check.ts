import BetterSqlite3, { type Database } from 'better-sqlite3';
import { DatabaseCorruptError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

/** One object of the schema (table, index, trigger, view) as sqlite_master keeps it. */
interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

function schemaOf(db: Database): Map<string, SchemaObject> {
  const rows = db
    .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>(
      "SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all();
  return new Map(rows.map((row) => [row.name, { type: row.type, name: row.name, table: row.tbl_name, sql: row.sql ?? '' }]));
}

// Per migration list and version: built once per process (a few ms in memory), asked at every open.
const expectedCache = new WeakMap<readonly Migration[], Map<number, Map<string, SchemaObject>>>();

/** Vigil's own schema at each version, as its migrations make it on an empty database. */
function expectedSchema(version: number, migrations: readonly Migration[], nativeBinding: string | undefined): Map<string, SchemaObject> {
  let byVersion = expectedCache.get(migrations);
  if (!byVersion) {
    byVersion = new Map();
    const memory = new BetterSqlite3(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      byVersion.set(0, schemaOf(memory));
      for (const migration of migrations) {
        memory.exec(migration.sql);
        byVersion.set(migration.version, schemaOf(memory));
      }
    } finally {
      memory.close();
    }
    expectedCache.set(migrations, byVersion);
  }
  return byVersion.get(version) ?? new Map();
}

/**
 * What in the file's schema Vigil must not run on:
 * - a trigger Vigil did not make: code that would run inside Vigil's own transactions
 *   (changing or swallowing a reading or an alert as it is written), which the audit trail
 *   would then vouch for as part of Vigil's act;
 * - a table, index, trigger or view of Vigil's whose definition differs from Vigil's (a
 *   conflict clause that silently replaces rows, a guard rewritten to let changes through).
 * Not listed: another program's own table, index or view (nothing of it runs on Vigil's
 * writes), and an object of Vigil's that is missing (no foreign code runs; the rows a dropped
 * guard no longer protected are checked by audit/verify, and a missing table fails loudly).
 */
export function foreignSchema(db: Database, version: number, nativeBinding?: string, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const expected = expectedSchema(version, migrations, nativeBinding);
  const problems: string[] = [];
  for (const object of schemaOf(db).values()) {
    const own = expected.get(object.name);
    if (!own) {
      if (object.type === 'trigger') problems.push(`a trigger Vigil did not create: ${object.name} on ${object.table}`);
    } else if (own.type !== object.type || own.sql !== object.sql || own.table !== object.table) {
      problems.push(`${own.type} ${object.name} differs from Vigil's own`);
    }
  }
  return problems;
}

/**
 * The same check while Vigil runs, and word of any other change: Vigil is the file's only
 * writer, so a commit by another connection (another program, a shell) is a finding. At the
 * start of every act, inside its write lock, `PRAGMA data_version` (which moves only when
 * another connection has committed) is compared with the value last seen. When it moved, the
 * schema is compared again: what foreignSchema lists refuses the act (nothing written) and
 * every act after it until it is put right; and `changedElsewhere` is told, so the record is
 * checked against its audit trail now rather than at the next start.
 */
export function createForeignWriteGuard(db: Database, path: string, changedElsewhere: () => void, nativeBinding?: string) {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const userVersion = db.prepare<[], number>('PRAGMA user_version').pluck();
  // The last version whose schema was found to be Vigil's, and the last one reported.
  let seen = dataVersion.get();
  let told = seen;
  return {
    check(): void {
      const now = dataVersion.get();
      if (now === seen) return;
      if (now !== told) {
        told = now;
        changedElsewhere();
      }
      const planted = foreignSchema(db, userVersion.get() ?? 0, nativeBinding);
      // `seen` stays behind: every act looks again until the schema is Vigil's.
      if (planted.length > 0) throw new DatabaseCorruptError(path, planted);
      seen = now;
    },
  };
}
