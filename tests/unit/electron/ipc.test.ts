import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/channels';
import type { Result } from '../../../shared/result';
import type { Logger } from '../../../src-main/core/logger';
import { openVigilCore, type VigilCore } from '../../../src-main/core/vigil-core';
import { registerIpc, type TrustedContents } from '../../../src-main/electron/ipc';
import { callChannel } from '../../../src-main/electron/ipc-names';

vi.mock('electron', () => ({}));

type Handler = (event: IpcMainInvokeEvent, request: unknown) => Promise<Result<unknown>>;

interface FakeFrame {
  url: string;
  frameTreeNodeId: number;
  parent: FakeFrame | null;
}

let nextId = 1;

class FakeContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame;
  destroyed = false;
  readonly send = vi.fn();
  constructor(url = 'app://vigil/index.html') {
    super();
    this.mainFrame = { url, frameTreeNodeId: this.id * 100, parent: null };
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const logger: Logger = { info: () => undefined, error: () => undefined };
let dataDir: string;
let core: VigilCore;
let handlers: Map<string, Handler>;
let trusted: Set<FakeContents>;
let unregister: () => void;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-ipc-'));
  core = openVigilCore({ dataDir, logger });
  handlers = new Map();
  const ipcMain = {
    handle: (name: string, handler: Handler) => {
      if (handlers.has(name)) throw new Error(`second handler for ${name}`);
      handlers.set(name, handler);
    },
    removeHandler: (name: string) => handlers.delete(name),
  };
  trusted = new Set();
  unregister = registerIpc(ipcMain as unknown as IpcMain, core, trusted as unknown as TrustedContents, logger);
});

afterEach(() => {
  unregister();
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function window(url?: string): FakeContents {
  const contents = new FakeContents(url);
  trusted.add(contents);
  return contents;
}

function invoke(channel: string, event: { sender: FakeContents; senderFrame: FakeFrame | null }, request: unknown = {}) {
  const handler = handlers.get(callChannel(channel as never));
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event as unknown as IpcMainInvokeEvent, request);
}

const fromMainFrame = (contents: FakeContents) => ({ sender: contents, senderFrame: contents.mainFrame });

describe('registerIpc', () => {
  it('handles exactly the contract channels', () => {
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(callChannel).sort());
  });

  it('passes a call from Vigil’s own window to the real core', async () => {
    const result = await invoke('auth/status', fromMainFrame(window()));
    expect(result).toEqual({ ok: true, value: { setupRequired: true, user: null, mustChoosePin: false, locked: false, handBackTo: null } });
  });

  it('lets core refuse a bad request: the shell does not parse, core does', async () => {
    const result = await invoke('patient/get', fromMainFrame(window()), { patientId: 'x' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('not_signed_in');
  });

  describe('refuses, with forbidden and without reaching core,', () => {
    async function expectRefused(event: { sender: FakeContents; senderFrame: FakeFrame | null }) {
      const connect = vi.spyOn(core, 'connect');
      const result = await invoke('auth/setup', event, { username: 'mallory', displayName: 'Mallory', pin: '123456' });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(connect).not.toHaveBeenCalled();
      // Nothing was written: setup is still required for the real window.
      expect(await invoke('auth/status', fromMainFrame(window()))).toMatchObject({ ok: true, value: { setupRequired: true } });
    }

    it('a main frame showing another origin', async () => {
      const contents = window('https://evil.example/');
      await expectRefused(fromMainFrame(contents));
    });

    it.each(['app://vigil.evil.example/index.html', 'app://user@vigil/index.html', 'file:///tmp/index.html', 'http://127.0.0.1:5173/'])(
      'a main frame at %s',
      async (url) => {
        await expectRefused(fromMainFrame(window(url)));
      },
    );

    it('an iframe, even one claiming Vigil’s URL', async () => {
      const contents = window();
      const iframe: FakeFrame = { url: 'app://vigil/index.html', frameTreeNodeId: 9999, parent: contents.mainFrame };
      await expectRefused({ sender: contents, senderFrame: iframe });
    });

    it('a top-level frame that is not this webContents’ main frame', async () => {
      const contents = window();
      const other: FakeFrame = { url: 'app://vigil/index.html', frameTreeNodeId: 4242, parent: null };
      await expectRefused({ sender: contents, senderFrame: other });
    });

    it('a frame that is already gone', async () => {
      await expectRefused({ sender: window(), senderFrame: null });
    });

    it('a webContents Vigil did not create', async () => {
      const stranger = new FakeContents();
      await expectRefused(fromMainFrame(stranger));
    });
  });

  it('keeps one signed-in user per window', async () => {
    const first = window();
    const second = window();
    const setup = await invoke('auth/setup', fromMainFrame(first), { username: 'ada', displayName: 'Dr Ada', pin: '246810' });
    expect(setup.ok).toBe(true);
    expect(await invoke('auth/status', fromMainFrame(first))).toMatchObject({ ok: true, value: { user: { username: 'ada' } } });
    expect(await invoke('auth/status', fromMainFrame(second))).toMatchObject({ ok: true, value: { setupRequired: false, user: null } });
  });

  it('forwards core events to the signed-in window on one IPC name per event, and stops when it is destroyed', async () => {
    const contents = window();
    const stranger = window();
    await invoke('auth/setup', fromMainFrame(contents), { username: 'ada', displayName: 'Dr Ada', pin: '246810' });
    await invoke('auth/status', fromMainFrame(stranger));
    // Setting up the account announced it (users/changed); this test follows the tick alone.
    contents.send.mockClear();
    const tick = { nowAt: 1_700_000_000_000, timers: [] };

    core.services.bus.emit('timer/tick', tick);
    expect(contents.send).toHaveBeenCalledWith('vigil:event:timer/tick', tick, expect.any(Number));
    // The other window has not signed in: core shows it no patient data.
    expect(stranger.send).not.toHaveBeenCalled();

    contents.destroy();
    core.services.bus.emit('timer/tick', tick);
    expect(contents.send).toHaveBeenCalledOnce();
  });

  it('closes the connection with the window, so a new window starts signed out', async () => {
    const contents = window();
    await invoke('auth/setup', fromMainFrame(contents), { username: 'ada', displayName: 'Dr Ada', pin: '246810' });
    const connect = vi.spyOn(core, 'connect');
    contents.destroy();
    const next = window();
    expect(await invoke('auth/status', fromMainFrame(next))).toMatchObject({ ok: true, value: { user: null } });
    expect(connect).toHaveBeenCalledOnce();
  });
});
