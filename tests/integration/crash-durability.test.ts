import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { ADMIN, callOk, MINUTE, openRaw, openSession, openTestCore, readyToStart, setUpAdmin } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();
const WRITER = fileURLToPath(new URL('../support/crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KILLS = 5;
/** Each kill comes after a random number of acknowledged readings in this range (a fresh point in the stream every time). */
const KILL_AFTER_MIN = 5;
const KILL_AFTER_MAX = 80;

/** Runs the writer on the data folder and SIGKILLs it after `killAfter` acknowledgements; returns what it acknowledged. */
async function chartUntilKilled(dataDir: string, sessionIds: number[], killAfter: number): Promise<Map<number, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, ADMIN.username, ADMIN.pin, sessionIds.join(',')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const lines = createInterface({ input: child.stdout });
  const linesDone = once(lines, 'close');
  const acknowledged = new Map<number, number>();
  lines.on('line', (line) => {
    const match = /^ACK (\d+) (\d+)$/.exec(line);
    if (!match) return;
    acknowledged.set(Number(match[1]), Number(match[2]));
    if (acknowledged.size === killAfter) child.kill('SIGKILL');
  });
  try {
    const [code, signal] = await exited;
    await linesDone;
    // Killed by us while still writing, not finished or crashed on its own.
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter);
  return acknowledged;
}

describe('Nothing is ever lost: commit before acknowledging', () => {
  it(`keeps every reading acknowledged before each of ${KILLS} SIGKILLs at random points, in an intact file that Vigil reopens`, async () => {
    const dataDir = dirs.make();
    // A clinic with two infusing sessions. The child charts with the system clock, so the sessions start in the past.
    const setup = openTestCore(dataDir, new ManualClock(Date.now() - 10 * MINUTE));
    const { connection } = await setUpAdmin(setup.core);
    const sessionIds: number[] = [];
    for (let chair = 0; chair < 2; chair += 1) {
      const { session } = await openSession(connection);
      await readyToStart(connection, session.id);
      await callOk(connection, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
      sessionIds.push(session.id);
    }
    setup.core.close();
    const readingsBefore = () => {
      const raw = openRaw(setup.databasePath);
      try {
        return new Set((raw.prepare('SELECT id FROM readings').pluck().all() as number[]));
      } finally {
        raw.close();
      }
    };
    const before = readingsBefore();

    const acknowledged = new Map<number, number>();
    const killPoints: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const killAfter = KILL_AFTER_MIN + Math.floor(Math.random() * (KILL_AFTER_MAX - KILL_AFTER_MIN));
      killPoints.push(killAfter);
      for (const [id, heartRate] of await chartUntilKilled(dataDir, sessionIds, killAfter)) acknowledged.set(id, heartRate);
    }

    // The file as the last killed process left it (WAL not checkpointed): intact, with every acknowledged reading.
    const raw = openRaw(setup.databasePath);
    let stored: Map<number, number>;
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      stored = new Map(
        (raw.prepare('SELECT id, heart_rate_bpm FROM readings').all() as { id: number; heart_rate_bpm: number }[]).filter((row) => !before.has(row.id)).map((row) => [row.id, row.heart_rate_bpm]),
      );
    } finally {
      raw.close();
    }
    const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    for (const [id, heartRate] of acknowledged) expect(stored.get(id)).toBe(heartRate);
    // At most the one reading in flight at each kill is stored without having been acknowledged.
    expect(stored.size - acknowledged.size).toBeLessThanOrEqual(KILLS);

    // And Vigil itself opens the file again (integrity check, migrations, audit chain) and sees every reading.
    const reopened = openTestCore(dataDir, new ManualClock(Date.now()));
    try {
      const seen = new Set(sessionIds.flatMap((id) => reopened.core.services.readings.ofSession(id).map((reading) => reading.id)));
      expect([...acknowledged.keys()].filter((id) => !seen.has(id))).toEqual([]);
      await expect.poll(() => reopened.core.integrity(), { timeout: 20_000 }).toMatchObject({ state: 'checked', result: { intact: true } });
    } finally {
      reopened.core.close();
    }
    process.stdout.write(`crash proof: ${KILLS} SIGKILLs after ${killPoints.join(', ')} acknowledgements; ${acknowledged.size} readings acknowledged, ${acknowledged.size} found after reopening, 0 lost\n`);
  }, 90_000);
});
