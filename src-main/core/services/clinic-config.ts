import type { Database } from 'better-sqlite3';
import { ClinicConfigSchema, DEFAULT_CLINIC_CONFIG, SETTINGS_HISTORY_LIMIT, type ClinicConfig, type ClinicConfigVersion, type ClinicConfigView } from '../../../shared/domain/clinic-config';
import { chairsFromUse } from '../../../shared/domain/clinic-chairs';
import type { Clock } from '../clock';
import type { RecordCaches } from '../record-cache';

interface ConfigRow {
  id: number;
  config_json: string;
  reason: string;
  at: number;
  user_name: string;
}

/**
 * The clinic configuration in force: the latest stored version, or Vigil's defaults. Read
 * on every use (services never keep a copy), so a change applies to open sessions at once.
 */
export function createClinicConfig(db: Database, clock: Clock, caches: RecordCaches) {
  const latest = db.prepare<[], ConfigRow>('SELECT c.*, u.display_name AS user_name FROM clinic_config c JOIN users u ON u.id = c.user_id ORDER BY c.id DESC LIMIT 1');
  const newest = db.prepare<[number], ConfigRow>('SELECT c.*, u.display_name AS user_name FROM clinic_config c JOIN users u ON u.id = c.user_id ORDER BY c.id DESC LIMIT ?');
  const insert = db.prepare('INSERT INTO clinic_config (config_json, reason, at, user_id) VALUES (?, ?, ?, ?)');
  // Every chair already used: the registry of a clinic whose stored version predates it.
  const usedChairs = db.prepare<[], string>('SELECT chair FROM sessions UNION SELECT chair FROM device_bindings WHERE chair IS NOT NULL').pluck();

  /**
   * A stored version, read through the schema: a file edited into nonsense is refused, not
   * obeyed. A version stored before the chair registry existed (no `chairs`) reads with the
   * chairs already used, so nothing in use disappears; the first save writes them down.
   */
  function parseStored(json: string | null): ClinicConfig {
    const stored = (json === null ? { ...DEFAULT_CLINIC_CONFIG } : JSON.parse(json)) as Record<string, unknown>;
    if (json === null || !('chairs' in stored)) stored.chairs = chairsFromUse(usedChairs.all());
    return ClinicConfigSchema.parse(stored);
  }

  // Parsed once per stored version. Not keyed by the row id: SQLite gives a rolled-back row's id
  // to the next insert, so a version read inside an act that rolled back could be served again.
  // The memo is dropped by any write to the table and keeps nothing while that write may roll back.
  // (The chairs-from-use fallback cannot change meanwhile: sessions and bindings take only listed chairs.)
  const latestView = caches.memo(['clinic_config', 'users'], (): ClinicConfigView => {
    const row = latest.get();
    return { config: parseStored(row?.config_json ?? null), source: row ? { reason: row.reason, at: row.at, userName: row.user_name } : null };
  });
  const view = (): ClinicConfigView => latestView.get(undefined);

  return {
    view,
    current: (): ClinicConfig => view().config,
    /** Stored versions, newest first. */
    history: (): ClinicConfigVersion[] =>
      newest.all(SETTINGS_HISTORY_LIMIT).map((row) => ({ id: row.id, value: parseStored(row.config_json), at: row.at, userName: row.user_name, reason: row.reason })),
    /** A new version (caller holds the act's transaction). */
    set(config: ClinicConfig, reason: string, userId: number): void {
      insert.run(JSON.stringify(config), reason, clock.now(), userId);
    },
  };
}

export type ClinicConfigService = ReturnType<typeof createClinicConfig>;
