/**
 * `npm run bench`: replays 32 hours of recorded ICU vitals (one reading a minute) into one
 * session through the real contract and SQLite file, and prints what a nurse would feel:
 * how long a reading takes to commit (with alert evaluation), how long the session screen
 * takes to load, memory, and file size. Exits 1 when a target is missed.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { VITAL_PARAMETERS } from '../shared/clinical/parameters';
import { CONTRAINDICATIONS } from '../shared/clinical/screening-checklist';
import { ManualClock } from '../src-main/core/clock';
import { openVigilCore } from '../src-main/core/vigil-core';
import { lttb } from '../src-renderer/components/downsample';
import { readNumerics } from '../tests/support/wfdb-numerics';
import { toValues } from './seed';

const TARGETS = {
  readingAddP95Ms: 25,
  sessionGetMs: 150,
  sessionListMs: 50,
  lttbMs: 10,
  /** The once-a-second tick's work (scheduled checks, delayed confirmations, escalation). */
  sweepMs: 100,
  rssMb: 300,
};

const MINUTE_MS = 60_000;
const quiet = { info: () => undefined, error: (message: string, detail?: unknown) => console.error(message, detail) };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 8, 0, 0));
  const core = openVigilCore({ dataDir, clock, logger: quiet });
  try {
    const staff = core.connect();
    const ok = async <T>(channel: string, request: unknown): Promise<T> => {
      const result = await staff.call(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as T;
    };
    await ok('auth/setup', { username: 'bench', displayName: 'Bench Physician', pin: '9182736' });
    await ok('clinic/setChairs', { chairs: [{ id: 1, name: 'Chair 1' }], reason: 'The bench clinic\'s chair' });
    const patient = await ok<{ id: number }>('patient/create', { mrn: 'BENCH-1', familyName: 'Bench', givenName: 'Mark', dateOfBirth: '1970-01-01', weightKg: 80 });
    const [protocol] = await ok<{ id: number }[]>('protocol/list', {});
    const session = await ok<{ id: number }>('session/create', { patientId: patient.id, chair: 'Chair 1', protocolId: protocol?.id });
    const noContraindications = Object.fromEntries(CONTRAINDICATIONS.map((k) => [k, false]));
    await ok('screening/record', { sessionId: session.id, contraindications: noContraindications, coMedications: [], consentGiven: true, escortArranged: true });
    await ok('reading/add', { sessionId: session.id, values: { heartRateBpm: 70, systolicMmHg: 120, diastolicMmHg: 80, spo2Pct: 98, respiratoryRatePerMin: 14 } });
    await ok('session/transition', { sessionId: session.id, action: 'startInfusion' });

    const record = readNumerics('s00001-2896-10-10-00-31n.hea');
    const latencies: number[] = [];
    const allParameters = Object.keys(VITAL_PARAMETERS);
    for (const sample of record.samples) {
      clock.advance(MINUTE_MS / record.samplesPerMinute);
      const values = toValues(sample, record.channels);
      if (Object.keys(values).length === 0) continue;
      const started = performance.now();
      await ok('reading/add', { sessionId: session.id, values, confirmed: allParameters });
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);

    const getStarted = performance.now();
    const detail = await ok<{ readings: unknown[]; alerts: unknown[] }>('session/get', { sessionId: session.id });
    const sessionGetMs = performance.now() - getStarted;
    const listStarted = performance.now();
    await ok('session/list', { scope: 'open' });
    const sessionListMs = performance.now() - listStarted;

    const sweepStarted = performance.now();
    for (let i = 0; i < 10; i++) core.services.monitoring.sweep(clock.now());
    const sweepMs = (performance.now() - sweepStarted) / 10;

    const points = detail.readings.map((_, i) => ({ t: i * MINUTE_MS, v: Math.sin(i / 10) * 40 + 100 }));
    const lttbStarted = performance.now();
    lttb(points, 600, (p) => p.t, (p) => p.v);
    const lttbMs = performance.now() - lttbStarted;

    const rssMb = process.memoryUsage().rss / 1024 / 1024;
    const fileMb = statSync(core.databasePath).size / 1024 / 1024;

    const rows: [string, number, number | null][] = [
      ['reading/add p50 (ms)', percentile(latencies, 50), null],
      ['reading/add p95 (ms)', percentile(latencies, 95), TARGETS.readingAddP95Ms],
      ['reading/add p99 (ms)', percentile(latencies, 99), null],
      ['reading/add max (ms)', latencies.at(-1) ?? Number.NaN, null],
      [`session/get with ${detail.readings.length} readings (ms)`, sessionGetMs, TARGETS.sessionGetMs],
      ['session/list (ms)', sessionListMs, TARGETS.sessionListMs],
      [`tick sweep, session with ${detail.readings.length} readings (ms)`, sweepMs, TARGETS.sweepMs],
      [`LTTB ${detail.readings.length} -> 600 points (ms)`, lttbMs, TARGETS.lttbMs],
      ['RSS (MB)', rssMb, TARGETS.rssMb],
      ['database file (MB)', fileMb, null],
      ['alerts raised over the replay', detail.alerts.length, null],
    ];
    let missed = 0;
    console.log(`Vigil bench: ${record.name}, ${latencies.length} readings replayed through the contract`);
    for (const [label, value, target] of rows) {
      const verdict = target === null ? '' : value <= target ? `ok (target <= ${target})` : `MISSED (target <= ${target})`;
      if (target !== null && value > target) missed++;
      console.log(`  ${label.padEnd(44)} ${value.toFixed(2).padStart(10)}  ${verdict}`);
    }
    process.exitCode = missed > 0 ? 1 : 0;
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
