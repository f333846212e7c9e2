import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { ServerFrame } from '../../shared/contract/wire';
import type { Result } from '../../shared/result';
import { createResumeTokens } from '../../src-main/hosts/resume-tokens';
import { startWebHost, type WebHost } from '../../src-main/hosts/web-host';
import type { CoreConnection } from '../../src-main/core/vigil-core';
import { ADMIN } from '../support/test-core';

/** A raw socket to the host, keeping its hello frame and answering calls. */
async function socketTo(host: WebHost, options: { resume?: string; origin?: string } = {}) {
  const resume = options.resume ? `&resume=${encodeURIComponent(options.resume)}` : '';
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${encodeURIComponent(host.token)}${resume}`, { origin: options.origin ?? `http://127.0.0.1:${host.port}` });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const hello = new Promise<Extract<ServerFrame, { type: 'hello' }>>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.type === 'hello') resolve(frame);
      if (frame.type === 'result') pending.get(frame.id)?.(frame.result as Result<unknown>);
    });
  });
  let nextId = 1;
  return {
    hello: await hello,
    call: (channel: string, request: unknown) =>
      new Promise<Result<unknown>>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, channel, request }));
      }),
    /** Ends the socket the way a network fault does (no closing handshake). */
    drop: () => new Promise<void>((resolve) => (socket.once('close', () => resolve()), socket.terminate())),
    close: () => socket.close(),
  };
}

const signedInAs = async (socket: Awaited<ReturnType<typeof socketTo>>) => {
  const status = await socket.call('auth/status', {});
  return status.ok ? ((status.value as { user: { username: string } | null }).user?.username ?? null) : null;
};

describe('resuming a dropped socket on the web host', () => {
  let host: WebHost | null = null;
  let dataDir = '';
  afterEach(async () => {
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues the same signed-in connection once, with a token spent on use; another token or a live socket\'s token starts signed out', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-resume-'));
    host = await startWebHost({ dataDir, rendererDir: dataDir, testClock: true });
    const first = await socketTo(host);
    expect(first.hello.resumed).toBe(false);
    expect((await first.call('auth/setup', { ...ADMIN })).ok).toBe(true);

    // While the socket is live its token resumes nothing (no taking over a window that is still there).
    const thief = await socketTo(host, { resume: first.hello.resumeToken });
    expect(thief.hello.resumed).toBe(false);
    expect(await signedInAs(thief)).toBeNull();
    thief.close();

    await first.drop();
    const back = await socketTo(host, { resume: first.hello.resumeToken });
    expect(back.hello.resumed).toBe(true);
    expect(back.hello.resumeToken).not.toBe(first.hello.resumeToken);
    expect(await signedInAs(back)).toBe(ADMIN.username);

    // Single use: the spent token starts a fresh, signed-out connection.
    await back.drop();
    const replay = await socketTo(host, { resume: first.hello.resumeToken });
    expect(replay.hello.resumed).toBe(false);
    expect(await signedInAs(replay)).toBeNull();
    replay.close();

    // The newest token still resumes; a page of another origin is refused before any token is read.
    await expect(socketTo(host, { resume: back.hello.resumeToken, origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const again = await socketTo(host, { resume: back.hello.resumeToken });
    expect(again.hello.resumed).toBe(true);
    expect(await signedInAs(again)).toBe(ADMIN.username);
    again.close();
  });
});

describe('resume tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('expire with their window: the parked connection is closed and the token resumes nothing', () => {
    vi.useFakeTimers();
    const tokens = createResumeTokens(30_000);
    const closed: string[] = [];
    const connection = (name: string) => ({ close: () => closed.push(name) }) as unknown as CoreConnection;
    const a = tokens.issue(connection('a'));
    const b = tokens.issue(connection('b'));
    tokens.park(a);
    tokens.park(b);
    vi.advanceTimersByTime(29_000);
    expect(tokens.take(b)).not.toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(closed).toEqual(['a']);
    expect(tokens.take(a)).toBeNull();
  });
});
