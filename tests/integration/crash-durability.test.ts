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
/** Acknowledged readings to wait for before pulling the plug. */
const KILL_AFTER = 60;

describe('Nothing is ever lost: commit before acknowledging', () => {
  it('keeps every reading a killed process had acknowledged, in an intact file', async () => {
    const dataDir = dirs.make();
    // Prepare a clinic with an infusing session. The child charts with the system clock, so the session starts in the past.
    const setup = openTestCore(dataDir, new ManualClock(Date.now() - 10 * MINUTE));
    const { connection } = await setUpAdmin(setup.core);
    const { session } = await openSession(connection);
    const baseline = await readyToStart(connection, session.id);
    await callOk(connection, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    setup.core.close();

    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, ADMIN.username, ADMIN.pin, String(session.id)], {
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
    let killedAfter = 0;
    lines.on('line', (line) => {
      const match = /^ACK (\d+) (\d+)$/.exec(line);
      if (!match) return;
      acknowledged.set(Number(match[1]), Number(match[2]));
      if (acknowledged.size === KILL_AFTER) {
        killedAfter = acknowledged.size;
        child.kill('SIGKILL');
      }
    });

    try {
      const [code, signal] = await exited;
      await linesDone;
      // Killed by us while still writing, not finished or crashed on its own.
      expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(killedAfter).toBe(KILL_AFTER);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // The file as the killed process left it (WAL not checkpointed): intact, with every acknowledged reading.
    const raw = openRaw(setup.databasePath);
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      // The child's readings: everything after the baseline the setup charted before the start.
      const stored = new Map(
        (
          raw.prepare('SELECT id, heart_rate_bpm FROM readings WHERE session_id = ? AND id <> ?').all(session.id, baseline.id) as {
            id: number;
            heart_rate_bpm: number;
          }[]
        ).map((row) => [row.id, row.heart_rate_bpm]),
      );
      const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      for (const [id, heartRate] of acknowledged) expect(stored.get(id)).toBe(heartRate);
      // At most the one reading in flight at the kill is stored without having been acknowledged.
      expect(stored.size - acknowledged.size).toBeLessThanOrEqual(1);
    } finally {
      raw.close();
    }

    // And Vigil itself opens the file again (integrity check, migrations) and sees the readings.
    const reopened = openTestCore(dataDir, new ManualClock(Date.now()));
    try {
      const readings = reopened.core.services.readings.ofSession(session.id);
      expect(readings.length).toBeGreaterThanOrEqual(acknowledged.size + 1);
      expect(readings[0]).toMatchObject({ id: baseline.id, values: baseline.values });
    } finally {
      reopened.core.close();
    }
  }, 60_000);
});
