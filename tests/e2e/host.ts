import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HOST_SCRIPT = resolve('dist/host/web-host.cjs');

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The bedside-monitor (MLLP) port: every test host listens on a free one (`--mllp-port 0`). */
  mllpPort: number;
  dataDir: string;
  log: string[];
  /** Moves the host's test clock forward and returns its new "now" (0 reads it). */
  advanceClock(ms: number): Promise<number>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies mid-whatever, as in a power cut. */
  kill(): Promise<void>;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
}

/**
 * Starts `dist/host/web-host.cjs` and waits for its "listening" line: with a test clock
 * (starting at `clockStartAt` when given), or on the wall clock for `'wall'` (benchmarks).
 */
export function startHost(dataDir: string = newDataDir(), clockStartAt?: number | 'wall'): Promise<RunningHost & { pid: number }> {
  const clockArgs = clockStartAt === 'wall' ? [] : ['--test-clock', ...(clockStartAt === undefined ? [] : ['--test-clock-start', String(clockStartAt)])];
  // Every host listens for monitors on a free port (named in its listening line as mllpPort).
  const args = [HOST_SCRIPT, '--data-dir', dataDir, '--mllp-port', '0', ...clockArgs];
  // VIGIL_E2E_PROFILE_DIR: the host writes its CPU profile there when it stops (commit-timing.ts profiles the page).
  const profile = process.env.VIGIL_E2E_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.VIGIL_E2E_PROFILE_DIR] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveHost, reject) => {
    let buffer = '';
    child.stderr?.on('data', (chunk: Buffer) => log.push(String(chunk)));
    child.once('exit', (code) => reject(new Error(`web host exited with ${code} before listening:\n${log.join('')}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += String(chunk);
      for (const line of buffer.split('\n').slice(0, -1)) {
        log.push(line);
        const message = JSON.parse(line) as { event: string; url: string; port: number; mllpPort: number };
        if (message.event !== 'listening') continue;
        const url = new URL(message.url);
        const token = url.searchParams.get('token') ?? '';
        resolveHost({
          pid: child.pid ?? -1,
          url: message.url,
          origin: url.origin,
          port: message.port,
          token,
          mllpPort: message.mllpPort,
          dataDir,
          log,
          async advanceClock(ms) {
            const response = await fetch(`${url.origin}/__test/clock?token=${token}`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
            if (!response.ok) throw new Error(`clock advance failed: ${response.status}`);
            return ((await response.json()) as { now: number }).now;
          },
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
    });
  });
}
