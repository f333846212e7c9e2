import type { Database } from 'better-sqlite3';
import { ClinicConfigSchema, DEFAULT_CLINIC_CONFIG, SETTINGS_HISTORY_LIMIT, type ClinicConfig, type ClinicConfigVersion, type ClinicConfigView } from '../../../shared/domain/clinic-config';
import { chairsFromUse } from '../../../shared/domain/clinic-chairs';
import type { Clock } from '../clock';

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
export function createClinicConfig(db: Database, clock: Clock) {
  const latest = db.prepare<[], ConfigRow>('SELECT c.*, u.display_name AS user_name FROM clinic_config c JOIN users u ON u.id = c.user_id ORDER BY c.id DESC LIMIT 1');
  const newest = db.prepare<[number], ConfigRow>('SELECT c.*, u.display_name AS user_name FROM clinic_config c JOIN users u ON u.id = c.user_id ORDER BY c.id DESC LIMIT ?');
  const insert = db.prepare('INSERT INTO clinic_config (config_json, reason, at, user_id) VALUES (?, ?, ?, ?)');
  const latestId = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM clinic_config');
  // Every chair already used: the registry of a clinic whose stored version predates it.
  const usedChairs = db.prepare<[], string>('SELECT chair FROM sessions UNION SELECT chair FROM device_bindings WHERE chair IS NOT NULL').pluck();
  // Parsed once per stored version; keyed by the row id, so a rolled-back change is never served.
  let cached: { id: number; view: ClinicConfigView } | null = null;

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

  function view(): ClinicConfigView {
    const id = latestId.get()?.id ?? 0;
    if (cached?.id === id) return cached.view;
    const row = latest.get();
    const fresh: ClinicConfigView = { config: parseStored(row?.config_json ?? null), source: row ? { reason: row.reason, at: row.at, userName: row.user_name } : null };
    cached = { id, view: fresh };
    return fresh;
  }

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
