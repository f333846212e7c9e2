import type { Database } from 'better-sqlite3';
import { ClinicConfigSchema, DEFAULT_CLINIC_CONFIG, SETTINGS_HISTORY_LIMIT, type ClinicConfig, type ClinicConfigVersion, type ClinicConfigView } from '../../../shared/domain/clinic-config';
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
  // Parsed once per stored version; keyed by the row id, so a rolled-back change is never served.
  let cached: { id: number; view: ClinicConfigView } | null = null;

  function view(): ClinicConfigView {
    const id = latestId.get()?.id ?? 0;
    if (cached?.id === id) return cached.view;
    const row = latest.get();
    // A stored version is read through the schema: a file edited into nonsense is refused, not obeyed.
    const fresh: ClinicConfigView = row
      ? { config: ClinicConfigSchema.parse(JSON.parse(row.config_json)), source: { reason: row.reason, at: row.at, userName: row.user_name } }
      : { config: DEFAULT_CLINIC_CONFIG, source: null };
    cached = { id, view: fresh };
    return fresh;
  }

  return {
    view,
    current: (): ClinicConfig => view().config,
    /** Stored versions, newest first. */
    history: (): ClinicConfigVersion[] =>
      newest.all(SETTINGS_HISTORY_LIMIT).map((row) => ({ id: row.id, value: ClinicConfigSchema.parse(JSON.parse(row.config_json)), at: row.at, userName: row.user_name, reason: row.reason })),
    /** A new version (caller holds the act's transaction). */
    set(config: ClinicConfig, reason: string, userId: number): void {
      insert.run(JSON.stringify(config), reason, clock.now(), userId);
    },
  };
}

export type ClinicConfigService = ReturnType<typeof createClinicConfig>;
