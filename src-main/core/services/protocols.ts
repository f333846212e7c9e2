import { DEFAULT_PROTOCOLS } from '../../../shared/clinical/protocol-defaults';
import type { Protocol, ProtocolFields } from '../../../shared/domain/protocol';
import { fail } from '../../../shared/result';
import { SYSTEM_ACTOR } from '../act';
import type { CoreDeps } from '../deps';

interface ProtocolRow {
  id: number;
  family_id: number | null;
  version: number;
  name: string;
  drug: string;
  order_kind: Protocol['orderKind'];
  dose_per_kg: number;
  duration_minutes: number;
  concentration_mg_per_ml: number;
  infusion_interval_minutes: number;
  recovery_interval_minutes: number;
  minimum_recovery_minutes: number;
  soft_min_per_kg: number;
  soft_max_per_kg: number;
  hard_min_per_kg: number;
  hard_max_per_kg: number;
  retired: number;
  created_at: number;
}

const toProtocol = (row: ProtocolRow): Protocol => ({
  id: row.id,
  familyId: row.family_id ?? row.id,
  version: row.version,
  retired: row.retired === 1,
  createdAt: row.created_at,
  name: row.name,
  drug: row.drug,
  orderKind: row.order_kind,
  dosePerKg: row.dose_per_kg,
  durationMinutes: row.duration_minutes,
  concentrationMgPerMl: row.concentration_mg_per_ml,
  infusionIntervalMinutes: row.infusion_interval_minutes,
  recoveryIntervalMinutes: row.recovery_interval_minutes,
  minimumRecoveryMinutes: row.minimum_recovery_minutes,
  softMinPerKg: row.soft_min_per_kg,
  softMaxPerKg: row.soft_max_per_kg,
  hardMinPerKg: row.hard_min_per_kg,
  hardMaxPerKg: row.hard_max_per_kg,
});

/**
 * Clinic protocols. An edit is a new version of the same family and a retirement is a
 * version marked retired, so a session always points at exactly the protocol it ran under.
 */
export function createProtocolService({ db, clock, acts, caches }: CoreDeps) {
  const byId = db.prepare<[number], ProtocolRow>('SELECT * FROM protocols WHERE id = ?');
  // The newest version of each family.
  const latest = db.prepare<[], ProtocolRow>(
    `SELECT p.* FROM protocols p
     WHERE p.version = (SELECT MAX(q.version) FROM protocols q WHERE COALESCE(q.family_id, q.id) = COALESCE(p.family_id, p.id))
     ORDER BY COALESCE(p.family_id, p.id)`,
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM protocols');
  const insert = db.prepare(
    `INSERT INTO protocols (family_id, version, name, drug, order_kind, dose_per_kg, duration_minutes, concentration_mg_per_ml,
       infusion_interval_minutes, recovery_interval_minutes, minimum_recovery_minutes,
       soft_min_per_kg, soft_max_per_kg, hard_min_per_kg, hard_max_per_kg, retired, created_at, created_by)
     VALUES (:familyId, :version, :name, :drug, :orderKind, :dosePerKg, :durationMinutes, :concentrationMgPerMl,
       :infusionIntervalMinutes, :recoveryIntervalMinutes, :minimumRecoveryMinutes,
       :softMinPerKg, :softMaxPerKg, :hardMinPerKg, :hardMaxPerKg, :retired, :createdAt, :createdBy)`,
  );

  function insertVersion(fields: ProtocolFields, familyId: number | null, version: number, retired: boolean, userId: number | null): Protocol {
    const { lastInsertRowid } = insert.run({ ...fields, familyId, version, retired: retired ? 1 : 0, createdAt: clock.now(), createdBy: userId });
    return toProtocol(byId.get(Number(lastInsertRowid)) as ProtocolRow);
  }

  // Read by every charting call and live view (rules, schedule); a version is never edited, only added.
  const protocolMemo = caches.memo(['protocols'], (id: number) => {
    const row = byId.get(id);
    return row ? toProtocol(row) : null;
  });

  function get(id: number): Protocol {
    const protocol = protocolMemo.get(id);
    if (!protocol) fail({ code: 'not_found', message: `No protocol ${id}`, field: 'protocolId' });
    return protocol;
  }

  function newestOfFamily(familyId: number): Protocol {
    const newest = latest.all().map(toProtocol).find((p) => p.familyId === familyId);
    if (!newest) fail({ code: 'not_found', message: `No protocol ${familyId}`, field: 'protocolId' });
    return newest;
  }

  return {
    get,

    /** Seeds the clinic's starting protocols into a new database. */
    seedDefaults(): void {
      if ((count.get() as { n: number }).n > 0) return;
      acts.run({ actor: SYSTEM_ACTOR, channel: 'protocol/seed', kind: 'system', detail: {} }, () => {
        for (const fields of DEFAULT_PROTOCOLS) insertVersion(fields, null, 1, false, null);
      });
    },

    /** The current version of every protocol, retired ones included when asked. */
    list(includeRetired: boolean): Protocol[] {
      return latest.all().map(toProtocol).filter((p) => includeRetired || !p.retired);
    },

    /** A protocol a new session may use: the newest version of its family, not retired. */
    requireUsable(id: number): Protocol {
      const protocol = get(id);
      const newest = newestOfFamily(protocol.familyId);
      if (newest.id !== protocol.id || newest.retired) {
        fail({ code: 'conflict', message: `${protocol.name} v${protocol.version} is not the current version`, field: 'protocolId', reason: 'protocol_outdated' });
      }
      return protocol;
    },

    create: (fields: ProtocolFields, userId: number): Protocol => db.transaction(() => insertVersion(fields, null, 1, false, userId))(),

    /** Saves an edit as the next version of the family. */
    revise(protocolId: number, fields: ProtocolFields, userId: number): Protocol {
      return db.transaction(() => {
        const edited = get(protocolId);
        const current = newestOfFamily(edited.familyId);
        if (current.retired) fail({ code: 'conflict', message: `${current.name} is retired`, field: 'protocolId', reason: 'protocol_retired' });
        // An edit made on an older version would silently undo someone else's newer one.
        if (edited.id !== current.id) {
          fail({ code: 'conflict', message: `${current.name} has a newer version (v${current.version}); reload and edit that`, field: 'protocolId', reason: 'protocol_outdated' });
        }
        return insertVersion(fields, current.familyId, current.version + 1, false, userId);
      })();
    },

    retire(protocolId: number, userId: number): Protocol {
      return db.transaction(() => {
        const current = newestOfFamily(get(protocolId).familyId);
        if (current.retired) fail({ code: 'conflict', message: `${current.name} is already retired`, field: 'protocolId', reason: 'protocol_retired' });
        const { id: _id, familyId, version, retired: _retired, createdAt: _createdAt, ...fields } = current;
        return insertVersion(fields, familyId, version + 1, true, userId);
      })();
    },
  };
}

export type ProtocolService = ReturnType<typeof createProtocolService>;
