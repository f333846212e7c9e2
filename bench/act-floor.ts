import { BARE_READING_VALUES } from './bare-readings';
import type { BenchCore } from './seed';

/**
 * Vigil's own act around the bare row: its act runner (BEGIN IMMEDIATE, the TEMP capture
 * trigger, the row read back and digested, the chained entry, COMMIT, the held events) writing
 * the same readings row into Vigil's file for a session of its own, with no contract call, no
 * request check, no derived values, no value checks and no alert evaluation. Reported beside
 * the reading/add budget, not budgeted: between it and reading/add lies everything the budget
 * names (derived values, alert evaluation) plus the contract's checks; below it, the record's
 * audit machinery. The session's in-memory state is not told of these rows; nothing reads it.
 */
export function actFloorTable(bench: BenchCore, sessionId: number) {
  const { db } = bench.core.services;
  const { heartRateBpm, systolicMmHg, diastolicMmHg, meanArterialMmHg, spo2Pct, respiratoryRatePerMin, news2Json } = BARE_READING_VALUES;
  const insert = db.prepare(
    `INSERT INTO readings (session_id, observed_at, recorded_at, recorded_by, heart_rate_bpm, systolic_mmhg, diastolic_mmhg, mean_arterial_mmhg, spo2_pct, respiratory_rate_per_min, news2_json)
     VALUES (?, ?, ?, ?, ${heartRateBpm}, ${systolicMmHg}, ${diastolicMmHg}, ${meanArterialMmHg}, ${spo2Pct}, ${respiratoryRatePerMin}, ?)`,
  );
  const actor = { userId: bench.userId, name: 'bench' };
  const detail = { sessionId, values: { heartRateBpm, systolicMmHg, diastolicMmHg, spo2Pct, respiratoryRatePerMin } };
  let at = bench.clock.now();
  return {
    db,
    durableInsert: () => {
      at += 1;
      bench.core.acts.run({ actor, channel: 'reading/add', kind: 'write', detail }, () => insert.run(sessionId, at, at, bench.userId, news2Json));
    },
  };
}
