/**
 * Audit bench (called by bench/run.ts): `audit/verify` on a large record, 8 sessions of
 * 28,800 readings each (8 hours at one a second), every reading with its own audit entry as
 * `reading/add` leaves it. Prints the time of the whole check (the contract call, chunked on
 * the event loop as at start-up), the event loop's longest stall meanwhile, and the CPU time
 * of the check and of its longest step. No target: the issue asks for the number.
 */
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { VITAL_PARAMETERS, type VitalParameter } from '../shared/clinical/parameters';
import type { AuditVerify } from '../shared/domain/audit';
import { BACKGROUND_CHUNK, verifySteps } from '../src-main/core/audit/verify';
import { icuReadings, infusingSession, openBenchCore, type BenchCore } from './seed';

const SESSIONS = 8;
const READINGS_PER_SESSION = 28_800;
const BATCH = 2_000;

/** The rows and the audit entry of each reading/add, through the real store and audit code, in batched transactions (no fsync per reading). */
function seedAuditedReadings(bench: BenchCore, sessionId: number, next: () => ReturnType<ReturnType<typeof icuReadings>>): void {
  const { db, readings, sessions } = bench.core.services;
  const session = sessions.get(sessionId);
  const confirmed = Object.keys(VITAL_PARAMETERS) as VitalParameter[];
  for (let done = 0; done < READINGS_PER_SESSION; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(READINGS_PER_SESSION, done + BATCH); i++) {
        bench.clock.advance(1_000);
        const values = next();
        readings.store({ sessionId, sessionCreatedAt: session.createdAt, observedAt: undefined, values, onSupplementalOxygen: undefined, confirmed, userId: bench.userId });
        bench.core.audit.append({ at: bench.clock.now(), actorUserId: bench.userId, actor: 'bench', channel: 'reading/add', kind: 'write', outcome: 'ok', detail: { sessionId, values } });
      }
    })();
  }
}

export async function runAuditBench(): Promise<void> {
  const bench = await openBenchCore();
  try {
    const seedStarted = performance.now();
    const next = icuReadings();
    let sessionId = 0;
    for (let chair = 1; chair <= SESSIONS; chair++) {
      sessionId = await infusingSession(bench, `Chair ${chair}`);
      seedAuditedReadings(bench, sessionId, next);
    }
    // One last act through the contract, so the head file beside the backups names the newest entry.
    await bench.ok('reading/add', { sessionId, values: { heartRateBpm: 70 } });
    const seedMs = performance.now() - seedStarted;

    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    const answer = await bench.ok<AuditVerify>('audit/verify', {});
    const verifyMs = performance.now() - started;
    delay.disable();

    // The same check step by step: the CPU time of its longest step is what one turn of the event loop costs the app
    // (the wall-clock stall above also counts the time other processes on this machine held the CPU).
    const steps = verifySteps(bench.core.services.db, bench.core.audit.key, bench.core.auditHeadPath, BACKGROUND_CHUNK);
    let longestStepCpuMs = 0;
    let totalCpuMs = 0;
    let stepCount = 0;
    let once: { intact: boolean } | null = null;
    while (!once) {
      const cpu = process.cpuUsage();
      const step = steps.next();
      const used = process.cpuUsage(cpu);
      const ms = (used.user + used.system) / 1000;
      longestStepCpuMs = Math.max(longestStepCpuMs, ms);
      totalCpuMs += ms;
      stepCount += 1;
      if (step.done) once = step.value;
    }

    console.log(`\nVigil audit bench: ${SESSIONS} sessions x ${READINGS_PER_SESSION.toLocaleString('en')} readings, one audit entry each (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
    const rows: [string, string][] = [
      ['audit entries checked / record rows checked', `${answer.rows.toLocaleString('en')} / ${answer.recordRows.toLocaleString('en')}`],
      ['record intact', String(answer.intact && once.intact)],
      ['audit/verify through the contract, chunked on the event loop (s)', (verifyMs / 1000).toFixed(2)],
      ['  event loop longest stall meanwhile (ms)', (delay.max / 1e6).toFixed(1)],
      [`the same check's CPU time, ${stepCount.toLocaleString('en')} steps of ${BACKGROUND_CHUNK} rows (s)`, (totalCpuMs / 1000).toFixed(2)],
      ['  longest single step, CPU time (ms)', longestStepCpuMs.toFixed(1)],
    ];
    for (const [label, value] of rows) console.log(`  ${label.padEnd(66)} ${value.padStart(18)}`);
    if (!answer.intact) console.log(`  first break: ${JSON.stringify(answer.firstBreak)}`);
  } finally {
    bench.core.close();
    rmSync(bench.dataDir, { recursive: true, force: true });
  }
}
