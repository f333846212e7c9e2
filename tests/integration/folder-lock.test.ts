import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock';
import { DatabaseStorageError } from '../../src-main/core/db/errors';
import { ADMIN, callOk, MINUTE, openError, openRaw, openSession, openTestCore, readyToStart, setUpAdmin } from '../support/test-core';
import { useTempDirs } from '../support/temp-dir';

const dirs = useTempDirs();
const WRITER = fileURLToPath(new URL('../support/crash-writer.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function expectFolderInUse(dataDir: string): void {
  const error = openError(dataDir);
  expect(error).toBeInstanceOf(DatabaseStorageError);
  expect(error).toMatchObject({ fault: 'storage_busy' });
  expect(error.message).toContain(`another Vigil has the data folder ${dataDir} open`);
}

describe('one Vigil per data folder', () => {
  it('refuses a second core on a folder another core of this process has open, and opens once that one closed', async () => {
    const dataDir = dirs.make();
    const first = openTestCore(dataDir);
    await setUpAdmin(first.core);
    expectFolderInUse(dataDir);
    // The refused one took nothing away: the first goes on writing.
    await callOk(first.core.connect(), 'auth/signIn', { username: ADMIN.username, pin: ADMIN.pin });
    first.core.close();
    openTestCore(dataDir).core.close();
  });

  it('refuses while another process charts on the folder, and opens at once after that process is killed', async () => {
    const dataDir = dirs.make();
    const setup = openTestCore(dataDir, new ManualClock(Date.now() - 10 * MINUTE));
    const { connection } = await setUpAdmin(setup.core);
    const { session } = await openSession(connection);
    await readyToStart(connection, session.id);
    await callOk(connection, 'session/transition', { sessionId: session.id, action: 'startInfusion' });
    setup.core.close();

    const writer = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, ADMIN.username, ADMIN.pin, String(session.id)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(writer, 'exit');
    try {
      const lines = createInterface({ input: writer.stdout });
      let acknowledged = 0;
      await new Promise<void>((resolve, reject) => {
        lines.on('line', (line) => {
          if (line.startsWith('ACK ') && ++acknowledged === 5) resolve();
        });
        writer.once('exit', () => reject(new Error('the writer ended before charting')));
      });
      expectFolderInUse(dataDir);
      writer.kill('SIGKILL');
      await exited;
    } finally {
      if (writer.exitCode === null && writer.signalCode === null) writer.kill('SIGKILL');
    }
    // The operating system let go of the lock with the process: no stale lock after a crash.
    const after = openTestCore(dataDir);
    after.core.close();
    const raw = openRaw(after.databasePath);
    try {
      expect(raw.prepare('SELECT count(*) FROM readings WHERE session_id = ?').pluck().get(session.id)).toBeGreaterThanOrEqual(5);
    } finally {
      raw.close();
    }
  });
});
