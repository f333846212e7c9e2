import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VigilBridge } from '../../../shared/contract/api';
import { CHANNEL_NAMES } from '../../../shared/contract/channels';
import { EVENT_NAMES } from '../../../shared/contract/events';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: {
    invoke: vi.fn(async (_channel: string, _request: unknown): Promise<unknown> => ({ ok: true, value: {} })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (electron.exposed.has(key)) throw new Error(`${key} exposed twice`);
      electron.exposed.set(key, api);
    },
  },
  ipcRenderer: electron.ipcRenderer,
}));

let bridge: VigilBridge;

beforeAll(async () => {
  await import('../../../src-main/electron/preload');
  bridge = electron.exposed.get('vigil') as VigilBridge;
});

beforeEach(() => {
  vi.clearAllMocks();
});

describe('the preload', () => {
  it('exposes window.vigil and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['vigil']);
    expect(Object.keys(bridge).sort()).toEqual(['channels', 'desktop', 'subscribe']);
    expect(Object.keys(bridge.desktop ?? {}).sort()).toEqual(['printPdf', 'saveFile']);
  });

  it('exposes exactly the contract channels', () => {
    expect(Object.keys(bridge.channels).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof bridge.channels[name]).toBe('function');
  });

  it('sends each call on that channel’s IPC name, with the request as the only argument', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    const result = await bridge.channels['patient/list']({ search: 'oka' });
    expect(result).toEqual({ ok: true, value: [] });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('vigil:call:patient/list', { search: 'oka' });

    await bridge.channels['auth/status']({});
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('vigil:call:auth/status', {});
  });

  it('hands the listener the payload and the event number only, never the IPC event or its sender', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.subscribe('alert/changed', listener);
    expect(electron.ipcRenderer.on).toHaveBeenCalledOnce();
    const [ipcName, forward] = electron.ipcRenderer.on.mock.calls[0] as [string, (event: unknown, payload: unknown, seq: number) => void];
    expect(ipcName).toBe('vigil:event:alert/changed');

    forward({ sender: { send: () => undefined } }, { id: 7 }, 12);
    expect(listener).toHaveBeenCalledExactlyOnceWith({ id: 7 }, { seq: 12 });

    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith('vigil:event:alert/changed', forward);
  });

  it('accepts every contract event', () => {
    for (const name of EVENT_NAMES) bridge.subscribe(name, () => undefined)();
    expect(electron.ipcRenderer.on.mock.calls.map(([ipcName]) => ipcName).sort()).toEqual(EVENT_NAMES.map((name) => `vigil:event:${name}`).sort());
  });

  it.each(['session/deleted', 'ELECTRON_BROWSER_WINDOW_ALERT', '__proto__', 'toString', 'constructor', ''])(
    'refuses to subscribe to %s',
    (name) => {
      const subscribe = bridge.subscribe as (event: string, listener: () => void) => unknown;
      expect(() => subscribe(name, () => undefined)).toThrow(/no event named/);
      expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    },
  );

  it('refuses a listener that is not a function', () => {
    const subscribe = bridge.subscribe as (event: string, listener: unknown) => unknown;
    expect(() => subscribe('timer/tick', 'alert(1)')).toThrow(TypeError);
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});

describe('the preload bundle', () => {
  it('requires nothing but electron (a sandboxed preload cannot load Node modules) and carries no zod', async () => {
    // The same settings as scripts/build-main.mjs.
    const result = await build({
      entryPoints: ['src-main/electron/preload.ts'],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\((["'])([^"']+)\1\)/g)].map((match) => match[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/zod|ZodError/);
    expect(code.length).toBeLessThan(20_000);
  });
});
